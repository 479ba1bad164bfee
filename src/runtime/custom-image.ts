/**
 * A scenario-declared image (CustomImageBehaviour) as a program: logs at start, memory use,
 * ports bound (after a slow start if asked) answering per path over time, an exit after some
 * seconds, and a TERM policy (absent: ignored as PID 1, so KILL ends it).
 */
import type { CustomImageBehaviour } from './sandbox-types';
import type { GrpcServingStatus, HttpResponse, Listener, Program, ProcessContext } from './types';
import type { SignalHandlers } from './images/program-kit';
import { MiB, diedOf, later, onceExit, processWith, splitPath } from './images/program-kit';

type Listen = NonNullable<CustomImageBehaviour['listen']>[number];

/** The entry whose `fromSeconds` is the latest one not after `elapsed`. */
function current<T extends { fromSeconds: number }>(entries: T[], elapsed: number): T | undefined {
  let best: T | undefined;
  for (const e of entries) if (e.fromSeconds <= elapsed && (!best || e.fromSeconds >= best.fromSeconds)) best = e;
  return best;
}

function listenerFor(spec: Listen, ctx: ProcessContext, startedAt: number, image: string): Listener {
  const elapsed = () => (ctx.timers.now() - startedAt) / 1000;
  const description = `${image} :${spec.port}`;
  if (spec.protocol === 'tcp') return { description };
  if (spec.protocol === 'grpc') {
    return {
      description,
      grpc: (): { status: GrpcServingStatus } => ({ status: current(spec.grpc ?? [], elapsed())?.status ?? 'SERVING' }),
    };
  }
  return {
    description,
    http: (request): HttpResponse => {
      const { pathname } = splitPath(request.path);
      const answers = spec.paths?.[pathname];
      if (!answers) return spec.paths ? { status: 404, body: '404 page not found\n' } : { status: 200, body: 'ok' };
      const answer = current(answers, elapsed());
      if (!answer) return { status: 404, body: '404 page not found\n' };
      return { status: answer.status, body: '', delayMs: (answer.delaySeconds ?? 0) * 1000 };
    },
  };
}

export function customProgram(behaviour: CustomImageBehaviour): Program {
  return {
    start(_argv, ctx) {
      const exit = onceExit(ctx);
      const startedAt = ctx.timers.now();
      for (const line of behaviour.logs ?? []) ctx.log('stdout', line);
      if (behaviour.memoryMiB !== undefined) {
        const bytes = behaviour.memoryMiB * MiB;
        later(ctx, () => ctx.setMemory(bytes));
      }
      for (const spec of behaviour.listen ?? []) {
        const bind = () => {
          if (ctx.net.bind(spec.port, listenerFor(spec, ctx, startedAt, behaviour.image), ctx.containerName) !== 'ok') {
            ctx.log('stderr', `listen tcp :${spec.port}: bind: address already in use`);
            exit({ exitCode: 1 });
          }
        };
        if (spec.afterSeconds) later(ctx, bind, spec.afterSeconds * 1000);
        else bind();
      }
      if (behaviour.exitAfterSeconds !== undefined) {
        later(ctx, () => exit({ exitCode: behaviour.exitCode ?? 0 }), behaviour.exitAfterSeconds * 1000);
      }
      const handlers: SignalHandlers = {};
      const onTerm = behaviour.onTerm;
      if (onTerm && onTerm !== 'ignore') {
        handlers.TERM = () => {
          const code = onTerm.exitCode ?? 143;
          later(ctx, () => exit(code === 143 ? diedOf('TERM') : { exitCode: code }), (onTerm.delaySeconds ?? 0) * 1000);
        };
      }
      return processWith(handlers);
    },
  };
}
