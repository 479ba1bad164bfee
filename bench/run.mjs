/**
 * `npm run bench`: each benchmark bundled into one module first, as the playground ships the engine
 * (Vite bundles it), then run with node --expose-gc. Running the TypeScript sources through a loader
 * instead measured the loader too: about a quarter slower on the same code.
 */
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const out = mkdtempSync(join(tmpdir(), 'podplay-bench-'));
try {
  for (const name of ['engine', 'cluster']) {
    const outfile = join(out, `${name}.mjs`);
    await build({
      entryPoints: [`bench/${name}.ts`],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'warning',
      // The yaml package is CommonJS and requires Node built-ins.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    const run = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
