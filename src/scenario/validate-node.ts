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

/** A node an `addNode` action brings: a name, and whatever differs from a new node's defaults. */
export const checkNewNode: Checker<Partial<NodeSettings> & { name: string }> = (v, path, issues) => {
  const given = nodeShape(v, path, issues);
  if (given === INVALID) return INVALID;
  if (given.name === undefined) return fail(issues, [...path, 'name'], 'required');
  const out: Partial<NodeSettings> & { name: string } = { name: given.name };
  if (given.capacity) out.capacity = { ...defaultNode().capacity, ...given.capacity };
  if (given.labels) out.labels = given.labels;
  if (given.cachedImages) out.cachedImages = given.cachedImages;
  if (given.pullBytesPerSecond !== undefined) out.pullBytesPerSecond = given.pullBytesPerSecond;
  return out;
};

/** The defaults of the i-th node of a `nodes` list: node-1, node-2, ... labelled with their hostname. */
export function defaultNodeAt(index: number): NodeSettings {
  const base = defaultNode();
  if (index === 0) return base;
  const name = `node-${index + 1}`;
  return { ...base, name, labels: { ...base.labels, 'kubernetes.io/hostname': name } };
}

/** The single `node` of a scenario (its labels default to DEFAULT_NODE's even when renamed, as links always had it). */
export const checkNode: Checker<NodeSettings> = (v, path, issues) => nodeAt(0, false)(v, path, issues);

function nodeAt(index: number, hostnameFollowsName = true): Checker<NodeSettings> {
  return (v, path, issues) => {
    const given = nodeShape(v ?? {}, path, issues);
    if (given === INVALID) return INVALID;
    const base = defaultNodeAt(index);
    const name = given.name ?? base.name;
    return {
      name,
      capacity: { ...base.capacity, ...given.capacity },
      // In a `nodes` list a renamed node keeps its hostname label in step unless labels are given.
      labels:
        given.labels ??
        (hostnameFollowsName ? { ...base.labels, 'kubernetes.io/hostname': name } : base.labels),
      cachedImages: given.cachedImages ?? base.cachedImages,
      pullBytesPerSecond: given.pullBytesPerSecond ?? base.pullBytesPerSecond,
    };
  };
}

/** Several nodes: at least one, at most 50, names unique. */
export const checkNodes: Checker<NodeSettings[]> = (v, path, issues) => {
  if (!Array.isArray(v)) return fail(issues, path, `must be a list, got ${show(v)}`);
  if (v.length === 0 || v.length > 50) return fail(issues, path, `must list 1 to 50 nodes, got ${v.length}`);
  const out: NodeSettings[] = [];
  let bad = false;
  v.forEach((item, i) => {
    const node = nodeAt(i)(item, [...path, i], issues);
    if (node === INVALID) bad = true;
    else if (out.some((n) => n.name === node.name)) {
      fail(issues, [...path, i, 'name'], `duplicate node name ${show(node.name)}`);
      bad = true;
    } else out.push(node);
  });
  return bad ? INVALID : out;
};
