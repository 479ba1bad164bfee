/**
 * stress (polinux/stress): `--vm N --vm-bytes SIZE` starts N workers that each allocate SIZE and
 * keep touching it (`--vm-hang S`: hold for S seconds between rounds); `--timeout Ns` ends a
 * successful run. With a memory limit below the allocation, the kernel's OOM killer ends the
 * container (cgroup v2 memory.oom.group: the whole container), exit 137 OOMKilled. stress installs
 * no TERM handler, so as PID 1 it ignores TERM.
 */
import type { Program } from '../../types';
import { flag, later, onceExit, parseSize, processWith, MiB } from '../program-kit';

export const stressProgram: Program = {
  start(argv, ctx) {
    const exit = onceExit(ctx);
    const vm = Number(flag(argv, 'vm') ?? '0') || 0;
    const cpu = Number(flag(argv, 'cpu') ?? '0') || 0;
    const io = Number(flag(argv, 'io') ?? '0') || 0;
    const bytes = parseSize(flag(argv, 'vm-bytes'), 256 * MiB);
    const timeout = flag(argv, 'timeout');
    ctx.log('stdout', `stress: info: [1] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, 0 hdd`);
    if (vm > 0) later(ctx, () => ctx.setMemory(vm * bytes), 100);
    if (timeout) {
      const seconds = parseSize(timeout.replace(/s$/, ''), 0);
      later(
        ctx,
        () => {
          ctx.log('stdout', `stress: info: [1] successful run completed in ${seconds}s`);
          exit({ exitCode: 0 });
        },
        seconds * 1000,
      );
    }
    return processWith({});
  },
};
