import type { MarkKind } from './segments';
import { MARK_FILL } from './palette';

/** One mark's symbol centred on (x, y): circle = success, cross = failure, diamond = warning,
 * square = Normal event, triangle = Warning event, star = an action the user added. */
export function MarkShape({ kind, x, y, r = 5 }: { kind: MarkKind; x: number; y: number; r?: number }) {
  const fill = MARK_FILL[kind];
  switch (kind) {
    case 'success':
      return <circle cx={x} cy={y} r={r} fill={fill} stroke="var(--tl-mark-stroke)" strokeWidth={1} />;
    case 'failure':
      return (
        <path
          d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`}
          stroke={fill}
          strokeWidth={3}
          strokeLinecap="round"
        />
      );
    case 'warning':
      return (
        <path
          d={`M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}Z`}
          fill={fill}
          stroke="var(--tl-mark-stroke)"
          strokeWidth={1}
        />
      );
    case 'event-normal':
      return (
        <rect
          x={x - r + 1}
          y={y - r + 1}
          width={2 * r - 2}
          height={2 * r - 2}
          fill={fill}
          stroke="var(--tl-mark-stroke)"
          strokeWidth={1}
        />
      );
    case 'action': {
      // A five-pointed star: outer radius r + 2, inner radius (r + 2) / 2.4.
      const outer = r + 2;
      const points = Array.from({ length: 10 }, (_, i) => {
        const rad = i % 2 === 0 ? outer : outer / 2.4;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        return `${(x + rad * Math.cos(a)).toFixed(2)},${(y + rad * Math.sin(a)).toFixed(2)}`;
      });
      return <polygon points={points.join(' ')} fill={fill} stroke="var(--tl-mark-stroke)" strokeWidth={1} />;
    }
    case 'event-warning':
      return (
        <path
          d={`M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}Z`}
          fill={fill}
          stroke="var(--tl-mark-stroke)"
          strokeWidth={1}
        />
      );
  }
}
