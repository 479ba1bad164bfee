/**
 * The files the kubelet's volume plugins write for a Pod's volumes (pkg/volume/{configmap,secret,
 * downwardapi,projected}): MakePayload for configMap and secret (every key, or `items` at their
 * paths), downwardapi.CollectData, and the projected plugin's collectData, which gathers every
 * source into one directory and reports every failure at once (utilerrors.NewAggregate).
 * File modes (`defaultMode`, `items[].mode`) are not modelled: PodPlay's file systems have none.
 */
import type { ConfigMapProjection, DownwardAPIVolumeFile, KeyToPath, Pod, SecretProjection, ServiceAccountTokenProjection, VolumeProjection } from 'kubernetes-types/core/v1';
import { SIM_EPOCH_MS } from '../../k8s';
import type { SandboxConfig } from '../../runtime/sandbox-types';
import type { ConfigStore } from '../cluster/config-objects';
import { resourceValue } from './container-config';

export type Files = Record<string, string>;
export type Payload = { ok: true; files: Files } | { ok: false; error: string };

export interface VolumeContext {
  fields: Record<string, string>;
  store: ConfigStore;
  allocatable: Record<string, string>;
  /** Virtual ms when the volume is set up (a projected token's iat). */
  now: number;
  uid: string;
}

/** The API server's issuer and default audience (kube-apiserver --service-account-issuer in kubeadm clusters). */
export const TOKEN_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** secret.MakePayload / configmap.MakePayload: a missing listed key fails unless the source is optional. */
export function makePayload(kind: 'secret' | 'configmap', data: Files, items: KeyToPath[] | undefined, optional: boolean): Payload {
  if (!items || items.length === 0) return { ok: true, files: { ...data } };
  const files: Files = {};
  for (const item of items) {
    if (Object.hasOwn(data, item.key)) files[item.path] = data[item.key];
    else if (!optional) {
      return { ok: false, error: kind === 'secret' ? `references non-existent secret key: ${item.key}` : `configmap references non-existent config key: ${item.key}` };
    }
  }
  return { ok: true, files };
}

/** A configMap or secret source: the object (an optional missing one counts as empty), then its payload. */
export function objectPayload(kind: 'secret' | 'configmap', name: string, items: KeyToPath[] | undefined, optional: boolean, pod: Pod, ctx: VolumeContext): Payload {
  const ns = pod.metadata?.namespace ?? 'default';
  const data = kind === 'secret' ? ctx.store.secret(ns, name) : ctx.store.configMap(ns, name);
  // The kubelet's secret/configmap managers answer apierrors.NewNotFound(corev1.Resource("secret"), name).
  if (!data && !optional) return { ok: false, error: `${kind} "${name}" not found` };
  return makePayload(kind, data ?? {}, items, optional);
}

/** downwardapi.CollectData: fieldRef values, and resourceFieldRef of the named container. */
export function downwardPayload(items: DownwardAPIVolumeFile[] | undefined, pod: Pod, ctx: VolumeContext): Files {
  const files: Files = {};
  for (const item of items ?? []) {
    if (item.fieldRef) files[item.path] = ctx.fields[item.fieldRef.fieldPath] ?? '';
    // A volume item names its container (required there): limits fall back to the node's allocatable.
    const ref = item.resourceFieldRef;
    const target = ref && (pod.spec?.containers ?? []).find((c) => c.name === ref.containerName);
    if (ref && target) files[item.path] = resourceValue(target, ref.resource, ref.divisor, ctx.allocatable);
  }
  return files;
}

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A bound service account token as the TokenRequest API returns it: a JWT whose claims name the
 * audience, the Pod and its service account; the signature is not a real one.
 */
