/** Traffic sources of a scenario (engine TrafficSource): clients sending requests to a Service. */
import type { TrafficSource } from '../engine/input';
import { INVALID, arrayOf, fail, num, objectOf, opt, req, show, str, type Checker } from './check';

/** Requests per second one client may send: 100/s over the longest run is already 2 million records. */
export const MAX_RATE_PER_SECOND = 100;

const seconds = num({ min: 0 });

/** A Service port by number or by name. */
const servicePort: Checker<number | string> = (v, path, issues) =>
  typeof v === 'string'
    ? v === ''
      ? fail(issues, path, 'must be a port number or a port name, got ""')
      : v
    : typeof v === 'number'
      ? num({ min: 1, max: 65535, integer: true })(v, path, issues)
      : fail(issues, path, `must be a port number or a port name, got ${show(v)}`);

const rate: Checker<number> = (v, path, issues) => {
  const n = num({ max: MAX_RATE_PER_SECOND })(v, path, issues);
  return n !== INVALID && n <= 0 ? fail(issues, path, `must be a number > 0, got ${show(v)}`) : n;
};

const source = objectOf({
  name: opt(str),
  service: req(str),
  port: opt(servicePort),
  path: opt(str),
  ratePerSecond: req(rate),
  from: opt(seconds),
  until: opt(seconds),
  timeoutSeconds: opt(num({ min: 0.001 })),
});

export const checkTrafficSource: Checker<TrafficSource> = (v, path, issues) => {
  const s = source(v, path, issues);
  if (s === INVALID) return s;
  if (s.until !== undefined && s.until <= (s.from ?? 0))
    return fail(issues, [...path, 'until'], `must be after from (${s.from ?? 0}), got ${s.until}`);
  return s;
};

export const checkTraffic: Checker<TrafficSource[]> = arrayOf(checkTrafficSource);
