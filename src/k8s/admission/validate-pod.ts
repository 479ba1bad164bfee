import type { Container, Pod, PodSpec, Volume } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { tryParseQuantity } from '../quantity';
import { fieldError } from './diagnostics';
import {
  inclusiveRangeError,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
} from './names';
import type { Reporter } from './reporter';
import { warnNamespaceSelectors } from './namespace-selectors';
import { validateContainers, validateInitContainers } from './validate-container';

/*
 * ValidatePodCreate -> validatePodMetadataAndSpec -> ValidateObjectMeta, ValidatePodSpec
 * (pkg/apis/core/validation/validation.go), then GetWarningsForPod (pkg/api/pod/warnings.go).
 */

function validateMeta(meta: ObjectMeta, r: Reporter): void {
  // NameIsDNSSubdomain(name, prefix=true) masks one trailing dash: a prefix may end with '-'.
  if (meta.generateName) {
    const masked = meta.generateName.length > 1 ? meta.generateName.replace(/-$/, 'a') : meta.generateName;
    for (const msg of isDNS1123Subdomain(masked))
      r.error('metadata.generateName', fieldError.invalid(meta.generateName, msg));
  }
  if (!meta.name) r.error('metadata.name', fieldError.required('name or generateName is required'));
  else
    for (const msg of isDNS1123Subdomain(meta.name))
      r.error('metadata.name', fieldError.invalid(meta.name, msg));
  for (const msg of isDNS1123Label(meta.namespace ?? ''))
    r.error('metadata.namespace', fieldError.invalid(meta.namespace, msg));
  validateLabels(meta.labels, 'metadata.labels', r);
  for (const key of Object.keys(meta.annotations ?? {})) {
    for (const msg of isQualifiedName(key.toLowerCase())) {
      r.error('metadata.annotations', fieldError.invalid(key, msg), {
        path: `metadata.annotations[${key}]`,
        onKey: true,
      });
    }
  }
}

/** ValidateLabels: keys are qualified names, values label values; reported on the map, placed at the entry. */
function validateLabels(labels: Record<string, string> | undefined, path: string, r: Reporter): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(key))
      r.error(path, fieldError.invalid(key, msg), { path: `${path}[${key}]`, onKey: true });
    for (const msg of isValidLabelValue(value))
      r.error(path, fieldError.invalid(value, msg), { path: `${path}[${key}]` });
  }
}

/** ValidateVolumes: unique DNS-label names, exactly one source each (defaulting gave bare ones emptyDir). */
function validateVolumes(volumes: Volume[], r: Reporter): Set<string> {
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const path = `spec.volumes[${i}]`;
    const errors = r.errorCount;
    if (!v.name) r.error(`${path}.name`, fieldError.required());
    else for (const msg of isDNS1123Label(v.name)) r.error(`${path}.name`, fieldError.invalid(v.name, msg));
    if (names.has(v.name)) r.error(`${path}.name`, fieldError.duplicate(v.name));
    for (const extra of Object.keys(v)
      .filter((k) => k !== 'name')
      .slice(1)) {
      r.error(`${path}.${extra}`, fieldError.forbidden('may not specify more than 1 volume type'), {
        onKey: true,
      });
    }
    if (r.errorCount === errors) names.add(v.name);
  });
  return names;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** ValidateTolerations: the node-failure part of the simulation reads these. */
