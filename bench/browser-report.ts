/**
 * The browser half of `npm run bench`: prints the numbers e2e/perf.spec.ts last wrote to
 * test-results/perf.json (seek latency, long tasks while playing at 100×), if that file exists.
 * Reading only: the bench never starts a browser.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface Summary {
  count: number;
  median: number;
  p95: number;
  worst: number;
}

interface PerfReport {
  producedBy: string;
  browser: string;
  date: string;
  scenario: string;
  seek: Summary;
  seekPaint: Summary;
  playback: {
    speed: number;
    wallSeconds: number;
    virtualSeconds: number;
    framesPerSecond: number;
    observerRan: boolean;
    longTasks: number;
    longestTaskMs: number;
  };
}

export const PERF_JSON = 'test-results/perf.json';

const ms = (s: Summary) => `median ${s.median} ms, p95 ${s.p95} ms, worst ${s.worst} ms (${s.count} seeks)`;

export const FIRST_LOAD_JSON = 'test-results/first-load.json';
export const PERF_CLUSTER_JSON = 'test-results/perf-cluster.json';

export function printBrowserReport(path = PERF_JSON): void {
  console.log('\nBrowser (issue: playground; seek within 16 ms, no long task over 50 ms at 100x):');
  if (existsSync(FIRST_LOAD_JSON)) {
    const first = JSON.parse(readFileSync(FIRST_LOAD_JSON, 'utf8')) as { date: string; files: string[]; gzipBytes: number };
    console.log(`  first load (from ${FIRST_LOAD_JSON}, ${first.date}): ${first.files.length} scripts, ${first.gzipBytes.toLocaleString('en')} bytes gzip -9`);
  }
  if (existsSync(PERF_CLUSTER_JSON)) {
    const c = JSON.parse(readFileSync(PERF_CLUSTER_JSON, 'utf8')) as { date: string; scenario: string; seeks: number[]; median: number; worst: number };
    console.log(`  seek in a large cluster (from ${PERF_CLUSTER_JSON}, ${c.date}): median ${c.median} ms, worst ${c.worst} ms over ${c.seeks.length} seeks; ${c.scenario}`);
  }
  if (!existsSync(path)) {
    console.log(`  no ${path}: run \`npm run build && npx playwright test e2e/perf.spec.ts\` to measure`);
    return;
  }
  let r: PerfReport;
  try {
    r = JSON.parse(readFileSync(path, 'utf8')) as PerfReport;
  } catch (err) {
    console.log(`  ${path} is unreadable: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  console.log(`  from ${path}, ${r.date}, ${r.browser}; made by ${r.producedBy}`);
  console.log(`  scenario: ${r.scenario}`);
  console.log(`  seek, cursor set → panes committed: ${ms(r.seek)}`);
  console.log(`  then style, layout and paint of that frame: ${ms(r.seekPaint)}`);
  const p = r.playback;
  console.log(
    `  play at ${p.speed}x for ${p.wallSeconds} s (${p.virtualSeconds} virtual s, ${p.framesPerSecond} frames/s): ` +
      (p.observerRan ? `${p.longTasks} long tasks, longest ${p.longestTaskMs} ms` : 'no Long Tasks API in that browser'),
  );
}
