import type { Pod, PodSpec, Toleration, Volume } from 'kubernetes-types/core/v1';

/*
 * What the API server does to a Pod between defaulting and validation: the request namespace,
 * generateName, and the default mutating admission plugins that touch Pods (ServiceAccount,
 * DefaultTolerationSeconds, Priority). Works on a copy the caller owns.
 */

/** A PriorityClass the manifest itself defines (name -> value, preemptionPolicy). */
export interface PriorityClassInfo {
  value: number;
  preemptionPolicy?: string;
}

// pkg/apis/scheduling/types.go, SystemPriorityClasses.
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
};

// k8s.io/apimachinery/pkg/util/rand: the alphabet of generated name suffixes (no vowels, no look-alikes).
const RAND_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * A deterministic stand-in for utilrand.String(5): the simulation must replay identically, so the
 * suffix comes from an FNV-1a hash of a seed instead of a random source.
 */
export function nameSuffix(seed: string, length = 5): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    out += RAND_ALPHABET[h % RAND_ALPHABET.length];
    h = Math.imul(h ^ (i + 1), 0x01000193) >>> 0;
  }
  return out;
}

const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

// plugin/pkg/admission/serviceaccount/admission.go, TokenVolumeSource.
function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 0o644,
      sources: [
        { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
    },
  };
}

/** ServiceAccount admission: the default account, and its API token mounted in every container. */
function admitServiceAccount(spec: PodSpec, seed: string): void {
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  // The deprecated alias the v1 conversion fills from serviceAccountName.
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  // Admission runs before validation: a volume without a name or a pod without containers gets
  // here too, and is reported by validation, not tripped over.
  const existing = (spec.volumes ?? []).find((v) => (v.name as string | undefined)?.startsWith('kube-api-access-'));
  const volumeName = existing?.name ?? `kube-api-access-${nameSuffix(`${seed}/kube-api-access`)}`;
  let needsVolume = false;
  for (const c of [...(spec.initContainers ?? []), ...((spec.containers as PodSpec['containers'] | undefined) ?? [])]) {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue;
    c.volumeMounts = [
      ...(c.volumeMounts ?? []),
      { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH },
    ];
    needsVolume = true;
  }
  if (!existing && needsVolume) spec.volumes = [...(spec.volumes ?? []), tokenVolume(volumeName)];
}

/**
 * An admitted Pod as admitting it again under another name would give: the only part of admission
 * that depends on the name is the generated token volume's suffix. Controllers admit their template
 * once and stamp out pods with this (a full admission per pod is most of a large rollout's cost).
 */
export function renameAdmittedPod(pod: Pod, name: string, seed: string): Pod {
  const copy = structuredClone(pod);
  const meta = copy.metadata ?? (copy.metadata = {});
  const namespace = meta.namespace ?? 'default';
  const generated = `kube-api-access-${nameSuffix(`${seed}/${namespace}/${meta.name ?? ''}/kube-api-access`)}`;
  const renamed = `kube-api-access-${nameSuffix(`${seed}/${namespace}/${name}/kube-api-access`)}`;
  meta.name = name;
  const spec = copy.spec;
  if (!spec?.volumes?.some((v) => v.name === generated)) return copy;
  for (const v of spec.volumes) if (v.name === generated) v.name = renamed;
  for (const c of [...(spec.initContainers ?? []), ...((spec.containers as PodSpec['containers'] | undefined) ?? [])]) {
    for (const m of c.volumeMounts ?? []) if (m.name === generated) m.name = renamed;
  }
  return copy;
}

/** DefaultTolerationSeconds admission: 300 s of tolerance for a not-ready or unreachable node. */
function admitDefaultTolerations(spec: PodSpec): void {
  const tolerations = spec.tolerations ?? [];
  const tolerates = (key: string): boolean =>
    tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const added: Toleration[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerates(key)) added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  if (added.length > 0) spec.tolerations = [...tolerations, ...added];
}

/**
 * Priority admission: resolves priorityClassName to spec.priority (0 without one) and the
 * preemption policy. Returns the admission error message, if any.
 */
function admitPriority(
  pod: Pod,
  spec: PodSpec,
  classes: ReadonlyMap<string, PriorityClassInfo>,
): string | undefined {
  const forbidden = (why: string): string => `pods "${pod.metadata?.name ?? ''}" is forbidden: ${why}`;
  let resolved: PriorityClassInfo = { value: 0 };
  const className = spec.priorityClassName;
  if (className) {
    const system = SYSTEM_PRIORITY_CLASSES[className];
    const found = system !== undefined ? { value: system } : classes.get(className);
    if (!found) return forbidden(`no PriorityClass with name ${className} was found`);
    resolved = found;
  }
  if (spec.priority !== undefined && spec.priority !== resolved.value) {
    return forbidden(
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; ` +
        `priority admission controller computed ${resolved.value} from the given PriorityClass name`,
    );
  }
  spec.priority = resolved.value;
  const policy = resolved.preemptionPolicy ?? 'PreemptLowerPriority';
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== policy) {
    return forbidden(
      `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; ` +
        `priority admission controller computed ${policy} from the given PriorityClass name`,
    );
  }
  spec.preemptionPolicy = policy;
  return undefined;
}

export interface PluginError {
  path: string;
  message: string;
}

/**
 * Namespace, generated name and the mutating admission plugins, in the API server's order.
 * `seed` makes generated suffixes stable across runs.
 */
export function admitPod(
  pod: Pod,
  seed: string,
  classes: ReadonlyMap<string, PriorityClassInfo>,
): PluginError[] {
  const meta = pod.metadata ?? (pod.metadata = {});
  if (!meta.namespace) meta.namespace = 'default'; // kubectl sends the request to the default namespace
  const spec = pod.spec as PodSpec;
  const errors: PluginError[] = [];
  admitServiceAccount(spec, `${seed}/${meta.namespace}/${meta.name ?? meta.generateName ?? ''}`);
  admitDefaultTolerations(spec);
  const priorityError = admitPriority(pod, spec, classes);
  if (priorityError) errors.push({ path: 'spec.priorityClassName', message: priorityError });
  // rest.BeforeCreate: names.SimpleNameGenerator keeps at most 58 characters of the prefix.
  if (!meta.name && meta.generateName) {
    meta.name = `${meta.generateName.slice(0, 58)}${nameSuffix(`${seed}/${meta.namespace}/${meta.generateName}`)}`;
  }
  return errors;
}
