/**
 * Determinism: the same input gives the same trace; the CLI's JSON is byte-identical across runs;
 * a bad manifest exits 2 with a located message (design.md, "The CLI").
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '..';
import { input, onePod } from './builders';

const crash = onePod({ name: 'crash', body: '    command: ["sh", "-c", "sleep 2; exit 1"]' });

describe('simulate is deterministic for a seed', () => {
  it.each([
    { name: 'crash loop', manifest: crash },
    { name: 'liveness restarts', manifest: onePod({ image: 'nginx:1.27', body: '    livenessProbe:\n      httpGet:\n        port: 81\n      periodSeconds: 3' }) },
  ])('$name: two runs give JSON.stringify-identical traces', ({ manifest }) => {
    const a = simulate(input(manifest), { until: 90_000 });
    const b = simulate(input(manifest), { until: 90_000 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

// Each CLI run starts a Node process with a TypeScript loader: seconds on a busy 2-core machine.
describe('the CLI contract (src/cli/main.ts)', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'podplay-rules-'));
  const good = join(dir, 'pod.yaml');
  writeFileSync(good, crash);
  const cli = (file: string) => ['tsx', 'src/cli/main.ts', file, '--json', '--until', '60'];

  it('two runs of --json print byte-identical stdout, one JSON object', () => {
    const a = execFileSync('npx', cli(good), { encoding: 'utf8' });
    const b = execFileSync('npx', cli(good), { encoding: 'utf8' });
    expect(a).toBe(b);
    const report = JSON.parse(a) as { events: Array<{ reason: string }>; final: { status: string } };
    expect(report.events.some((e) => e.reason === 'BackOff')).toBe(true);
  }, 60_000);

  it('a bad manifest exits 2 with pod.yaml:LINE:COL on stderr', () => {
    const bad = join(dir, 'bad', 'pod.yaml');
    execFileSync('mkdir', ['-p', join(dir, 'bad')]);
    writeFileSync(bad, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: app\n');
    const result = spawnSync('npx', cli(bad), { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^pod\.yaml:7:5: spec\.containers\[0\]\.image: Required value$/m);
  }, 60_000);
});
