import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import { warnNamespaceSelectors } from './admission/namespace-selectors';
import { decodePod } from './admission/decode';
import { applyPodDefaults } from './admission/defaults';
import type { Diagnostic } from './admission/diagnostics';
import { admitPod } from './admission/plugins';
import type { PriorityClassInfo } from './admission/plugins';
import { validateConfigData, validateReplicaSet, validateService } from './admission/validate-objects';
import { Reporter } from './admission/reporter';
import { parseSource } from './admission/source';
import type { SourceDoc } from './admission/source';
import { validatePod } from './admission/validate-pod';
import { validateDeployment } from './admission/validate-deployment';

export type { Diagnostic } from './admission/diagnostics';
export { formatDiagnostic } from './admission/diagnostics';

/** A document of another kind (Service, Deployment, ...): kept as written for later layers. */
export interface ManifestObject {
  kind: string;
  apiVersion: string;
  name: string;
  namespace: string;
  docIndex: number;
  object: Record<string, unknown>;
}

export interface AdmittedPod {
  /** Decoded, defaulted and admitted as the API server would store it (status, uid, timestamps aside). */
  pod: Pod;
  docIndex: number;
  /** 'spec.containers[0].image' -> where the manifest writes it; undefined for defaulted fields. */
  locate(path: string): { line: number; col: number } | undefined;
}

