/**
 * One sentence per state, and the Kubernetes documentation page that explains it, keyed by machine
 * id and dotted state path ('' is the machine itself). A state without its own entry falls back to
 * its nearest ancestor's, then to the machine's.
 */
export interface Explanation {
  text: string;
  href: string;
  /** Link text: the title of the page or section. */
  source: string;
}

const DOCS = 'https://kubernetes.io/docs';
const LIFECYCLE = `${DOCS}/concepts/workloads/pods/pod-lifecycle/`;
const IMAGES = `${DOCS}/concepts/containers/images/`;
const HOOKS = `${DOCS}/concepts/containers/container-lifecycle-hooks/`;
const PROBES_TASK = `${DOCS}/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/`;
const PROBES = `${DOCS}/concepts/configuration/liveness-readiness-startup-probes/`;
const NODES = `${DOCS}/concepts/architecture/nodes/`;
const DEPLOYMENTS = `${DOCS}/concepts/workloads/controllers/deployment/`;
const STS = `${DOCS}/concepts/workloads/controllers/statefulset/`;

function doc(text: string, href: string, source: string): Explanation {
  return { text, href, source };
}

export const explanations: Readonly<Record<string, Readonly<Record<string, Explanation>>>> = {
  container: {
    '': doc('One container as the kubelet drives it: Waiting, Running, then Terminated, and restarted as its restart policy says.', `${LIFECYCLE}#container-states`, 'Container states'),
    waiting: doc('The container is not running yet: the kubelet is still pulling its image, creating it, or waiting to restart it.', `${LIFECYCLE}#container-state-waiting`, 'Container state: Waiting'),
    'waiting.blocked': doc('Not started yet: the kubelet waits for the pod sandbox, for the init containers before this one, or for its turn.', `${DOCS}/concepts/workloads/pods/init-containers/`, 'Init containers'),
    'waiting.pulling': doc('The kubelet makes sure the image is on the node, pulling it from the registry when the imagePullPolicy asks for it.', `${IMAGES}#image-pull-policy`, 'Image pull policy'),
    'waiting.errImagePull': doc('The image pull failed (an unknown image or tag, or no access), so the container waits with reason ErrImagePull.', `${IMAGES}#imagepullbackoff`, 'ImagePullBackOff'),
    'waiting.imagePullBackOff': doc('The kubelet waits before pulling again: 10 s, then 20 s, 40 s … up to 5 minutes.', `${IMAGES}#imagepullbackoff`, 'ImagePullBackOff'),
    'waiting.errImageNeverPull': doc('The imagePullPolicy is Never and the image is not on the node, so the kubelet cannot start this container.', `${IMAGES}#image-pull-policy`, 'Image pull policy'),
    'waiting.invalidImageName': doc('The image name cannot be parsed, so no registry is ever asked; the kubelet fails the same way at each sync.', `${IMAGES}#image-names`, 'Image names'),
    'waiting.createContainerConfigError': doc('The container refers to a ConfigMap, Secret or key that does not exist; the kubelet tries again at each sync.', `${DOCS}/tasks/configure-pod-container/configure-pod-configmap/`, 'Configure a Pod to use a ConfigMap'),
    'waiting.creating': doc('The kubelet asks the container runtime to create the container and start its process.', `${LIFECYCLE}#container-state-waiting`, 'Container state: Waiting'),
    'waiting.crashLoopBackOff': doc('The kubelet waits before restarting a container that keeps failing: 10 s, then 20 s, 40 s … up to 5 minutes.', `${LIFECYCLE}#container-restarts`, 'Container restarts'),
    'waiting.crashLoopBackOff.resync': doc('While it waits, the kubelet syncs the pod about every 10 s and records a BackOff event each time.', `${LIFECYCLE}#container-restarts`, 'Container restarts'),
    running: doc('The container is executing; the kubelet reports it Running once its postStart hook, if any, has finished.', `${LIFECYCLE}#container-state-running`, 'Container state: Running'),
    'running.checkPostStart': doc('Does the container define a postStart hook? If it does, the kubelet runs it before anything else.', HOOKS, 'Container lifecycle hooks'),
    'running.postStart': doc('The postStart hook runs right after the container is created; if it fails, the kubelet kills the container.', `${HOOKS}#hook-handler-execution`, 'Hook handler execution'),
    'running.main': doc('The main process runs; startup, readiness and liveness probes now decide whether it is started, ready and alive.', `${LIFECYCLE}#container-probes`, 'Container probes'),
    stopping: doc('The kubelet is stopping the container: preStop hook first, then TERM, then KILL when the grace period runs out.', `${LIFECYCLE}#pod-termination`, 'Termination of Pods'),
    'stopping.checkPreStop': doc('Does the container define a preStop hook? If it does, it runs before the TERM signal is sent.', HOOKS, 'Container lifecycle hooks'),
    'stopping.preStop': doc('The preStop hook runs inside the termination grace period; TERM follows when it finishes or the period ends.', `${HOOKS}#hook-handler-execution`, 'Hook handler execution'),
    'stopping.terminating': doc('TERM has been sent to the main process (PID 1); it has what is left of the grace period to exit.', `${LIFECYCLE}#pod-termination`, 'Termination of Pods'),
    'stopping.killed': doc('The grace period is over: the kubelet sent KILL, which no process can ignore (exit code 137).', `${LIFECYCLE}#pod-termination-forced`, 'Forced Pod termination'),
    terminated: doc('The process has exited with an exit code and a reason (Completed, Error, OOMKilled); the restart policy decides what follows.', `${LIFECYCLE}#container-state-terminated`, 'Container state: Terminated'),
  },
  probe: {
    '': doc('A probe worker: one per container and probe type, probing every periodSeconds and applying the thresholds.', PROBES, 'Liveness, readiness and startup probes'),
    ticker: doc('This region ticks every periodSeconds from the moment the worker starts, in parallel with the prober.', `${PROBES_TASK}#configure-probes`, 'Configure probes'),
    'ticker.ticking': doc('Each tick starts a round of the prober; a tick that comes while a probe is still out is dropped.', `${PROBES_TASK}#configure-probes`, 'Configure probes'),
    'ticker.stopped': doc('The prober stopped, so the ticker stops too: the worker is gone and probes no more.', `${LIFECYCLE}#container-probes`, 'Container probes'),
    prober: doc('This region decides on each tick whether to probe, and turns probe answers into results with the thresholds.', `${PROBES_TASK}#configure-probes`, 'Configure probes'),
    'prober.idle': doc('Nothing to do until the next tick.', `${PROBES_TASK}#configure-probes`, 'Configure probes'),
    'prober.deciding': doc('The worker checks, in order: is there a container, is it running, has initialDelaySeconds passed, does a startup probe still hold it back.', `${PROBES_TASK}#configure-probes`, 'Configure probes'),
    'prober.probing': doc('The probe runs (exec, httpGet, tcpSocket or grpc) and must answer within timeoutSeconds; failureThreshold answers in a row make a result.', `${LIFECYCLE}#probe-check-methods`, 'Probe check methods'),
    'prober.stopped': doc('The worker has stopped for good: the pod is gone, or its container exited and will not be restarted.', `${LIFECYCLE}#container-probes`, 'Container probes'),
  },
  pod: {
    '': doc('A Pod on its node: scheduled, its sandbox created, its init containers then its containers run, and finally torn down.', LIFECYCLE, 'Pod Lifecycle'),
    scheduling: doc('The Pod exists in the API but no node has been chosen for it yet: its phase is Pending.', `${LIFECYCLE}#pod-phase`, 'Pod phase'),
    unschedulable: doc('The scheduler found no node that fits (resources, taints, affinity); the Pod stays Pending and it keeps trying.', `${DOCS}/concepts/scheduling-eviction/kube-scheduler/`, 'Kubernetes Scheduler'),
    syncing: doc('The Pod is bound to the node, and the kubelet syncs it: sandbox, init containers, then the app containers.', `${LIFECYCLE}#pod-lifetime`, 'Pod lifetime'),
    'syncing.creatingSandbox': doc('The kubelet creates the Pod sandbox: the pause container and the Pod network namespace with its IP.', `${LIFECYCLE}#pod-conditions`, 'Pod conditions'),
    'syncing.initializing': doc('Init containers run one after another, each to completion, before any app container starts.', `${DOCS}/concepts/workloads/pods/init-containers/`, 'Init containers'),
    'syncing.running': doc('The app containers (and sidecars) run; the Pod is Running while at least one of them is running or restarting.', `${LIFECYCLE}#pod-phase`, 'Pod phase'),
    finished: doc('Every container has exited and none will restart: the Pod is Succeeded or Failed and stays so.', `${LIFECYCLE}#pod-phase`, 'Pod phase'),
    terminating: doc('The Pod was deleted: each container gets its preStop hook, TERM, and KILL when the grace period ends.', `${LIFECYCLE}#pod-termination`, 'Termination of Pods'),
    evicting: doc('The node ran short of a resource: the kubelet kills every container at once and marks the Pod Failed, reason Evicted.', `${DOCS}/concepts/scheduling-eviction/node-pressure-eviction/`, 'Node-pressure eviction'),
    lost: doc('The node stopped reporting, so the control plane no longer knows what the Pod is doing.', `${LIFECYCLE}#pod-phase`, 'Pod phase'),
    removed: doc('The Pod object is gone from the API server.', `${LIFECYCLE}#pod-termination`, 'Termination of Pods'),
  },
  node: {
    '': doc('The node as the control plane sees it, through the kubelet\u2019s status reports and heartbeats.', `${NODES}#condition`, 'Node conditions'),
    ready: doc('The kubelet reports the node healthy and able to run Pods: condition Ready is True.', `${NODES}#condition`, 'Node conditions'),
    notReady: doc('The kubelet reports a problem (runtime, network, pressure): condition Ready is False.', `${NODES}#condition`, 'Node conditions'),
    silent: doc('The kubelet has stopped posting status; the node controller waits for the monitor grace period before it reacts.', `${NODES}#heartbeats`, 'Heartbeats'),
    unknown: doc('No heartbeat within the grace period: condition Ready becomes Unknown and the node is tainted unreachable.', `${NODES}#condition`, 'Node conditions'),
  },
  deployment: {
    '': doc('A Deployment\u2019s rollout as its controller reports it in the Progressing condition: a ReplicaSet per pod template, pods moved from the old ones to the new one.', `${DEPLOYMENTS}#deployment-status`, 'Deployment status'),
    progressing: doc('The controller scales the new ReplicaSet up and the old ones down, within maxSurge and maxUnavailable: Progressing is True.', `${DEPLOYMENTS}#progressing-deployment`, 'Progressing Deployment'),
    complete: doc('Every replica runs the new template and is available: Progressing is True with reason NewReplicaSetAvailable.', `${DEPLOYMENTS}#complete-deployment`, 'Complete Deployment'),
    failed: doc('No progress for progressDeadlineSeconds: Progressing is False, reason ProgressDeadlineExceeded. The controller does not roll back; it keeps trying.', `${DEPLOYMENTS}#failed-deployment`, 'Failed Deployment'),
    paused: doc('kubectl rollout pause: template changes wait for a resume; scaling still happens. Progressing is Unknown, reason DeploymentPaused.', `${DEPLOYMENTS}#pausing-and-resuming-a-deployment`, 'Pausing and Resuming a Deployment'),
  },
  statefulset: {
    '': doc('The StatefulSet controller: Pods named <set>-0, <set>-1, … created in order, each with its own identity and storage.', STS, 'StatefulSets'),
    stable: doc('Every ordinal below spec.replicas has a Running and Ready Pod, and there are no others: nothing to do.', STS, 'StatefulSets'),
    creating: doc('The controller just created a Pod (and its PersistentVolumeClaims the first time), with the name its ordinal gives.', `${STS}#deployment-and-scaling-guarantees`, 'Deployment and Scaling Guarantees'),
    waitingForReady: doc('With OrderedReady, the next Pod is created only when the one before it is Running and Ready.', `${STS}#orderedready-pod-management`, 'OrderedReady Pod Management'),
    deleting: doc('The controller just deleted a Pod: scaling down removes the highest ordinal first, one at a time.', `${STS}#deployment-and-scaling-guarantees`, 'Deployment and Scaling Guarantees'),
    waitingForTermination: doc('A Pod is terminating: the controller waits until it is gone before creating it again under the same name or deleting the next one.', `${STS}#deployment-and-scaling-guarantees`, 'Deployment and Scaling Guarantees'),
  },
};

/** The explanation for a state, or its nearest ancestor's, or the machine's. */
export function explain(machine: string, path: string): Explanation | undefined {
  const table = explanations[machine];
  if (!table) return undefined;
  let p = path;
  for (;;) {
    const entry = table[p];
    if (entry) return entry;
    if (p === '') return undefined;
    const dot = p.lastIndexOf('.');
    p = dot < 0 ? '' : p.slice(0, dot);
  }
}
