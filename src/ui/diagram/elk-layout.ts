/**
 * Build-time only (scripts/layout-machines.ts): lays a MachineGraph out with ELK and returns the
 * MachineLayout the component draws. Never import this from the component: elkjs is ~460 KB gz.
 */
import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { GraphState, MachineGraph } from './graph';
import { TEXT, displayLines, textWidth, type LayoutEdge, type LayoutInitial, type LayoutState, type MachineLayout } from './layout-types';

const PAD_X = 14;
const PAD_Y = 10;
const TITLE_H = 22;
const INITIAL_DOT = 12;

/** The settings the XState visualiser uses (field-notes.md), plus spacing for projected labels. */
const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.direction': 'RIGHT',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.aspectRatio': '2',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '10',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.randomSeed': '1',
};

/** Read per hierarchy level, so set on every compound state as well as the root. */
const LEVEL_OPTIONS: LayoutOptions = {
  // Depth-first from the initial state: the edges back to earlier states are the ones reversed,
  // so the initial state is on the left and the lifecycle reads left to right.
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
};

function nodeId(path: string): string {
  return `s:${path}`;
}

function titleLines(state: GraphState): { width: number; lines: number } {
  const title = textWidth(state.label, TEXT.stateSize);
  const internal = state.internal.map((line) => textWidth(`${line} ↺`, TEXT.labelSize));
  return { width: Math.max(title, ...internal), lines: state.internal.length };
}

function isCompound(state: GraphState): boolean {
  return state.type === 'compound' || state.type === 'parallel';
}

/** Path of the lowest state containing both ends (an edge into its own descendant lives in the source). */
function container(source: string, target: string, parents: Map<string, string | null>): string {
  const ancestors = (path: string): string[] => {
    const chain: string[] = [];
    let p: string | null | undefined = parents.get(path);
    while (p !== null && p !== undefined) {
      chain.push(p);
      p = parents.get(p);
    }
    return chain;
  };
  const sourceChain = [source, ...ancestors(source)];
  const targetChain = [target, ...ancestors(target)];
  for (const p of sourceChain) {
    if (targetChain.includes(p)) {
      // Both ends the same state (a self-loop) or the source contains the target: ELK wants the
      // edge in the source's parent so that it crosses the source's border.
      if (p === source) return parents.get(source) ?? '';
      return p;
    }
  }
  return '';
}

function round(n: number): number {
  return Math.round(n);
}

function flatten(points: ReadonlyArray<{ x: number; y: number }>): number[] {
  return points.flatMap((p) => [round(p.x), round(p.y)]);
}

