/**
 * The kubelet's timing constants (pkg/kubelet/kubelet.go, pkg/kubelet/pleg, kuberuntime) and the
 * places where PodPlay is exact where a real node jitters. Milliseconds.
 */

/** First crash-loop / image-pull back-off (kubelet.go backOffPeriod). */
export const CONTAINER_BACKOFF_INITIAL_MS = 10_000;
/** MaxContainerBackOff; an entry idle for twice this resets (flowcontrol.Backoff hasExpired). */
export const CONTAINER_BACKOFF_MAX_MS = 300_000;
/**
 * The kubelet notices a container's exit at its next PLEG relist (every 1 s) and acts then.
 * Simplification: a real node takes 1 s or a little more; PodPlay takes exactly 1 s.
 */
export const KUBELET_SYNC_MS = 1_000;
/**
 * The kubelet acts on a change made in the API only when its pod watch delivers it: kubelet.go
 * syncLoopIteration → HandlePodUpdates → pod_workers.go UpdatePod. A deletion (deletionTimestamp,
 * deletionGracePeriodSeconds; UpdatePod sets terminatingAt = now, then SyncTerminatingPod kills) and
 * a readiness gate's condition (GeneratePodReadyCondition reads the kubelet's copy) wait for it, so a
 * watch client sees the object marked for deletion with the containers as they were (`kubectl get
 * pods -w` prints `1/1 Terminating` first). A new pod's binding does not: the kubelet's first sync is
 * drawn at the bind and SANDBOX_CREATE_MS, exact too, stands for the wait.
 * Simplification: a real watch delivers in milliseconds, varying with load; PodPlay takes exactly
 * 100 ms, the same for every change it applies to, long enough to show at the 0.1 s the UI and the
 * CLI print.
 */
export const KUBELET_WATCH_DELAY_MS = 100;
/** After a sync error without an end time (image pull back-off, config errors) the pod worker retries in ~10 s. */
export const POD_RESYNC_MS = 10_000;
/** The pod worker's periodic resync (1 minute): the longest a crash-loop back-off goes without a BackOff event. */
export const BACKOFF_RESYNC_MS = 60_000;
/** killContainer never gives a container less than 2 s between TERM and KILL. */
export const MIN_GRACE_MS = 2_000;
/** RunPodSandbox (pause container, network). Real nodes take 0.5-2 s; PodPlay takes exactly 1 s. */
export const SANDBOX_CREATE_MS = 1_000;
/** Registry round-trips before the layers (manifest, auth). Added to size / pull speed. */
export const PULL_OVERHEAD_MS = 500;

/** Where PodPlay's clock is exact and a real node's is not: the UI lists these (HelpDialog). */
interface TimingSimplification {
  what: string;
  real: string;
  podplay: string;
}

const seconds = (ms: number) => `${ms / 1000} s`;

export const TIMING_SIMPLIFICATIONS: readonly TimingSimplification[] = [
  { what: 'The kubelet notices a container exit (PLEG relist)', real: '0–1 s later, plus the sync', podplay: `exactly ${seconds(KUBELET_SYNC_MS)} later` },
  { what: 'The kubelet hears of a deletion or a condition through its watch', real: 'milliseconds, varying with load', podplay: `exactly ${seconds(KUBELET_WATCH_DELAY_MS)}` },
  { what: 'Creating the Pod sandbox (pause container, network)', real: '0.5–2 s', podplay: `exactly ${seconds(SANDBOX_CREATE_MS)}` },
  { what: 'Pulling an image', real: 'registry and network speed', podplay: `${seconds(PULL_OVERHEAD_MS)} plus size at the node's pull speed` },
  {
    what: 'The kubelet posts what it has done (the Pod IP, PodReadyToStartContainers, a started container)',
    real: 'in the status of its next sync: the sandbox\'s IP only once an image pull in the same sync has ended',
    podplay: 'as soon as it is done',
  },
  { what: 'Back-offs (crash loop, image pull)', real: 'end at the next sync after the back-off', podplay: 'end exactly when the back-off does' },
  {
    what: 'A workload controller syncs after a change to its Pods',
    real: 'milliseconds later (watch, then work queue)',
    podplay: 'at the same instant; its minReadySeconds re-syncs come exactly when queued',
  },
];
