/** Time-axis ticks in seconds or minutes, about one every 80 px, over [startMs, endMs]. */
export interface Tick {
  t: number;
  label: string;
}

const STEPS_MS = [
  500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000, 600000, 1800000, 3600000,
];

export function axisTicks(endMs: number, widthPx: number, startMs = 0): Tick[] {
  const wanted = Math.max(2, Math.floor(widthPx / 80));
  const range = endMs - startMs;
  const step = STEPS_MS.find((s) => range / s <= wanted) ?? STEPS_MS[STEPS_MS.length - 1];
  const ticks: Tick[] = [];
  for (let t = Math.ceil(startMs / step) * step; t <= endMs; t += step)
    ticks.push({ t, label: tickLabel(t, step) });
  return ticks;
}

function tickLabel(t: number, step: number): string {
  if (t === 0) return '0';
  if (step < 60000 && t < 60000) return `${t / 1000}s`;
  const m = Math.floor(t / 60000);
  const s = (t % 60000) / 1000;
  return s === 0 ? `${m}m` : `${m}m${s}s`;
}
