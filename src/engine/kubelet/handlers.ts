/**
 * Running probe and lifecycle-hook handlers against the simulated runtime, worded as the kubelet's
 * prober (pkg/kubelet/prober/prober.go) and hook runner (pkg/kubelet/lifecycle/handlers.go).
 */
import type { Container, HTTPGetAction, LifecycleHandler, Probe } from 'kubernetes-types/core/v1';
import type { PodSandbox, ProbeAnswer, RuntimeContainer } from '../../runtime/sandbox-types';
import type { Timers } from '../../runtime/types';

/** A named port (`port: http`) resolves against the container's ports, as the kubelet does. */
export function resolvePort(port: number | string | undefined, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  const asNumber = Number(port);
  if (Number.isInteger(asNumber) && asNumber > 0) return asNumber;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function headers(list: Array<{ name: string; value: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of list ?? []) out[h.name] = h.value;
  return out;
}

/** The request an httpGet handler (probe or hook) sends, with a named port resolved. */
function httpRequest(action: HTTPGetAction, container: Container) {
  return {
    scheme: action.scheme === 'HTTPS' ? ('HTTPS' as const) : ('HTTP' as const),
    host: action.host,
    port: resolvePort(action.port, container) ?? 0,
    path: action.path ?? '/',
    headers: headers(action.httpHeaders),
  };
}

/** Run a probe's handler; `done` gets the prober's result and output, on the virtual clock. */
export function runProbe(
  probe: Probe,
  container: Container,
  sandbox: PodSandbox,
  runtimeContainer: RuntimeContainer | undefined,
  done: (answer: ProbeAnswer) => void,
): void {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.exec) {
    const command = probe.exec.command ?? [];
    if (!runtimeContainer) {
      done({ result: 'failure', output: 'container not running', detail: `exec ${JSON.stringify(command)}` });
      return;
    }
    runtimeContainer.exec(command, timeoutMs, (r) => {
      const detail = `exec ${JSON.stringify(command)} → exit ${r.timedOut ? 'timeout' : r.exitCode}`;
      if (r.timedOut) {
        done({ result: 'failure', output: `command ${JSON.stringify(command.join(' '))} timed out`, detail });
      } else {
        done({ result: r.exitCode === 0 ? 'success' : 'failure', output: r.output, detail });
      }
    });
    return;
  }
  if (probe.httpGet) {
    sandbox.httpGet(httpRequest(probe.httpGet, container), timeoutMs, done);
    return;
  }
  if (probe.tcpSocket) {
    sandbox.tcpConnect(
      resolvePort(probe.tcpSocket.port, container) ?? 0,
      probe.tcpSocket.host,
      timeoutMs,
      done,
    );
    return;
  }
  if (probe.grpc) {
    sandbox.grpcHealth(probe.grpc.port, probe.grpc.service ?? '', timeoutMs, done);
    return;
  }
  done({ result: 'warning', output: 'no handler', detail: 'probe has no handler' });
}

export type HookOutcome = { ok: true } | { ok: false; message: string };

/**
 * Run a lifecycle hook (exec, httpGet, sleep). Hooks have no timeout of their own: the grace period
 * bounds preStop, and postStart blocks the kubelet's sync until it returns.
 */
export function runHook(
  handler: LifecycleHandler,
  container: Container,
  sandbox: PodSandbox,
  runtimeContainer: RuntimeContainer | undefined,
  timers: Timers,
  podRef: string,
  done: (outcome: HookOutcome) => void,
): void {
  if (handler.exec) {
    const command = handler.exec.command ?? [];
    if (!runtimeContainer) {
      done({ ok: false, message: 'container not running' });
      return;
    }
    runtimeContainer.exec(command, Number.MAX_SAFE_INTEGER, (r) => {
      if (r.exitCode === 0) done({ ok: true });
      else
        done({
          ok: false,
          message: `Exec lifecycle hook (${JSON.stringify(command)
            .replace(/^\[|\]$/g, '')
            .replace(/","/g, ' ')
            .replace(
              /"/g,
              '',
            )}) for Container "${container.name}" in Pod "${podRef}" failed - error: command '${command.join(' ')}' exited with ${r.exitCode}: ${r.output}, message: "${r.output}"`,
        });
    });
    return;
  }
  if (handler.httpGet) {
    sandbox.httpGet(httpRequest(handler.httpGet, container), Number.MAX_SAFE_INTEGER, (answer) =>
      done(
        answer.result === 'failure'
          ? {
              ok: false,
              message: `HTTP lifecycle hook (${handler.httpGet?.path ?? '/'}) for Container "${container.name}" in Pod "${podRef}" failed - error: ${answer.output}`,
            }
          : { ok: true },
      ),
    );
    return;
  }
  if (handler.sleep) {
    timers.setTimeout(() => done({ ok: true }), handler.sleep.seconds * 1000);
    return;
  }
  // tcpSocket hooks are accepted by the API but not implemented by the kubelet: a no-op.
  timers.setTimeout(() => done({ ok: true }), 0);
}
