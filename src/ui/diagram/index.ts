/** Statechart diagrams drawn from the engine's machine definitions (layout computed at build time). */
export { StatechartDiagram, type StatechartDiagramProps } from './StatechartDiagram';
export { machineKinds, describeActive, edgesTaken, type LastTransition } from './model';
export { explain, explanations, type Explanation } from './explanations';
