/**
 * A stand-in for the shell's resolveCommand in runtime tests: a few utilities (sleep, echo, cat,
 * true, false, write) that behave like their real counterparts, and `sh -c "<one of those>"`.
 */
import type { Program } from '../types';
import type { ProgramResolver } from '../images/program-kit';

const utility = (run: (args: string[], ctx: Parameters<Program['start']>[1]) => number | 'forever' | { afterMs: number; code: number }): Program => ({
  start(argv, ctx) {
    const result = run(argv.slice(1), ctx);
    if (result !== 'forever') {
      const { afterMs, code } = typeof result === 'number' ? { afterMs: 0, code: result } : result;
      ctx.timers.setTimeout(() => ctx.exit({ exitCode: code }), afterMs);
    }
    return { signal: () => undefined };
  },
});

const utilities: Record<string, Program> = {
  sleep: utility((args) => (args[0] === 'infinity' ? 'forever' : { afterMs: Number(args[0]) * 1000, code: 0 })),
  echo: utility((args, ctx) => (ctx.log('stdout', args.join(' ')), 0)),
  cat: utility((args, ctx) => {
    const content = ctx.fs.read(args[0] ?? '');
    if (content === undefined) {
      ctx.log('stderr', `cat: can't open '${args[0]}': No such file or directory`);
      return 1;
    }
    ctx.log('stdout', content);
    return 0;
  }),
  true: utility(() => 0),
  false: utility(() => 1),
  write: utility((args, ctx) => (ctx.fs.write(args[0], args[1] ?? '') === 'ok' ? 0 : 1)),
};

export const fakeResolveCommand: ProgramResolver = (argv0) => {
  const name = argv0.slice(argv0.lastIndexOf('/') + 1);
  if (name === 'sh' || name === 'bash') {
    return {
      start(argv, ctx) {
        const words = (argv[1] === '-c' ? (argv[2] ?? '') : '').split(' ').filter(Boolean);
        const program = words.length > 0 ? fakeResolveCommand(words[0]) : undefined;
        if (!program) {
          ctx.timers.setTimeout(() => ctx.exit({ exitCode: words.length > 0 ? 127 : 0 }), 0);
          return { signal: () => undefined };
        }
        return program.start(words, ctx);
      },
    };
  }
  return utilities[name];
};