function validateTolerations(spec: PodSpec, r: Reporter): void {
  (spec.tolerations ?? []).forEach((t, i) => {
    const path = `spec.tolerations[${i}]`;
    if (t.key)
      for (const msg of isQualifiedName(t.key)) r.error(`${path}.key`, fieldError.invalid(t.key, msg));
    if (!t.key && t.operator !== 'Exists') {
      r.error(
        `${path}.operator`,
        fieldError.invalid(
          t.operator ?? '',
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      r.error(
        `${path}.effect`,
        fieldError.invalid(t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      );
    }
    if (t.operator === 'Exists' && t.value)
      r.error(
        `${path}.operator`,
        fieldError.invalid(t.value, "value must be empty when `operator` is 'Exists'"),
      );
    else if (t.operator && t.operator !== 'Equal' && t.operator !== 'Exists') {
      r.error(`${path}.operator`, fieldError.notSupported(t.operator, ['Equal', 'Exists']));
    }
    if (t.effect && !EFFECTS.includes(t.effect))
      r.error(`${path}.effect`, fieldError.notSupported(t.effect, EFFECTS));
  });
}

function enumCheck(value: string | undefined, supported: string[], path: string, r: Reporter): void {
  if (!value) r.error(path, fieldError.required());
  else if (!supported.includes(value)) r.error(path, fieldError.notSupported(value, supported));
}

function subdomainCheck(value: string | undefined, path: string, r: Reporter): void {
  if (value) for (const msg of isDNS1123Subdomain(value)) r.error(path, fieldError.invalid(value, msg));
}

function validateSpec(spec: PodSpec, r: Reporter): void {
  if (spec.terminationGracePeriodSeconds === undefined)
    r.error('spec.terminationGracePeriodSeconds', fieldError.required());
  const volumes = validateVolumes(spec.volumes ?? [], r);
  const ctx = { volumes, gracePeriod: spec.terminationGracePeriodSeconds, r };
  validateContainers(spec.containers ?? [], ctx);
  validateInitContainers(spec.initContainers ?? [], spec.containers ?? [], ctx);
  enumCheck(spec.restartPolicy, ['Always', 'OnFailure', 'Never'], 'spec.restartPolicy', r);
  enumCheck(
    spec.dnsPolicy,
    ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
    'spec.dnsPolicy',
    r,
  );
  validateLabels(spec.nodeSelector, 'spec.nodeSelector', r);
  (spec.readinessGates ?? []).forEach((g, i) => {
    const path = `spec.readinessGates[${i}].conditionType`;
    for (const msg of isQualifiedName(g.conditionType ?? ''))
      r.error(path, fieldError.invalid(g.conditionType ?? '', msg));
  });
  subdomainCheck(spec.serviceAccountName, 'spec.serviceAccountName', r);
  subdomainCheck(spec.nodeName, 'spec.nodeName', r);
  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && (deadline < 1 || deadline > 2 ** 31 - 1)) {
    r.error('spec.activeDeadlineSeconds', fieldError.invalid(deadline, inclusiveRangeError(1, 2 ** 31 - 1)));
  }
  for (const field of ['hostname', 'subdomain'] as const) {
    const value = spec[field];
    if (value)
      for (const msg of isDNS1123Label(value)) r.error(`spec.${field}`, fieldError.invalid(value, msg));
  }
  validateTolerations(spec, r);
  subdomainCheck(spec.priorityClassName, 'spec.priorityClassName', r);
  // ValidatePodCreate: ephemeral containers only arrive through their subresource.
  if (spec.ephemeralContainers?.length)
    r.error('spec.ephemeralContainers', fieldError.forbidden('cannot be set on create'), { onKey: true });
  if (spec.nodeName && spec.schedulingGates?.length) {
    r.error(
      'spec.nodeName',
      fieldError.forbidden('cannot be set until all schedulingGates have been cleared'),
    );
  }
}

/** GetWarningsForPod: accepted, but the API server warns (pkg/api/pod/warnings.go). */
function podWarnings(spec: PodSpec, r: Reporter): void {
  const grace = spec.terminationGracePeriodSeconds;
  if (grace !== undefined && grace < 0) {
    r.warn(
      'spec.terminationGracePeriodSeconds',
      'must be >= 0; negative values are invalid and will be treated as 1',
    );
  }
  const visit = (containers: Container[] | undefined, kind: string): void =>
    (containers ?? []).forEach((c, i) => {
      const path = `spec.${kind}[${i}]`;
      for (const list of ['limits', 'requests'] as const) {
        const q = c.resources?.[list]?.memory;
        const bytes = q === undefined ? undefined : tryParseQuantity(q);
        if (bytes !== undefined && !Number.isInteger(bytes)) {
          r.warn(
            `${path}.resources.${list}[memory]`,
            `fractional byte value ${JSON.stringify(String(q))} is invalid, must be an integer`,
          );
        }
      }
      const seen = new Set<string>();
      (c.env ?? []).forEach((e, j) => {
        const ref = `$(${e.name})`;
        if (seen.has(e.name) && (e.valueFrom || e.value === ref || !(e.value ?? '').includes(ref))) {
          r.warn(
            `${path}.env[${j}]`,
            `hides previous definition of ${JSON.stringify(e.name)}, which may be dropped when using apply`,
          );
        }
        seen.add(e.name);
      });
    });
  visit(spec.initContainers, 'initContainers');
  visit(spec.containers, 'containers');
}

/** Validates a defaulted, admitted Pod; diagnostics go to the reporter. */
export function validatePod(pod: Pod, r: Reporter): void {
  validateMeta(pod.metadata ?? {}, r);
  validateSpec(pod.spec ?? { containers: [] }, r);
  podWarnings(pod.spec ?? { containers: [] }, r);
  warnNamespaceSelectors(pod.spec ?? { containers: [] }, r);
}
