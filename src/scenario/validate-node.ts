/**
 * The node part of a scenario. Every field may be left out and then takes DEFAULT_NODE's value
 * (capacity key by key), so a scenario file can say only what differs: `node: { capacity: { memory: 1Gi } }`.
 */
import { DEFAULT_NODE, type NodeSettings } from '../engine/input';
import { INVALID, arrayOf, fail, num, objectOf, opt, recordOf, show, str, type Checker } from './check';
import { isQuantity } from './quantity';
import { isLabelValue, labelKeyProblem } from './labels';

export function defaultNode(): NodeSettings {
  return {
    ...DEFAULT_NODE,
    capacity: { ...DEFAULT_NODE.capacity },
    labels: { ...DEFAULT_NODE.labels },
    cachedImages: [...DEFAULT_NODE.cachedImages],
  };
}

const quantity: Checker<string> = (v, path, issues) =>
  typeof v === 'string' && isQuantity(v) ? v : fail(issues, path, `not a quantity: ${show(v)}`);

const labelValue: Checker<string> = (v, path, issues) =>
  typeof v === 'string' && isLabelValue(v)
    ? v
    : fail(
        issues,
        path,
        `not a label value: ${show(v)} (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)`,
      );

const nodeName: Checker<string> = (v, path, issues) =>
  typeof v === 'string' && /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/.test(v)
    ? v
    : fail(issues, path, `not a node name: ${show(v)} (lower-case letters, digits, '-' and '.')`);

const nodeShape = objectOf({
  name: opt(nodeName),
  capacity: opt(objectOf({ cpu: opt(quantity), memory: opt(quantity), pods: opt(quantity) })),
  labels: opt(recordOf(labelValue, labelKeyProblem)),
  cachedImages: opt(arrayOf(str)),
  pullBytesPerSecond: opt(num({ min: 1 })),
});

export const checkNode: Checker<NodeSettings> = (v, path, issues) => {
  const given = nodeShape(v ?? {}, path, issues);
  if (given === INVALID) return INVALID;
  const base = defaultNode();
  return {
    name: given.name ?? base.name,
    capacity: { ...base.capacity, ...given.capacity },
    labels: given.labels ?? base.labels,
    cachedImages: given.cachedImages ?? base.cachedImages,
    pullBytesPerSecond: given.pullBytesPerSecond ?? base.pullBytesPerSecond,
  };
};
