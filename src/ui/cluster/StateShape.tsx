/**
 * The shapes of the Cluster view: each state has its own outline (filled, hollow, dashed, half,
 * tick, cross, slashed), so it reads without colour; the text beside it says it in words.
 */
import type { EndpointState, NodeCondition, PodShape } from './cluster-model';

export type Shape = PodShape | EndpointState | 'node-Ready' | 'node-NotReady' | 'node-Unknown' | 'cordoned';

const OK = 'var(--cv-ok)';
const BAD = 'var(--cv-bad)';
const MUTED = 'var(--cv-muted)';

export function StateShape({ shape, size = 14 }: { shape: Shape; size?: number }) {
  const c = 7;
  const r = 5.5;
  let body;
  switch (shape) {
    case 'ready':
    case 'node-Ready':
      body = <circle cx={c} cy={c} r={r} fill={OK} stroke={OK} strokeWidth={1.5} />;
      break;
    case 'not-ready':
      body = <circle cx={c} cy={c} r={r} fill="none" stroke={BAD} strokeWidth={2} />;
      break;
    case 'pending':
      body = <circle cx={c} cy={c} r={r} fill="none" stroke={MUTED} strokeWidth={2} strokeDasharray="2.5 2" />;
      break;
    case 'terminating':
    case 'serving-terminating':
      body = (
        <>
          <circle cx={c} cy={c} r={r} fill="none" stroke={shape === 'terminating' ? MUTED : OK} strokeWidth={1.5} />
          <path d={`M${c} ${c - r}A${r} ${r} 0 0 0 ${c} ${c + r}Z`} fill={shape === 'terminating' ? MUTED : OK} />
        </>
      );
      break;
    case 'succeeded':
      body = <path d="M2 7.5L5.5 11L12 3.5" fill="none" stroke={OK} strokeWidth={2.2} strokeLinecap="round" />;
      break;
    case 'failed':
    case 'node-NotReady':
      body = <path d="M3 3L11 11M11 3L3 11" stroke={BAD} strokeWidth={2.2} strokeLinecap="round" />;
      break;
    case 'node-Unknown':
      body = (
        <>
          <circle cx={c} cy={c} r={r} fill="none" stroke={BAD} strokeWidth={1.5} strokeDasharray="2.5 2" />
          <text x={c} y={c + 3.5} fontSize={9} fontWeight={700} textAnchor="middle" fill={BAD}>
            ?
          </text>
        </>
      );
      break;
    case 'cordoned':
      body = (
        <>
          <circle cx={c} cy={c} r={r} fill="none" stroke={BAD} strokeWidth={1.5} />
          <path d="M3.5 7H10.5" stroke={BAD} strokeWidth={2.2} />
        </>
      );
      break;
  }
  return (
    <svg width={size} height={size} viewBox="0 0 14 14" aria-hidden="true" className="inline-block shrink-0" data-shape={shape}>
      {body}
    </svg>
  );
}

export const nodeShape = (c: NodeCondition): Shape => `node-${c}`;
