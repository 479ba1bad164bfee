/** Go's time.RFC1123Z layout ("Mon, 02 Jan 2006 15:04:05 -0700") for Kubernetes timestamps, in UTC. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** What Go prints for the zero time.Time. */
const GO_ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

const two = (n: number): string => String(n).padStart(2, '0');

/** Formats an RFC 3339 timestamp (metav1.Time) as RFC1123Z; unset prints Go's zero time. */
export function rfc1123z(time: string | undefined): string {
  if (!time) return GO_ZERO_TIME;
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) return GO_ZERO_TIME;
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}
