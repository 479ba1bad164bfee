/**
 * The Service fields PodPlay uses, validated as pkg/apis/core/validation ValidateService words it:
 * ports (1-65535, unique names when several), targetPort (number or IANA name), selector.
 */
import type { Reporter } from './reporter';

function isObject(v: unknown): v is Record<string, unknown> {
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
  ports.forEach((p: unknown, i: number) => {
    const at = `spec.ports[${i}]`;
    if (!isObject(p)) return;
    const port = p.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      r.error(`${at}.port`, `Invalid value: ${JSON.stringify(port ?? null)}: must be between 1 and 65535, inclusive`);
    }
    const target = p.targetPort;
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
