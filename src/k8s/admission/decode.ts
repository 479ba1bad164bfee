import { QUANTITY_FORMAT_ERROR, tryParseQuantity } from '../quantity';
import type { Reporter } from './reporter';
import { goTypeName, isStruct, structSchema, suggestField } from './schema';
import type { FieldShape } from './schema';

/** Real Pod fields the simulation does not model: accepted, with a warning so nobody expects an effect. */
const NOT_SIMULATED = new Set(
  [
    'ObjectMeta.finalizers',
    'PodSpec.dnsConfig PodSpec.hostAliases',
    'PodSpec.runtimeClassName PodSpec.overhead PodSpec.resourceClaims PodSpec.schedulingGates PodSpec.os',
    'PodSpec.hostNetwork PodSpec.hostIPC PodSpec.hostPID PodSpec.hostUsers',
    'PodSpec.setHostnameAsFQDN PodSpec.hostnameOverride PodSpec.resources',
    'PodSpec.securityContext Container.resizePolicy Container.volumeDevices',
    // securityContext: privileged, capabilities, runAsUser and readOnlyRootFilesystem are simulated (src/runtime/kernel.ts).
    'SecurityContext.allowPrivilegeEscalation SecurityContext.appArmorProfile SecurityContext.procMount SecurityContext.runAsGroup',
    'SecurityContext.runAsNonRoot SecurityContext.seLinuxOptions SecurityContext.seccompProfile SecurityContext.windowsOptions',
    'Container.restartPolicyRules',
    // Projected sources that need objects or signers PodPlay does not have (ClusterTrustBundle, PodCertificateRequest).
    'VolumeProjection.clusterTrustBundle VolumeProjection.podCertificate',
    // Volume types other than the node-local ones (emptyDir, hostPath, configMap, secret, downwardAPI, projected).
    'Volume.persistentVolumeClaim Volume.ephemeral Volume.csi Volume.image Volume.nfs Volume.iscsi Volume.rbd',
    'Volume.cephfs Volume.cinder Volume.fc Volume.flexVolume Volume.flocker Volume.glusterfs Volume.gitRepo',
    'Volume.gcePersistentDisk Volume.awsElasticBlockStore Volume.azureDisk Volume.azureFile Volume.quobyte',
    'Volume.vsphereVolume Volume.photonPersistentDisk Volume.portworxVolume Volume.scaleIO Volume.storageos',
  ]
    .join(' ')
    .split(' '),
);
export const NOT_SIMULATED_MESSAGE = 'not simulated by PodPlay, ignored';

const INT_RANGE: Record<string, [number, number]> = {
  n: [-(2 ** 31), 2 ** 31 - 1],
  N: [-(2 ** 63), 2 ** 63 - 1],
};

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function zeroValue(shape: FieldShape): unknown {
  if (shape.base === '') return '';
  if (shape.base === 'b') return false;
  if (shape.base === 'n' || shape.base === 'N' || shape.base === 'x' || shape.base === 'q') return 0;
  return {};
}

interface Walk {
  r: Reporter;
  /** The Go struct that holds the field, and the field's JSON path without indices (encoding/json's wording). */
  owner: string;
  goPath: string;
}

function unmarshalError(w: Walk, path: string, value: unknown, shape: FieldShape, element: boolean): void {
  const what =
    typeof value === 'number' && (shape.base === 'n' || shape.base === 'N')
      ? `number ${value}`
      : jsonKind(value);
  w.r.error(
    path,
    `json: cannot unmarshal ${what} into Go struct field ${w.owner}.${w.goPath} of type ${goTypeName(shape, element)}`,
  );
}

/** Checks one value against its shape; returns it with unknown fields and nulls pruned. */
function decodeValue(w: Walk, path: string, value: unknown, shape: FieldShape): unknown {
  const { base } = shape;
  if (base === '') {
    if (typeof value !== 'string') unmarshalError(w, path, value, shape, true);
  } else if (base === 'b') {
    if (typeof value !== 'boolean') unmarshalError(w, path, value, shape, true);
  } else if (base === 'n' || base === 'N') {
    const [lo, hi] = INT_RANGE[base];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi)
      unmarshalError(w, path, value, shape, true);
  } else if (base === 'x') {
    if (typeof value === 'number' ? !Number.isInteger(value) : typeof value !== 'string') {
      w.r.error(path, `json: cannot unmarshal ${jsonKind(value)} into Go value of type int32`);
    }
  } else if (base === 'q') {
    if (tryParseQuantity(value) === undefined) w.r.error(path, QUANTITY_FORMAT_ERROR);
  } else if (base === '{s}' || base === '{q}') {
    if (!isObject(value)) return unmarshalError(w, path, value, shape, true);
    const element: FieldShape = { base: base === '{s}' ? '' : 'q', list: false };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      if (v !== null) out[k] = decodeValue(w, `${path}[${k}]`, v, element);
    return out;
  } else if (isStruct(base)) {
    if (!isObject(value)) return unmarshalError(w, path, value, shape, true);
    return decodeStruct(w.r, value, base, path, w.goPath);
  }
  // '*' (opaque) and scalars: JSON-shaped already, and toJS gave us a fresh copy.
  return value;
}

function decodeStruct(
  r: Reporter,
  value: Record<string, unknown>,
  type: string,
  path: string,
  goPath: string,
): Record<string, unknown> {
  const schema = structSchema(type);
  const out: Record<string, unknown> = {};
  if (!schema) return out;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    const shape = schema.get(key);
    if (!shape) {
      // encoding/json drops unknown fields; strict field validation reports them.
      const guess = suggestField(schema, key);
      r.warn(childPath, `unknown field "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`, {
        onKey: true,
      });
      continue;
    }
    if (child === null) continue; // JSON null leaves the Go zero value.
    if (NOT_SIMULATED.has(`${type}.${key}`) && !(isObject(child) && Object.keys(child).length === 0)) {
      r.warn(childPath, NOT_SIMULATED_MESSAGE, { onKey: true });
    }
    if (type === 'Pod' && key === 'status') {
      r.warn(childPath, 'ignored: the API server sets status itself', { onKey: true });
      continue;
    }
    const w: Walk = { r, owner: type, goPath: goPath ? `${goPath}.${key}` : key };
    if (!shape.list) {
      out[key] = decodeValue(w, childPath, child, shape);
    } else if (!Array.isArray(child)) {
      unmarshalError(w, childPath, child, shape, false);
    } else {
      const element = { ...shape, list: false };
      // A null list item decodes to the element's zero value, keeping indices aligned with the source.
      out[key] = child.map((item, i) =>
        decodeValue(w, `${childPath}[${i}]`, item ?? zeroValue(element), element),
      );
    }
  }
  return out;
}

/**
 * Decodes a Pod object as the API server's strict decoder would: type mismatches are errors worded
 * as encoding/json words them, unknown fields warnings. Returns a new object with unknown fields
 * and nulls removed, and whether it decoded without errors.
 */
export function decodePod(
  value: Record<string, unknown>,
  r: Reporter,
): { object: Record<string, unknown>; ok: boolean } {
  const before = r.errorCount;
  const object = decodeStruct(r, value, 'Pod', '', '');
  return { object, ok: r.errorCount === before };
}
