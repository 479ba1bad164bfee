/**
 * apps/v1 Deployments as the API server takes them: SetDefaults_Deployment
 * (pkg/apis/apps/v1/defaults.go) and ValidateDeploymentSpec / ValidateRollingUpdateDeployment
 * (pkg/apis/apps/validation/validation.go), for the fields PodPlay's Deployment controller uses.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Reporter } from './reporter';
import { isObject, validateSelectorMatchesTemplate } from './validate-objects';

const NON_NEGATIVE = 'must be greater than or equal to 0';
/** validation.IsValidPercent, via RegexError (the double space before "or" is upstream's). */
const PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/** `0`, `"25%"`: how field.Invalid prints an IntOrString today. */
const show = (v: unknown): string => JSON.stringify(v ?? null);

function nonNegativeInt(spec: Record<string, unknown>, field: string, r: Reporter): void {
  const v = spec[field];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isInteger(v)) r.error(`spec.${field}`, `Invalid value: ${show(v)}: must be an integer`);
  else if (v < 0) r.error(`spec.${field}`, `Invalid value: ${v}: ${NON_NEGATIVE}`);
}

/** ValidatePositiveIntOrPercent; returns the value as written when it is usable (for the both-zero check). */
function intOrPercent(v: unknown, path: string, r: Reporter): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') {
    if (!/^[0-9]+%$/.test(v)) {
      r.error(path, `Invalid value: ${show(v)}: ${PERCENT_MSG}`);
      return undefined;
    }
    return Number(v.slice(0, -1));
  }
  if (typeof v === 'number' && Number.isInteger(v)) {
    if (v < 0) r.error(path, `Invalid value: ${v}: ${NON_NEGATIVE}`);
    return v;
  }
  r.error(path, `Invalid value: ${show(v)}: must be an integer or percentage (e.g '5%')`);
  return undefined;
}

function validateStrategy(spec: Record<string, unknown>, r: Reporter): void {
  if (spec.strategy === undefined) return;
  if (!isObject(spec.strategy)) {
    r.error('spec.strategy', 'Invalid value: must be a mapping');
    return;
  }
  const { type = 'RollingUpdate', rollingUpdate } = spec.strategy;
  if (type !== 'RollingUpdate' && type !== 'Recreate') {
    r.error('spec.strategy.type', `Unsupported value: ${show(type)}: supported values: "Recreate", "RollingUpdate"`);
    return;
  }
  if (type === 'Recreate') {
    if (rollingUpdate !== undefined) r.error('spec.strategy.rollingUpdate', "Forbidden: may not be specified when strategy `type` is 'Recreate'");
    return;
  }
  const ru = isObject(rollingUpdate) ? rollingUpdate : {};
  const at = 'spec.strategy.rollingUpdate';
  // Defaults (25%) apply to a missing field before validation, so only written zeros can clash.
  const unavailable = intOrPercent(ru.maxUnavailable ?? '25%', `${at}.maxUnavailable`, r);
  const surge = intOrPercent(ru.maxSurge ?? '25%', `${at}.maxSurge`, r);
  if (unavailable === 0 && surge === 0) {
    r.error(`${at}.maxUnavailable`, `Invalid value: ${show(ru.maxUnavailable)}: may not be 0 when \`maxSurge\` is 0`);
  }
  if (typeof ru.maxUnavailable === 'string' && unavailable !== undefined && unavailable > 100) {
    r.error(`${at}.maxUnavailable`, `Invalid value: ${show(ru.maxUnavailable)}: must not be greater than 100%`);
  }
}

export function validateDeployment(object: Record<string, unknown>, r: Reporter): void {
  const spec = object.spec;
  if (!isObject(spec)) {
    r.error('spec', 'Required value');
    return;
  }
  nonNegativeInt(spec, 'replicas', r);
  if (isObject(spec.selector) && isObject(spec.selector.matchLabels) && Object.keys(spec.selector.matchLabels).length === 0) {
    r.error('spec.selector', 'Invalid value: {}: empty selector is invalid for deployment');
  } else {
    validateSelectorMatchesTemplate(spec, r);
  }
  const template = isObject(spec.template) ? spec.template : {};
  const podSpec = isObject(template.spec) ? template.spec : {};
  // ValidatePodTemplateSpecForReplicaSet: a controller's pods must restart forever.
  if (podSpec.restartPolicy !== undefined && podSpec.restartPolicy !== 'Always') {
    r.error('spec.template.spec.restartPolicy', `Unsupported value: ${show(podSpec.restartPolicy)}: supported values: "Always"`);
  }
  validateStrategy(spec, r);
  nonNegativeInt(spec, 'minReadySeconds', r);
  nonNegativeInt(spec, 'revisionHistoryLimit', r);
  nonNegativeInt(spec, 'progressDeadlineSeconds', r);
  const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
  const deadline = spec.progressDeadlineSeconds;
  if (typeof deadline === 'number' && deadline >= 0 && deadline <= minReady) {
    r.error('spec.progressDeadlineSeconds', `Invalid value: ${deadline}: must be greater than minReadySeconds`);
  }
  if (spec.paused !== undefined && typeof spec.paused !== 'boolean') r.error('spec.paused', `Invalid value: ${show(spec.paused)}: must be a boolean`);
}

/**
 * SetDefaults_Deployment: replicas 1, RollingUpdate 25% / 25%, revisionHistoryLimit 10,
 * progressDeadlineSeconds 600; and the template's pods restart Always. Returns a fresh object.
 */
export function defaultDeployment(object: Record<string, unknown>): Deployment {
  const d = structuredClone(object) as Deployment;
  const spec = (d.spec ??= { selector: {}, template: {} });
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ??= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  spec.minReadySeconds ??= 0;
  d.metadata ??= {};
  d.metadata.namespace ??= 'default';
  return d;
}
