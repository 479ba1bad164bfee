/**
 * Objects other than Pods that PodPlay simulates, validated as pkg/apis/core/validation words it:
 * Services (ports 1-65535, unique names when several, targetPort number or name), ConfigMaps and
 * Secrets (string data; base64 for a Secret's data).
 */
import type { Reporter } from './reporter';

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function validateService(object: Record<string, unknown>, r: Reporter): void {
  const spec = object.spec;
  if (!isObject(spec)) {
    r.error('spec', 'Required value');
    return;
  }
  const type = spec.type ?? 'ClusterIP';
  if (!['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(String(type))) {
    r.error('spec.type', `Unsupported value: "${String(type)}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`);
  }
  if (type !== 'ClusterIP') r.warn('spec.type', `only ClusterIP is simulated; this Service behaves as ClusterIP inside the cluster`);
  const ports = spec.ports;
  if (!Array.isArray(ports) || ports.length === 0) {
    if (type !== 'ExternalName') r.error('spec.ports', 'Required value');
    return;
  }
  const names = new Set<string>();
  ports.forEach((item: unknown, i: number) => {
    const at = `spec.ports[${i}]`;
    // A null entry decodes to a ServicePort with every field zero, which then fails as one.
    const p: Record<string, unknown> = isObject(item) ? item : {};
    const port = p.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      r.error(`${at}.port`, `Invalid value: ${JSON.stringify(port ?? 0)}: must be between 1 and 65535, inclusive`);
    }
    // SetDefaults_Service: an unset targetPort is the port.
    const target = p.targetPort ?? p.port ?? 0;
    if (typeof target === 'number' && (target < 1 || target > 65535)) {
      r.error(`${at}.targetPort`, `Invalid value: ${target}: must be between 1 and 65535, inclusive`);
    }
    if (ports.length > 1) {
      const name = typeof p.name === 'string' ? p.name : '';
      if (!name) r.error(`${at}.name`, 'Required value');
      else if (names.has(name)) r.error(`${at}.name`, `Duplicate value: "${name}"`);
      names.add(name);
    }
  });
}

/**
 * ConfigMap and Secret data: string values; a Secret's `data` must be base64
 * (ValidateConfigMap, ValidateSecret: "illegal base64 data at input byte N").
 */
export function validateConfigData(object: Record<string, unknown>, kind: 'ConfigMap' | 'Secret', r: Reporter): void {
  for (const field of kind === 'Secret' ? ['data', 'stringData'] : ['data']) {
    const data = object[field];
    if (data === undefined) continue;
    if (!isObject(data)) {
      r.error(field, `Invalid value: must be a map of strings`);
      continue;
    }
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== 'string') r.error(`${field}.${key}`, `Invalid value: must be a string`);
      else if (kind === 'Secret' && field === 'data' && !/^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s/g, ''))) {
        r.error(`${field}.${key}`, 'illegal base64 data');
      }
    }
  }
}

/** Go's %#v of a map[string]string, as ValidateReplicaSetSpec prints labels. */
function goMap(labels: Record<string, unknown>): string {
  const entries = Object.keys(labels)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(labels[k]))}`);
  return `map[string]string{${entries.join(', ')}}`;
}

/**
 * ValidateReplicaSetSpec: a selector is required, must not be empty, and must match the template's
 * labels (matchLabels here; matchExpressions are not simulated).
 */
export function validateReplicaSet(object: Record<string, unknown>, r: Reporter): void {
  const spec = object.spec;
  if (!isObject(spec)) {
    r.error('spec', 'Required value');
    return;
  }
  if (spec.replicas !== undefined && (typeof spec.replicas !== 'number' || spec.replicas < 0)) {
    r.error('spec.replicas', `Invalid value: ${JSON.stringify(spec.replicas)}: must be greater than or equal to 0`);
  }
  validateSelectorMatchesTemplate(spec, r);
}

/** The selector check ReplicaSets and Deployments share (ValidatePodTemplateSpecForReplicaSet). */
export function validateSelectorMatchesTemplate(spec: Record<string, unknown>, r: Reporter): void {
  const selector = isObject(spec.selector) && isObject(spec.selector.matchLabels) ? spec.selector.matchLabels : undefined;
  if (!selector || Object.keys(selector).length === 0) {
    r.error('spec.selector', 'Required value');
    return;
  }
  const template = isObject(spec.template) ? spec.template : undefined;
  const metadata = template && isObject(template.metadata) ? template.metadata : undefined;
  const labels = metadata && isObject(metadata.labels) ? metadata.labels : {};
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) {
    r.error('spec.template.metadata.labels', `Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``);
  }
}