export function serviceAccountToken(source: ServiceAccountTokenProjection, pod: Pod, ctx: VolumeContext): string {
  const iat = Math.floor((SIM_EPOCH_MS + ctx.now) / 1000);
  const ns = pod.metadata?.namespace ?? 'default';
  const account = pod.spec?.serviceAccountName ?? 'default';
  const claims = {
    aud: [source.audience || TOKEN_ISSUER],
    exp: iat + (source.expirationSeconds ?? 3600),
    iat,
    iss: TOKEN_ISSUER,
    'kubernetes.io': { namespace: ns, pod: { name: pod.metadata?.name ?? '', uid: ctx.uid }, serviceaccount: { name: account } },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${account}`,
  };
  return `${base64url(JSON.stringify({ alg: 'RS256', kid: 'podplay' }))}.${base64url(JSON.stringify(claims))}.c2ltdWxhdGVk`;
}

function sourcePayload(source: VolumeProjection, pod: Pod, ctx: VolumeContext): Payload | undefined {
  const object = (kind: 'secret' | 'configmap', s: SecretProjection | ConfigMapProjection) => objectPayload(kind, s.name ?? '', s.items, Boolean(s.optional), pod, ctx);
  if (source.secret) return object('secret', source.secret);
  if (source.configMap) return object('configmap', source.configMap);
  if (source.downwardAPI) return { ok: true, files: downwardPayload(source.downwardAPI.items, pod, ctx) };
  if (source.serviceAccountToken) return { ok: true, files: { [source.serviceAccountToken.path]: serviceAccountToken(source.serviceAccountToken, pod, ctx) } };
  // clusterTrustBundle and podCertificate: admission warns that PodPlay does not simulate them.
  return undefined;
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several (deduplicated) in brackets. */
function aggregate(errors: string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** The projected plugin's collectData: every source into one directory; all failures together. */
export function projectedPayload(sources: VolumeProjection[] | undefined, pod: Pod, ctx: VolumeContext): Payload {
  const files: Files = {};
  const errors: string[] = [];
  for (const source of sources ?? []) {
    const payload = sourcePayload(source, pod, ctx);
    if (!payload) continue;
    if (payload.ok) Object.assign(files, payload.files);
    else errors.push(payload.error);
  }
  return errors.length ? { ok: false, error: aggregate(errors) } : { ok: true, files };
}

/**
 * The sandbox's volumes. One whose payload fails (a missing Secret or ConfigMap that is not
 * optional, a missing listed key) cannot be mounted: the answer lists those, worded as the kubelet's
 * FailedMount event, and the Pod stays ContainerCreating.
 */
export function podVolumes(pod: Pod, ctx: VolumeContext): { volumes: SandboxConfig['volumes']; failures: string[] } {
  const volumes: SandboxConfig['volumes'] = {};
  const failures: string[] = [];
  const files = (kind: 'configMap' | 'secret' | 'downwardAPI', name: string, payload: Payload) => {
    if (payload.ok) volumes[name] = { kind, files: payload.files };
    else failures.push(`MountVolume.SetUp failed for volume "${name}" : ${payload.error}`);
  };
  const ns = pod.metadata?.namespace ?? 'default';
  for (const v of pod.spec?.volumes ?? []) {
    const claim = v.persistentVolumeClaim && ctx.store.claim?.(ns, v.persistentVolumeClaim.claimName);
    if (v.emptyDir) volumes[v.name] = { kind: 'emptyDir', medium: v.emptyDir.medium === 'Memory' ? 'Memory' : '' };
    else if (v.hostPath) volumes[v.name] = { kind: 'hostPath', path: v.hostPath.path };
    // A StatefulSet's claim: storage that outlives the Pod (PersistentVolumes themselves are not simulated).
    else if (claim) volumes[v.name] = { kind: 'persistent', fs: claim };
    else if (v.configMap) files('configMap', v.name, objectPayload('configmap', v.configMap.name ?? '', v.configMap.items, Boolean(v.configMap.optional), pod, ctx));
    else if (v.secret) files('secret', v.name, objectPayload('secret', v.secret.secretName ?? '', v.secret.items, Boolean(v.secret.optional), pod, ctx));
    else if (v.downwardAPI) files('downwardAPI', v.name, { ok: true, files: downwardPayload(v.downwardAPI.items, pod, ctx) });
    else if (v.projected) files('secret', v.name, projectedPayload(v.projected.sources, pod, ctx));
    else volumes[v.name] = { kind: 'emptyDir' };
  }
  return { volumes, failures };
}