export interface AdmissionResult {
  /** The Pods the API server would accept; a Pod with any error diagnostic is left out. */
  pods: AdmittedPod[];
  others: ManifestObject[];
  /** Sorted by position in the file. */
  diagnostics: Diagnostic[];
  /** No error diagnostics. */
  ok: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function metaOf(object: Record<string, unknown>): Record<string, unknown> {
  return isObject(object.metadata) ? object.metadata : {};
}

/** PriorityClasses defined in the same file, so a Pod may name one (scheduling.k8s.io/v1). */
function priorityClasses(docs: SourceDoc[]): Map<string, PriorityClassInfo> {
  const classes = new Map<string, PriorityClassInfo>();
  for (const { value } of docs) {
    if (!isObject(value) || value.kind !== 'PriorityClass' || typeof value.value !== 'number') continue;
    const policy = typeof value.preemptionPolicy === 'string' ? value.preemptionPolicy : undefined;
    classes.set(str(metaOf(value).name), { value: value.value, preemptionPolicy: policy });
  }
  return classes;
}

/** ServiceAccounts defined in the same file, by `namespace/name` (every namespace also has `default`). */
function serviceAccounts(docs: SourceDoc[]): Set<string> {
  const accounts = new Set<string>();
  for (const { value } of docs) {
    if (!isObject(value) || value.kind !== 'ServiceAccount' || value.apiVersion !== 'v1') continue;
    const meta = metaOf(value);
    accounts.add(`${str(meta.namespace) || 'default'}/${str(meta.name)}`);
  }
  return accounts;
}

/**
 * The ServiceAccount admission plugin looks the Pod's account up and forbids the Pod when it does
 * not exist (plugin/pkg/admission/serviceaccount/admission.go); the service account controller
 * makes `default` in every namespace.
 */
function checkServiceAccount(pod: Pod, accounts: ReadonlySet<string>, r: Reporter): void {
  const name = pod.spec?.serviceAccountName ?? 'default';
  const ns = pod.metadata?.namespace ?? 'default';
  if (name === 'default' || accounts.has(`${ns}/${name}`)) return;
  r.error('spec.serviceAccountName', `pods "${pod.metadata?.name ?? ''}" is forbidden: error looking up service account ${ns}/${name}: serviceaccount "${name}" not found`);
}

/** Checks the envelope every document needs; returns kind and apiVersion when present. */
function envelope(
  doc: SourceDoc,
  r: Reporter,
): { kind: string; apiVersion: string; object: Record<string, unknown> } | undefined {
  const { value } = doc;
  if (!isObject(value)) {
    const got = Array.isArray(value) ? 'a sequence' : `a ${typeof value === 'string' ? 'string' : 'scalar'}`;
    r.error('', `expected a mapping with apiVersion and kind, got ${got}`);
    return undefined;
  }
  // runtime.NewMissingKindErr / NewMissingVersionErr, without the JSON dump.
  if (typeof value.kind !== 'string' || !value.kind) r.error('kind', "Object 'Kind' is missing");
  if (typeof value.apiVersion !== 'string' || !value.apiVersion)
    r.error('apiVersion', "Object 'apiVersion' is missing");
  // Every kind's metadata is an ObjectMeta: encoding/json refuses anything but a mapping (or null).
  const meta = value.metadata;
  if (meta !== undefined && meta !== null && !isObject(meta)) {
    const got = Array.isArray(meta) ? 'array' : typeof meta === 'boolean' ? 'bool' : typeof meta;
    r.error('metadata', `json: cannot unmarshal ${got} into Go struct field ${str(value.kind)}.metadata of type v1.ObjectMeta`);
  }
  if (r.errorCount > 0) return undefined;
  return { kind: str(value.kind), apiVersion: str(value.apiVersion), object: value };
}

function admitPodDocument(
  doc: SourceDoc,
  object: Record<string, unknown>,
  r: Reporter,
  classes: ReadonlyMap<string, PriorityClassInfo>,
  accounts: ReadonlySet<string>,
): Pod | undefined {
  if (object.apiVersion !== 'v1') {
    r.error('apiVersion', `no matches for kind "Pod" in version "${str(object.apiVersion)}"`);
    return undefined;
  }
  const decoded = decodePod(object, r);
  if (!decoded.ok) return undefined;
  // decodePod checked every field against the core/v1 schema and built a fresh object.
  const pod = decoded.object as Pod;
  applyPodDefaults(pod);
  for (const e of admitPod(pod, `doc${doc.docIndex}`, classes)) r.error(e.path, e.message);
  checkServiceAccount(pod, accounts, r);
  validatePod(pod, r);
  return r.errorCount === 0 ? pod : undefined;
}

/**
 * Parses a (multi-document) manifest and does what `kubectl apply` plus the API server would:
 * decode, default, run the default admission plugins and validate, reporting every problem with
 * its line and column. Never throws.
 */
/** Annotations that change a real node's behaviour (AppArmor, seccomp) but not PodPlay's. */
const IGNORED_ANNOTATIONS = ['container.apparmor.security.beta.kubernetes.io/', 'seccomp.security.alpha.kubernetes.io/'];

function warnIgnoredAnnotations(pod: Pod | undefined, r: Reporter): void {
  for (const key of Object.keys(pod?.metadata?.annotations ?? {})) {
    if (IGNORED_ANNOTATIONS.some((prefix) => key.startsWith(prefix))) {
      r.warn('metadata.annotations', `${key}: not simulated by PodPlay, ignored`);
    }
  }
}

/** Kinds whose Pods the scheduler places from a template (their namespaceSelectors are read). */
const WORKLOADS = new Set(['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet']);

/** What PodPlay makes of a StatefulSet's claims (src/engine/controllers/statefulset.ts). */
const CLAIMS_SIMULATED =
  'PersistentVolumeClaims are simplified by PodPlay: each claim is storage that outlives its Pod and follows it to any node; no PersistentVolume, StorageClass or binding';

function hasClaimTemplates(object: Record<string, unknown>): boolean {
  const spec = object.spec;
  return typeof spec === 'object' && spec !== null && Array.isArray((spec as Record<string, unknown>).volumeClaimTemplates);
}

export function admitManifests(text: string, fileName = 'pod.yaml'): AdmissionResult {
  const { docs, diagnostics } = parseSource(text, fileName);
  const result: AdmissionResult = { pods: [], others: [], diagnostics, ok: true };
  const classes = priorityClasses(docs);
  const accounts = serviceAccounts(docs);
  const seen = new Set<string>();
  for (const doc of docs) {
    const r = new Reporter(fileName, doc);
    const env = envelope(doc, r);
    if (env && env.kind !== 'Pod') {
      const meta = metaOf(env.object);
      const namespace = str(meta.namespace) || 'default';
      result.others.push({ ...env, name: str(meta.name), namespace, docIndex: doc.docIndex });
      // A workload's Pods are scheduled with its template's affinity: its namespaceSelectors as a Pod's.
      if (WORKLOADS.has(env.kind) && env.apiVersion === 'apps/v1') {
        const template = (env.object.spec as { template?: { spec?: unknown } } | undefined)?.template?.spec;
        if (template && typeof template === 'object') warnNamespaceSelectors(template as PodSpec, r, 'spec.template.spec');
      }
      // Services are simulated (ClusterIP, EndpointSlices, DNS); other kinds not yet.
      if (env.kind === 'Service' && env.apiVersion === 'v1') validateService(env.object, r);
      else if ((env.kind === 'ConfigMap' || env.kind === 'Secret') && env.apiVersion === 'v1') validateConfigData(env.object, env.kind, r);
      else if (env.kind === 'ReplicaSet' && env.apiVersion === 'apps/v1') validateReplicaSet(env.object, r);
      else if (env.kind === 'Deployment' && env.apiVersion === 'apps/v1') validateDeployment(env.object, r);
      else if ((env.kind === 'StatefulSet' || env.kind === 'DaemonSet') && env.apiVersion === 'apps/v1') {
        // ValidateStatefulSetSpec and ValidateDaemonSetSpec check the selector as ValidateReplicaSetSpec does.
        validateReplicaSet(env.object, r);
        if (hasClaimTemplates(env.object)) r.warn('spec.volumeClaimTemplates', CLAIMS_SIMULATED, { onKey: true });
      }
      // A ServiceAccount only matters as the account a Pod names (checkServiceAccount), a PriorityClass
      // as the class a Pod names (Priority admission; the scheduler preempts by the priority it gives).
      else if (!(env.kind === 'ServiceAccount' && env.apiVersion === 'v1') && !(env.kind === 'PriorityClass' && env.apiVersion === 'scheduling.k8s.io/v1'))
        r.warn('kind', `kind ${env.kind} is not simulated yet`);
    } else if (env) {
      const pod = admitPodDocument(doc, env.object, r, classes, accounts);
      warnIgnoredAnnotations(pod, r);
      const key = `${pod?.metadata?.namespace}/${pod?.metadata?.name}`;
      if (pod && seen.has(key)) {
        r.error('metadata.name', `pods "${pod.metadata?.name}" already exists`);
      } else if (pod) {
        seen.add(key);
        result.pods.push({ pod, docIndex: doc.docIndex, locate: (path) => r.locate(path) });
      }
    }
    diagnostics.push(...r.diagnostics);
  }
  diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
  result.ok = diagnostics.every((d) => d.severity !== 'error');
  return result;
}
