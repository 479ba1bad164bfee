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
