import type { Container, ResourceRequirements } from 'kubernetes-types/core/v1';
import { tryParseQuantity } from '../quantity';
import { fieldError } from './diagnostics';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './names';
import type { Reporter } from './reporter';
import { validateEnv } from './validate-env';
import { validateLifecycle, validateProbe } from './validate-probe';

/*
 * Containers: validateContainerCommon, validateContainerPorts, ValidateVolumeMounts,
 * ValidateContainerResourceRequirements, validateContainers and validateInitContainers in
 * pkg/apis/core/validation/validation.go.
 */

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

export interface PodContext {
  volumes: ReadonlySet<string>;
  gracePeriod: number | undefined;
  r: Reporter;
}

function validatePorts(c: Container, path: string, r: Reporter): void {
  const names = new Set<string>();
  (c.ports ?? []).forEach((port, i) => {
    const p = `${path}.ports[${i}]`;
    if (port.name) {
      const errs = isValidPortName(port.name);
      for (const msg of errs) r.error(`${p}.name`, fieldError.invalid(port.name, msg));
      if (errs.length === 0 && names.has(port.name)) r.error(`${p}.name`, fieldError.duplicate(port.name));
      names.add(port.name);
    }
    if (!port.containerPort) r.error(`${p}.containerPort`, fieldError.required());
    for (const msg of port.containerPort ? isValidPortNum(port.containerPort) : []) {
      r.error(`${p}.containerPort`, fieldError.invalid(port.containerPort, msg));
    }
    for (const msg of port.hostPort ? isValidPortNum(port.hostPort) : [])
      r.error(`${p}.hostPort`, fieldError.invalid(port.hostPort, msg));
    if (port.protocol && !['SCTP', 'TCP', 'UDP'].includes(port.protocol)) {
      r.error(`${p}.protocol`, fieldError.notSupported(port.protocol, ['SCTP', 'TCP', 'UDP']));
    }
  });
}

function validateVolumeMounts(c: Container, path: string, volumes: ReadonlySet<string>, r: Reporter): void {
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const p = `${path}.volumeMounts[${i}]`;
    if (!m.name) r.error(`${p}.name`, fieldError.required());
    if (!volumes.has(m.name)) r.error(`${p}.name`, fieldError.notFound(m.name));
    if (!m.mountPath) r.error(`${p}.mountPath`, fieldError.required());
    if (mountPaths.has(m.mountPath))
      r.error(`${p}.mountPath`, fieldError.invalid(m.mountPath, 'must be unique'));
    mountPaths.add(m.mountPath);
  });
}

// helper.IsNativeResource / IsOvercommitAllowed: extended resources (vendor.com/gpu) and hugepages
// cannot be overcommitted, so their request must equal their limit.
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');
const overcommitAllowed = (name: string): boolean => isNative(name) && !name.startsWith('hugepages-');
const quantityText = (q: string | number): string => String(q);

function validateResourceNames(list: Record<string, string | number>, path: string, r: Reporter): void {
  for (const [name, q] of Object.entries(list)) {
    const p = `${path}[${name}]`;
    if (!name.includes('/') && !STANDARD_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
      r.error(p, fieldError.invalid(name, 'must be a standard resource for containers'), { onKey: true });
    }
    const value = tryParseQuantity(q);
    if (value !== undefined && value < 0)
      r.error(p, fieldError.invalid(quantityText(q), 'must be greater than or equal to 0'));
  }
}

function validateResources(res: ResourceRequirements | undefined, path: string, r: Reporter): void {
  const limits = (res?.limits ?? {}) as Record<string, string | number>;
  const requests = (res?.requests ?? {}) as Record<string, string | number>;
  validateResourceNames(limits, `${path}.limits`, r);
  validateResourceNames(requests, `${path}.requests`, r);
  for (const [name, q] of Object.entries(requests)) {
    const at = { path: `${path}.requests[${name}]` };
    const limit = limits[name];
    if (limit === undefined) {
      if (!overcommitAllowed(name))
        r.error(
          `${path}.limits`,
          fieldError.required('Limit must be set for non overcommitable resources'),
          at,
        );
      continue;
    }
    const [req, lim] = [tryParseQuantity(q), tryParseQuantity(limit)];
    if (req === undefined || lim === undefined) continue;
    if (req !== lim && !overcommitAllowed(name)) {
      r.error(
        `${path}.requests`,
        fieldError.invalid(quantityText(q), `must be equal to ${name} limit of ${quantityText(limit)}`),
        at,
      );
    } else if (req > lim) {
      r.error(
        `${path}.requests`,
        fieldError.invalid(
          quantityText(q),
          `must be less than or equal to ${name} limit of ${quantityText(limit)}`,
        ),
        at,
      );
    }
  }
}

