import type {
  Container,
  HTTPGetAction,
  LifecycleHandler,
  ObjectFieldSelector,
  Pod,
  PodSpec,
  Probe,
  Volume,
} from 'kubernetes-types/core/v1';
import { defaultImagePullPolicy } from '../image-ref';

/*
 * The API server's defaulting of a v1 Pod: pkg/apis/core/v1/defaults.go and the generated walk in
 * zz_generated.defaults.go (SetObjectDefaults_Pod). Works on a copy the caller owns.
 */

const DEFAULT_MODE = 0o644; // v1.SecretVolumeSourceDefaultMode and friends: 420

function defaultFieldRef(ref: ObjectFieldSelector | undefined): void {
  if (ref && !ref.apiVersion) ref.apiVersion = 'v1'; // SetDefaults_ObjectFieldSelector
}

function defaultHTTPGet(action: HTTPGetAction | undefined): void {
  if (!action) return;
  if (!action.path) action.path = '/'; // SetDefaults_HTTPGetAction
  if (!action.scheme) action.scheme = 'HTTP';
}

function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  // SetDefaults_Probe: zero means unset, so an explicit 0 becomes the default too.
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  defaultHTTPGet(probe.httpGet);
  // GRPCAction.Service carries `+default=""` in types.go.
  if (probe.grpc && probe.grpc.service === undefined) probe.grpc.service = '';
}

function defaultHandler(handler: LifecycleHandler | undefined): void {
  defaultHTTPGet(handler?.httpGet);
}

function defaultContainer(c: Container, hostNetwork: boolean): void {
  // SetDefaults_Container
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultImagePullPolicy(c.image ?? '');
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  for (const port of c.ports ?? []) {
    if (!port.protocol) port.protocol = 'TCP';
    // defaultHostNetworkPorts: with host networking every container port is a host port.
    if (hostNetwork && !port.hostPort) port.hostPort = port.containerPort;
  }
  for (const env of c.env ?? []) defaultFieldRef(env.valueFrom?.fieldRef);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHandler(c.lifecycle?.postStart);
  defaultHandler(c.lifecycle?.preStop);
  // SetDefaults_Pod: limits without requests are copied into requests (Pods only, not templates).
  const { limits } = c.resources ?? {};
  if (limits && c.resources) c.resources.requests = { ...limits, ...c.resources.requests };
}

function defaultVolume(v: Volume): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {}; // SetDefaults_Volume
  if (v.hostPath && v.hostPath.type === undefined) v.hostPath.type = ''; // HostPathUnset
  if (v.secret && v.secret.defaultMode === undefined) v.secret.defaultMode = DEFAULT_MODE;
  if (v.configMap && v.configMap.defaultMode === undefined) v.configMap.defaultMode = DEFAULT_MODE;
  if (v.downwardAPI) {
    if (v.downwardAPI.defaultMode === undefined) v.downwardAPI.defaultMode = DEFAULT_MODE;
    for (const item of v.downwardAPI.items ?? []) defaultFieldRef(item.fieldRef);
  }
  if (v.projected) {
    if (v.projected.defaultMode === undefined) v.projected.defaultMode = DEFAULT_MODE;
    for (const source of v.projected.sources ?? []) {
      for (const item of source.downwardAPI?.items ?? []) defaultFieldRef(item.fieldRef);
      const token = source.serviceAccountToken;
      if (token && token.expirationSeconds === undefined) token.expirationSeconds = 3600;
    }
  }
}

function defaultSpec(spec: PodSpec): void {
  // SetDefaults_PodSpec
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!spec.securityContext) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  // SetDefaults_Pod
  if (spec.enableServiceLinks === undefined) spec.enableServiceLinks = true;
}

/** Applies SetObjectDefaults_Pod in place to a Pod the caller has already copied. */
export function applyPodDefaults(pod: Pod): void {
  const spec = pod.spec ?? (pod.spec = { containers: [] });
  defaultSpec(spec);
  const hostNetwork = spec.hostNetwork === true;
  for (const v of spec.volumes ?? []) defaultVolume(v);
  for (const c of spec.initContainers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.containers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.ephemeralContainers ?? []) defaultContainer(c as Container, hostNetwork);
}
