/**
 * HumanDuration from k8s.io/apimachinery/pkg/util/duration: a succinct duration with about two
 * significant figures, the AGE column of every `kubectl get` and the ages in `kubectl describe`.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's integer conversion truncates toward zero. */
const trunc = (x: number): number => Math.trunc(x);

export function humanDuration(ms: number): string {
  // Allow deviation no more than 2 seconds (excluded) to tolerate clock skew.
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/**
 * translateTimestampSince (printers.go, describe.go): the age of a timestamp at `nowMs`, or
 * `<unknown>` when the timestamp is unset (Go's zero time).
 */
export function ageSince(timeMs: number | undefined, nowMs: number): string {
  if (timeMs === undefined || Number.isNaN(timeMs)) return '<unknown>';
  return humanDuration(nowMs - timeMs);
}
