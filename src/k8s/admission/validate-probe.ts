import type {
  Container,
  ContainerPort,
  HTTPGetAction,
  LifecycleHandler,
  Probe,
} from 'kubernetes-types/core/v1';
import { fieldError } from './diagnostics';
import { isValidPortName, isValidPortNum } from './names';
import type { Reporter } from './reporter';

/*
 * Probes and lifecycle handlers: validateProbe, validateLivenessProbe & co., validateHandler,
 * validateLifecycle in pkg/apis/core/validation/validation.go. They run after defaulting, so a
 * written 0 has already become the default (10 s period, 1 s timeout, thresholds 1 and 3).
 */

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;
type HandlerKind = (typeof HANDLERS)[number];
type AnyHandler = Partial<Pick<Probe & LifecycleHandler, HandlerKind>>;

const HTTP_HEADER_NAME = /^[-A-Za-z0-9]+$/;

/** ValidatePortNumOrName, plus PodPlay's own check that a named port exists (the kubelet needs it). */
function validatePort(
  given: number | string | undefined,
  path: string,
  ports: ContainerPort[] | undefined,
  r: Reporter,
): void {
  // A missing port is IntOrString's zero value, the number 0.
  const port = given ?? 0;
  if (typeof port === 'number') {
    for (const msg of isValidPortNum(port)) r.error(path, fieldError.invalid(port, msg));
    return;
  }
  const errs = isValidPortName(port);
  for (const msg of errs) r.error(path, fieldError.invalid(port, msg));
  // The API server accepts any well-formed name; the kubelet then fails every probe with
  // "couldn't find port". Say so now.
  if (errs.length === 0 && !(ports ?? []).some((p) => p.name === port)) {
    r.warn(
      path,
      `named port "${port}" is not declared in this container's ports: the kubelet will fail the probe`,
    );
  }
}

function validateHTTPGet(
  http: HTTPGetAction,
  path: string,
  ports: ContainerPort[] | undefined,
  r: Reporter,
): void {
  if (!http.path) r.error(`${path}.path`, fieldError.required());
  validatePort(http.port, `${path}.port`, ports, r);
  if (http.scheme !== 'HTTP' && http.scheme !== 'HTTPS') {
    r.error(`${path}.scheme`, fieldError.notSupported(http.scheme, ['HTTP', 'HTTPS']));
  }
  (http.httpHeaders ?? []).forEach((h, i) => {
    if (!HTTP_HEADER_NAME.test(h.name)) {
      const msg =
        "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";
      r.error(`${path}.httpHeaders`, fieldError.invalid(h.name, msg), {
        path: `${path}.httpHeaders[${i}].name`,
      });
    }
  });
}

/** validateHandler: exactly one action; `sleep` only exists on lifecycle hooks. */
function validateHandler(
  handler: AnyHandler,
  path: string,
  container: Container,
  gracePeriod: number | undefined,
  r: Reporter,
): void {
  const present = HANDLERS.filter((k) => handler[k] !== undefined && handler[k] !== null);
  if (present.length === 0) return r.error(path, fieldError.required('must specify a handler type'));
  for (const extra of present.slice(1))
    r.error(`${path}.${extra}`, fieldError.forbidden('may not specify more than 1 handler type'), {
      onKey: true,
    });
  const kind = present[0];
  const p = `${path}.${kind}`;
  if (kind === 'exec' && !handler.exec?.command?.length) r.error(`${p}.command`, fieldError.required());
  if (kind === 'httpGet' && handler.httpGet) validateHTTPGet(handler.httpGet, p, container.ports, r);
  if (kind === 'tcpSocket' && handler.tcpSocket)
    validatePort(handler.tcpSocket.port, `${p}.port`, container.ports, r);
  if (kind === 'grpc' && handler.grpc) {
    for (const msg of isValidPortNum(handler.grpc.port))
      r.error(`${p}.port`, fieldError.invalid(handler.grpc.port, msg));
  }
  const seconds = handler.sleep?.seconds;
  // validateSleepAction with AllowPodLifecycleSleepActionZeroValue (on by default since 1.33).
  if (
    kind === 'sleep' &&
    seconds !== undefined &&
    gracePeriod !== undefined &&
    (seconds < 0 || seconds > gracePeriod)
  ) {
    r.error(
      `${p}.seconds`,
      fieldError.invalid(
        seconds,
        `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`,
      ),
    );
  }
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** validateProbe plus the per-kind rules of validateLivenessProbe/ReadinessProbe/StartupProbe. */
export function validateProbe(
  kind: ProbeKind,
  probe: Probe,
  path: string,
  container: Container,
  gracePeriod: number | undefined,
  r: Reporter,
): void {
  const { exec, httpGet, tcpSocket, grpc } = probe;
  validateHandler({ exec, httpGet, tcpSocket, grpc }, path, container, gracePeriod, r);
  for (const field of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ] as const) {
    const value = probe[field];
    if (value !== undefined && value < 0)
      r.error(`${path}.${field}`, fieldError.invalid(value, 'must be greater than or equal to 0'));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (tgps !== undefined && tgps <= 0)
    r.error(`${path}.terminationGracePeriodSeconds`, fieldError.invalid(tgps, 'must be greater than 0'));
  if (kind !== 'readinessProbe' && probe.successThreshold !== 1) {
    r.error(`${path}.successThreshold`, fieldError.invalid(probe.successThreshold, 'must be 1'));
  }
  if (kind === 'readinessProbe' && tgps !== undefined) {
    r.error(
      `${path}.terminationGracePeriodSeconds`,
      fieldError.invalid(tgps, 'must not be set for readinessProbes'),
    );
  }
}

/** validateLifecycle: postStart and preStop each need exactly one handler. */
export function validateLifecycle(
  container: Container,
  path: string,
  gracePeriod: number | undefined,
  r: Reporter,
): void {
  for (const hook of ['postStart', 'preStop'] as const) {
    const handler = container.lifecycle?.[hook];
    if (handler) validateHandler(handler, `${path}.${hook}`, container, gracePeriod, r);
  }
}
