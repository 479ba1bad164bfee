/**
 * nginx's worker process (the official image: one, as user nginx, uid 101). The master starts it
 * once it listens, starts a new one and lets the old one finish on HUP (a reload: `ps` then shows
 * the worker under a new PID), and starts another when one dies. A worker ignores HUP and USR1;
 * any other signal ends it. Outside a container (no spawnChild) the worker is only a log line.
 */
import type { ChildProcess, ProcessContext, Signal } from '../../types';
import { SIGNAL_NUMBERS } from '../../types';

const NGINX_UID = 101;
/** The PID nginx logs for its worker when there is no PID namespace to ask. */
const UNTRACKED_PID = 29;

export interface Workers {
  /** `start worker processes` at startup. */
  start(): void;
  /** A reload (HUP): a new worker, then the old one exits gracefully. */
  reload(): void;
  /** The master is stopping: its workers go. */
  stop(): void;
}

export function nginxWorkers(ctx: ProcessContext, notice: (text: string) => void): Workers {
  let current: ChildProcess | undefined;
  let stopping = false;

  const died = (worker: ChildProcess, how: string) => {
    notice(`signal 17 (SIGCHLD) received from ${worker.pid}`);
    notice(`worker process ${worker.pid} ${how}`);
  };

  const spawn = (): void => {
    if (!ctx.spawnChild) {
      notice(`start worker process ${UNTRACKED_PID}`);
      return;
    }
    const worker: ChildProcess = ctx.spawnChild('nginx: worker process', {
      uid: NGINX_UID,
      signal: (signal: Signal) => {
        if (signal === 'HUP' || signal === 'USR1' || current !== worker) return;
        worker.exit();
        current = undefined;
        // TERM, INT and QUIT make a worker exit by itself; anything else kills it.
        died(worker, signal === 'TERM' || signal === 'INT' || signal === 'QUIT' ? 'exited with code 0' : `exited on signal ${SIGNAL_NUMBERS[signal]}`);
        if (!stopping) spawn();
      },
    });
    current = worker;
    notice(`start worker process ${worker.pid}`);
  };

  return {
    start() {
      notice('start worker processes');
      spawn();
    },
    reload() {
      const old = current;
      notice('reconfiguring');
      notice('using the "epoll" event method');
      notice('start worker processes');
      spawn();
      if (!old) return;
      // The old worker finishes its connections and exits on the next turn of the clock.
      ctx.timers.setTimeout(() => {
        old.exit();
        died(old, 'exited with code 0');
      }, 0);
    },
    stop() {
      stopping = true;
      current?.exit();
      current = undefined;
    },
  };
}
