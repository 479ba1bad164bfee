/**
 * The playground's budgets, measured, never asserted on time (a slow machine must not fail CI):
 * - seeking anywhere in a 1-hour run of a pod with three probing containers updates every pane
 *   within one frame (16 ms): the app's `podplay:seek` User Timing measures (src/ui/transport/
 *   seek-marks.ts), over 50 seeks by keyboard, scrubber and timeline clicks (the ones that move the cursor count);
 * - playing at 100× keeps the page responsive: long tasks (> 50 ms) seen by a PerformanceObserver.
 * Writes test-results/perf.json (which `npm run bench` prints) and logs the numbers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PERF_JSON, type Summary } from '../bench/browser-report';
import { customImages, podYaml } from '../bench/three-probes';
import { encodeScenarioToFragment, parseScenario } from '../src/scenario';
import { clock, clockMs, focusPage } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

const UNTIL_S = 3600;

function oneHourLink(): string {
  const parsed = parseScenario({
    version: 1,
    title: '3 probing containers, 1 hour',
    fileName: 'web.yaml',
    manifest: podYaml('web'),
    customImages,
    until: UNTIL_S,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return `./#${encodeScenarioToFragment(parsed.scenario)}`;
}

function summarize(values: number[]): Summary {
  const xs = [...values].sort((a, b) => a - b);
  const at = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { count: xs.length, median: round(at(0.5)), p95: round(at(0.95)), worst: round(xs[xs.length - 1] ?? 0) };
}

interface LongTaskWindow {
  __podplayLongTasks: { start: number; duration: number }[];
  __podplayLongTaskObserver: boolean;
}

/** Lets the seek's frame be drawn (and its paint measure land) before the next one starts. */
const settle = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))),
  );

test('seek and playback budgets on a 1-hour, 3-container run', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const w = window as unknown as LongTaskWindow;
    w.__podplayLongTasks = [];
    w.__podplayLongTaskObserver = false;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__podplayLongTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      w.__podplayLongTaskObserver = true;
    } catch {
      // No Long Tasks API: the report says the observer did not run.
    }
  });
  await page.goto(oneHourLink());
  await expect(clock(page)).toContainText('/ 60m00s', { timeout: 30_000 });
  await expect(page.getByTestId('timeline')).toBeVisible();
  await page.screenshot({ path: 'test-results/perf-1h-run.png' });

  // 1. Fifty seeks spread over the hour.
  await page.evaluate(() => {
    performance.clearMeasures('podplay:seek');
    performance.clearMeasures('podplay:seek:paint');
  });
  const seeks: Array<() => Promise<void>> = [];
  const key = (k: string) => async () => {
    await page.keyboard.press(k);
  };
  seeks.push(key('End'), key('Home'));
  for (let i = 0; i < 10; i++) seeks.push(key('ArrowRight'));
  for (let i = 0; i < 5; i++) seeks.push(key('ArrowLeft'));
  const scrubber = page.getByLabel('Virtual time');
  for (let i = 0; i < 15; i++) {
    const f = (i * 7 + 3) % 15 / 15 + 1 / 30;
    seeks.push(async () => {
      const box = await scrubber.boundingBox();
      if (!box) throw new Error('no scrubber');
      await page.mouse.click(box.x + 8 + f * (box.width - 16), box.y + box.height / 2);
    });
  }
  seeks.push(async () => {
    await page.getByRole('button', { name: 'Whole run' }).click();
  });
  const plot = page.getByTestId('timeline').locator('svg');
  for (let i = 0; i < 17; i++) {
    const f = (i * 5 + 2) % 17 / 17 + 1 / 34;
    seeks.push(async () => {
      const box = await plot.boundingBox();
      if (!box) throw new Error('no timeline');
      // The plot lies between the 168 px label column and a 12 px right margin; y 12 is the axis.
      const left = box.x + 172;
      await page.mouse.click(left + f * (box.x + box.width - 16 - left), box.y + 12);
    });
  }
  await focusPage(page);
  seeks.push(key('End'));
  for (const [i, seek] of seeks.entries()) {
    await seek();
    await settle(page);
    // Keys go to the page, not to a control the previous seek focused.
    if (i === 16 || i === seeks.length - 2) await focusPage(page);
  }
  const durations = await page.evaluate(() => ({
    seek: performance.getEntriesByName('podplay:seek').map((e) => e.duration),
    paint: performance.getEntriesByName('podplay:seek:paint').map((e) => e.duration),
  }));
  const seek = summarize(durations.seek);
  const paint = summarize(durations.paint);
  await page.screenshot({ path: 'test-results/perf-1h-end.png' });

  // 2. Play at 100× for about 5 s, counting long tasks and animation frames.
  await page.getByRole('button', { name: 'Jump to start' }).click();
  await page.getByLabel('Speed').selectOption('100');
  await page.evaluate(() => {
    (window as unknown as LongTaskWindow).__podplayLongTasks = [];
  });
  const fromMs = await clockMs(page);
  await page.getByRole('button', { name: 'Play' }).click();
  const frames = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let n = 0;
        const end = performance.now() + 5000;
        const tick = (now: number) => {
          n++;
          if (now < end) requestAnimationFrame(tick);
          else resolve(n);
        };
        requestAnimationFrame(tick);
      }),
  );
  await page.getByRole('button', { name: 'Pause' }).click();
  const toMs = await clockMs(page);
  const longTasks = await page.evaluate(() => {
    const w = window as unknown as LongTaskWindow;
    return { observer: w.__podplayLongTaskObserver, tasks: w.__podplayLongTasks };
  });
  const playback = {
    speed: 100,
    wallSeconds: 5,
    virtualSeconds: Math.round((toMs - fromMs) / 1000),
    framesPerSecond: Math.round(frames / 5),
    observerRan: longTasks.observer,
    longTasks: longTasks.tasks.length,
    longestTaskMs: Math.round(Math.max(0, ...longTasks.tasks.map((t) => t.duration))),
  };

  const report = {
    producedBy: 'e2e/perf.spec.ts: npm run build && npx playwright test e2e/perf.spec.ts',
    browser: `Chromium ${browser.version()} (headless, Playwright)`,
    date: new Date().toISOString(),
    scenario: '1 pod, 3 containers with httpGet liveness and readiness probes, 1 h virtual (until: 3600)',
    seek: { ...seek, unit: 'ms', what: 'cursor set → every pane committed (podplay:seek)' },
    seekPaint: { ...paint, unit: 'ms', what: 'next animation frame → drawn (podplay:seek:paint)' },
    playback,
  };
  mkdirSync('test-results', { recursive: true });
  writeFileSync(PERF_JSON, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `seek (${seek.count}): median ${seek.median} ms, p95 ${seek.p95} ms, worst ${seek.worst} ms; ` +
      `paint after it: median ${paint.median} ms, worst ${paint.worst} ms`,
  );
  console.log(
    `play 100× for 5 s: ${playback.longTasks} long tasks, longest ${playback.longestTaskMs} ms, ` +
      `${playback.framesPerSecond} frames/s, ${playback.virtualSeconds} virtual s`,
  );

  expect(seek.count).toBeGreaterThanOrEqual(40);
  expect(longTasks.observer).toBe(true);
});
