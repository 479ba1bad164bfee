/** The timed actions of a scenario, one shape per SimAction kind. */
import type { SimAction, SimActionKind } from '../engine/input';
import {
  INVALID,
  arrayOf,
  bool,
  fail,
  isPlainObject,
  num,
  objectOf,
  oneOf,
  opt,
  req,
  show,
  str,
  type Checker,
} from './check';
import { checkNewNode } from './validate-node';

const at = req(num({ min: 0 }));
const pod = opt(str);
const container = req(str);
/** A node by name; absent means the scenario's first node. */
const node = opt(str);
const deployment = req(str);
const kindIs = <K extends SimActionKind>(k: K) => req(oneOf([k]));

type ActionOf<K extends SimActionKind> = Extract<SimAction, { kind: K }>;

const ACTION_CHECKERS: { [K in SimActionKind]: Checker<ActionOf<K>> } = {
  deletePod: objectOf({
    at,
    kind: kindIs('deletePod'),
    pod,
    gracePeriodSeconds: opt(num({ min: 0, integer: true })),
  }),
  killContainer: objectOf({
    at,
    kind: kindIs('killContainer'),
    pod,
    container,
    how: req(oneOf(['crash', 'oom'])),
    exitCode: opt(num({ min: 0, max: 255, integer: true })),
  }),
  setEndpoint: objectOf({
    at,
    kind: kindIs('setEndpoint'),
    pod,
    container,
    port: req(num({ min: 1, max: 65535, integer: true })),
    path: opt(str),
    status: opt(num({ min: 100, max: 599, integer: true })),
    timeout: opt(bool),
  }),
  writeFile: objectOf({ at, kind: kindIs('writeFile'), pod, container, path: req(str), content: opt(str) }),
  removeFile: objectOf({ at, kind: kindIs('removeFile'), pod, container, path: req(str) }),
  setPodCondition: objectOf({
    at,
    kind: kindIs('setPodCondition'),
    pod,
    type: req(str),
    status: req(oneOf(['True', 'False', 'Unknown'])),
  }),
  setNodeState: objectOf({
    at,
    kind: kindIs('setNodeState'),
    node,
    state: req(oneOf(['Ready', 'NotReady', 'Unreachable'])),
  }),
  nodePressure: objectOf({
    at,
    kind: kindIs('nodePressure'),
    node,
    resource: req(oneOf(['memory', 'ephemeral-storage', 'pid'])),
  }),
  scale: objectOf({
    at,
    kind: kindIs('scale'),
    replicaSet: opt(str),
    deployment: opt(str),
    statefulSet: opt(str),
    replicas: req(num({ min: 0, max: 1000, integer: true })),
  }),
  setImage: objectOf({ at, kind: kindIs('setImage'), deployment: opt(str), statefulSet: opt(str), daemonSet: opt(str), container, image: req(str) }),
  rollback: objectOf({ at, kind: kindIs('rollback'), deployment, toRevision: opt(num({ min: 1, integer: true })) }),
  pauseRollout: objectOf({ at, kind: kindIs('pauseRollout'), deployment }),
  resumeRollout: objectOf({ at, kind: kindIs('resumeRollout'), deployment }),
  cordon: objectOf({ at, kind: kindIs('cordon'), node }),
  uncordon: objectOf({ at, kind: kindIs('uncordon'), node }),
  drain: objectOf({ at, kind: kindIs('drain'), node }),
  addNode: objectOf({ at, kind: kindIs('addNode'), node: req(checkNewNode) }),
  removeNode: objectOf({ at, kind: kindIs('removeNode'), node: req(str) }),
};

export const ACTION_KINDS = Object.keys(ACTION_CHECKERS) as SimActionKind[];

function isActionKind(k: unknown): k is SimActionKind {
  return typeof k === 'string' && Object.hasOwn(ACTION_CHECKERS, k);
}

export const checkAction: Checker<SimAction> = (v, path, issues) => {
  if (!isPlainObject(v)) return fail(issues, path, `must be a mapping, got ${show(v)}`);
  const kind = v.kind;
  if (kind === undefined)
    return fail(issues, [...path, 'kind'], `required (one of ${ACTION_KINDS.join(', ')})`);
  if (!isActionKind(kind))
    return fail(
      issues,
      [...path, 'kind'],
      `unknown action ${show(kind)} (expected one of ${ACTION_KINDS.join(', ')})`,
    );
  const checker = ACTION_CHECKERS[kind] as Checker<SimAction>;
  const action = checker(v, path, issues);
  if (
    action !== INVALID &&
    action.kind === 'setEndpoint' &&
    action.status === undefined &&
    action.timeout !== true
  ) {
    return fail(
      issues,
      [...path, 'status'],
      'required unless timeout is true (what should the endpoint answer?)',
    );
  }
  if (action !== INVALID && action.kind === 'setImage' && [action.deployment, action.statefulSet, action.daemonSet].filter((x) => x !== undefined).length !== 1) {
    return fail(issues, [...path, 'deployment'], 'name exactly one of deployment, statefulSet or daemonSet (whose image changes?)');
  }
  if (action !== INVALID && action.kind === 'scale' && [action.replicaSet, action.deployment, action.statefulSet].filter((x) => x !== undefined).length !== 1) {
    return fail(issues, [...path, 'replicaSet'], 'name exactly one of replicaSet, deployment or statefulSet (what should be scaled?)');
  }
  return action;
};

export const checkActions: Checker<SimAction[]> = arrayOf(checkAction);
