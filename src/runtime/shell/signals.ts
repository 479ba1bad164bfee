/** Signal names and numbers as `kill` and `trap` take them. */
import { SIGNAL_NUMBERS, type Signal } from '../types';

const BY_NUMBER = new Map<number, Signal>(Object.entries(SIGNAL_NUMBERS).map(([name, n]) => [n, name as Signal]));

/** `TERM`, `SIGTERM`, `term`, `15` → TERM; `0` → 0; unknown → undefined. */
export function parseSignal(text: string): Signal | 0 | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n === 0 ? 0 : BY_NUMBER.get(n);
  }
  const name = text.toUpperCase().replace(/^SIG/, '');
  return name in SIGNAL_NUMBERS ? (name as Signal) : undefined;
}

export function signalNumber(signal: Signal): number {
  return SIGNAL_NUMBERS[signal];
}

export function signalNames(): Signal[] {
  return [...BY_NUMBER.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
}
