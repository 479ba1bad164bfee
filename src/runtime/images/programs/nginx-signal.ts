/**
 * `nginx -s stop|quit|reopen|reload`: the signal process reads the master's PID from the pid file
 * (`pid /run/nginx.pid;` in the image's nginx.conf), sends it the signal and exits at once
 * (src/core/ngx_cycle.c ngx_signal_process). It does not wait for the master: a preStop hook that
 * runs `nginx -s quit` and then waits is killed with the container when the master has gone.
 */
import type { Process, ProcessContext, Signal } from '../../types';
import { SIGNAL_NUMBERS } from '../../types';
import { later, onceExit, processWith, slashStamp } from '../program-kit';

export const NGINX_PID_FILE = '/run/nginx.pid';

const SIGNALS: Record<string, Signal> = { stop: 'TERM', quit: 'QUIT', reopen: 'USR1', reload: 'HUP' };

export function nginxSignal(name: string, ctx: ProcessContext): Process {
  const exit = onceExit(ctx);
  // On the next turn of the clock: a process never ends inside its own start, and only then does
  // it have its PID. It exits right after kill(), before the master has acted on the signal.
  later(ctx, () => exit({ exitCode: signalMaster(name, ctx) }));
  return processWith({});
}

function signalMaster(name: string, ctx: ProcessContext): number {
  const signal = SIGNALS[name];
  if (!signal) {
    ctx.log('stderr', `nginx: invalid option: "-s ${name}"`);
    return 1;
  }
  const self = ctx.pid?.() ?? 0;
  const log = (level: string, text: string) => ctx.log('stderr', `${slashStamp(ctx)} [${level}] ${self}#${self}: ${text}`);
  log('notice', 'signal process started');
  const text = ctx.fs.read(NGINX_PID_FILE);
  if (text === undefined) {
    log('error', `open() "${NGINX_PID_FILE}" failed (2: No such file or directory)`);
    return 1;
  }
  const pid = Number(text.trim());
  if (!ctx.kill?.(pid, signal)) {
    log('alert', `kill(${pid}, ${SIGNAL_NUMBERS[signal]}) failed (3: No such process)`);
    return 1;
  }
  return 0;
}
