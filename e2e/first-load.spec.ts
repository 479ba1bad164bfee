/**
 * What the page loads before anything is asked of it: dist/index.html's entry script and its
 * modulepreloads. The engine (simulate, the machines, XState) belongs in the worker and the lazy
 * chunks, never here: one stray import from a view once put all of it in the first load. Writes the
 * gzip size to test-results/first-load.json, which `npm run bench` prints; asserts no size.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { FIRST_LOAD_JSON } from '../bench/browser-report';

/** Texts only the engine has: a kubelet event, the scheduler's message, LeanActor's refusal. */
const ENGINE_MARKERS = ['Successfully assigned', 'nodes are available', 'LeanActor cannot run'];

test('the first load carries the page, not the engine', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  expect(files.length).toBeGreaterThan(0);
  let gzipBytes = 0;
  for (const file of files) {
    const code = readFileSync(`dist/${file}`);
    gzipBytes += gzipSync(code, { level: 9 }).length;
    for (const marker of ENGINE_MARKERS) expect(code.includes(marker), `${file} contains "${marker}"`).toBe(false);
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync(FIRST_LOAD_JSON, JSON.stringify({ date: new Date().toISOString(), files, gzipBytes }, null, 2));
  console.log(`first load: ${files.length} scripts, ${gzipBytes.toLocaleString('en')} bytes gzip -9`);
});