/** validateContainerCommon: what every kind of container must satisfy. */
function validateCommon(c: Container, path: string, ctx: PodContext): void {
  const { r } = ctx;
  if (!c.name) r.error(`${path}.name`, fieldError.required());
  else for (const msg of isDNS1123Label(c.name)) r.error(`${path}.name`, fieldError.invalid(c.name, msg));
  if (!c.image) r.error(`${path}.image`, fieldError.required());
  else if (c.image.trim() !== c.image)
    r.error(`${path}.image`, fieldError.invalid(c.image, 'must not have leading or trailing whitespace'));
  const policy = c.terminationMessagePolicy;
  if (policy !== 'File' && policy !== 'FallbackToLogsOnError') {
    r.error(
      `${path}.terminationMessagePolicy`,
      fieldError.notSupported(policy, ['File', 'FallbackToLogsOnError']),
    );
  }
  validatePorts(c, path, r);
  validateEnv(c.env ?? [], `${path}.env`, r);
  validateVolumeMounts(c, path, ctx.volumes, r);
  const pull = c.imagePullPolicy;
  if (pull !== 'Always' && pull !== 'IfNotPresent' && pull !== 'Never') {
    r.error(`${path}.imagePullPolicy`, fieldError.notSupported(pull, ['Always', 'IfNotPresent', 'Never']));
  }
  validateResources(c.resources, `${path}.resources`, r);
}

function validateProbesAndHooks(c: Container, path: string, ctx: PodContext): void {
  if (c.lifecycle) validateLifecycle(c, `${path}.lifecycle`, ctx.gracePeriod, ctx.r);
  for (const kind of PROBES) {
    const probe = c[kind];
    if (probe) validateProbe(kind, probe, `${path}.${kind}`, c, ctx.gracePeriod, ctx.r);
  }
}

/** validateContainers: at least one; names unique among regular containers. */
export function validateContainers(containers: Container[], ctx: PodContext): void {
  const { r } = ctx;
  if (containers.length === 0) return r.error('spec.containers', fieldError.required());
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const path = `spec.containers[${i}]`;
    validateCommon(c, path, ctx);
    if (names.has(c.name)) r.error(`${path}.name`, fieldError.duplicate(c.name));
    names.add(c.name);
    validateProbesAndHooks(c, path, ctx);
    if (c.restartPolicy !== undefined)
      r.error(`${path}.restartPolicy`, fieldError.forbidden('may not be set for non-init containers'), {
        onKey: true,
      });
  });
}

/**
 * validateInitContainers: names unique across init and regular containers; only `Always` as a
 * restartPolicy (a sidecar), and only sidecars may have probes or lifecycle hooks.
 */
export function validateInitContainers(init: Container[], regular: Container[], ctx: PodContext): void {
  const { r } = ctx;
  const names = new Set(regular.map((c) => c.name));
  init.forEach((c, i) => {
    const path = `spec.initContainers[${i}]`;
    validateCommon(c, path, ctx);
    if (c.restartPolicy !== undefined && c.restartPolicy !== 'Always') {
      r.error(`${path}.restartPolicy`, fieldError.notSupported(c.restartPolicy, ['Always']));
    }
    if (names.has(c.name)) r.error(`${path}.name`, fieldError.duplicate(c.name));
    else if (c.name) names.add(c.name);
    if (c.restartPolicy === 'Always') return validateProbesAndHooks(c, path, ctx);
    for (const field of ['lifecycle', ...PROBES] as const) {
      if (c[field] !== undefined) {
        r.error(
          `${path}.${field}`,
          fieldError.forbidden('may not be set for init containers without restartPolicy=Always'),
          { onKey: true },
        );
      }
    }
  });
}