export async function layoutMachine(elk: ELK, graph: MachineGraph, extraOptions: LayoutOptions = {}): Promise<MachineLayout> {
  const parents = new Map(graph.states.map((s) => [s.path, s.parent]));
  const elkNodes = new Map<string, ElkNode>();

  for (const state of graph.states) {
    const { width, lines } = titleLines(state);
    const extra = state.type === 'final' ? 8 : 0;
    const headerH = PAD_Y + TITLE_H + lines * TEXT.lineHeight;
    const node: ElkNode = { id: nodeId(state.path), children: [], edges: [] };
    if (isCompound(state)) {
      node.layoutOptions = {
        'elk.padding': `[top=${headerH + 8},left=${PAD_X},bottom=${PAD_X},right=${PAD_X}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${width + 2 * PAD_X}, ${headerH + 30})`,
        ...LEVEL_OPTIONS,
        ...extraOptions,
      };
    } else {
      node.width = Math.max(width + 2 * PAD_X + extra, 72);
      node.height = Math.max(headerH + PAD_Y + extra, 44);
    }
    elkNodes.set(state.path, node);
  }

  const initials: Array<{ parent: string; target: string }> = [];
  for (const state of graph.states) {
    const node = elkNodes.get(state.path) as ElkNode;
    const parentNode = state.parent === null ? undefined : elkNodes.get(state.parent);
    // Initial marker first, so model order puts it on the left.
    if (state.initial) {
      node.children?.push({ id: `i:${state.path}`, width: INITIAL_DOT, height: INITIAL_DOT });
      initials.push({ parent: state.path, target: state.initial });
    }
    parentNode?.children?.push(node);
  }
  for (const { parent, target } of initials) {
    elkNodes.get(parent)?.edges?.push({ id: `ie:${parent}`, sources: [`i:${parent}`], targets: [nodeId(target)] });
  }

  const edgeIds: string[] = [];
  graph.edges.forEach((edge, index) => {
    const id = `e${index}`;
    edgeIds.push(id);
    const home = container(edge.source, edge.target, parents);
    const lines = displayLines(edge.label);
    const lw = Math.max(...lines.map((line) => textWidth(line, TEXT.labelSize))) + 8;
    const lh = lines.length * TEXT.lineHeight + 4;
    const elkEdge: ElkExtendedEdge = {
      id,
      sources: [nodeId(edge.source)],
      targets: [nodeId(edge.target)],
      labels: [{ id: `${id}:l`, text: lines.join('\n'), width: lw, height: lh }],
    };
    elkNodes.get(home)?.edges?.push(elkEdge);
  });

  const root: ElkNode = { id: 'root', layoutOptions: { ...ROOT_OPTIONS, ...LEVEL_OPTIONS, ...extraOptions }, children: [elkNodes.get('') as ElkNode], edges: [] };
  const laid = await elk.layout(root);

  // Read positions back.
  const positions = new Map<string, ElkNode>();
  const allEdges = new Map<string, ElkExtendedEdge>();
  const walk = (node: ElkNode): void => {
    positions.set(node.id, node);
    for (const e of node.edges ?? []) allEdges.set(e.id, e);
    for (const child of node.children ?? []) walk(child);
  };
  walk(laid);

  const states: LayoutState[] = graph.states.map((s) => {
    const n = positions.get(nodeId(s.path)) as ElkNode;
    const out: LayoutState = {
      path: s.path,
      parent: s.parent,
      label: s.label,
      type: s.type,
      x: round(n.x ?? 0),
      y: round(n.y ?? 0),
      w: round(n.width ?? 0),
      h: round(n.height ?? 0),
    };
    if (s.region) out.region = true;
    if (s.initial) out.initial = s.initial;
    if (s.internal.length > 0) out.internal = [...s.internal];
    return out;
  });

  const sectionPoints = (e: ElkExtendedEdge | undefined): number[] => {
    const section = e?.sections?.[0];
    if (!section) return [];
    return flatten([section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
  };

  const layoutInitials: LayoutInitial[] = initials.map(({ parent, target }) => {
    const dot = positions.get(`i:${parent}`) as ElkNode;
    return {
      parent,
      target,
      cx: round((dot.x ?? 0) + INITIAL_DOT / 2),
      cy: round((dot.y ?? 0) + INITIAL_DOT / 2),
      points: sectionPoints(allEdges.get(`ie:${parent}`)),
    };
  });

  const edges: LayoutEdge[] = graph.edges.map((edge, index) => {
    const e = allEdges.get(edgeIds[index]);
    const label = e?.labels?.[0];
    return {
      id: edgeIds[index],
      source: edge.source,
      target: edge.target,
      kind: edge.kind,
      event: edge.event,
      label: [...edge.label],
      points: sectionPoints(e),
      lx: round(label?.x ?? 0),
      ly: round(label?.y ?? 0),
      lw: round(label?.width ?? 0),
      lh: round(label?.height ?? 0),
    };
  });

  const rootNode = positions.get(nodeId('')) as ElkNode;
  return {
    id: graph.id,
    width: round((rootNode.x ?? 0) * 2 + (rootNode.width ?? 0)),
    height: round((rootNode.y ?? 0) * 2 + (rootNode.height ?? 0)),
    states,
    initials: layoutInitials,
    edges,
  };
}
