/** The engine's public face: simulate a scenario into a Trace, and seek a frame in it. */
export { simulate, seek, DEFAULT_UNTIL_MS } from './simulate';
export type { SimResult, SimOptions } from './simulate';
export type { Trace, Frame, MachineState, MachineKind, TransitionRecord, ProbeRecord } from './trace-types';
export type { SimInput, SimAction, SimActionKind, NodeSettings } from './input';
export { DEFAULT_NODE } from './input';
export { containerMachine } from './machines/container';
export { probeMachine } from './machines/probe';
export { podMachine } from './machines/pod';
export { nodeMachine } from './machines/node';
export { deploymentMachine } from './machines/deployment';
