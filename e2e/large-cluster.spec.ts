/**
 * A hundred-replica Deployment on ten nodes, rolled to a new image at 5 min, 30 min of virtual
 * time (the cluster benchmark's scenario). The timeline draws only the lanes near its pane's view
 * and `get pods -w` (1,400 rows) only the lines near its own: what is in view is drawn, what
 * scrolls into view appears. Seek times are measured, never asserted (a slow machine must not
 * fail CI): written to test-results/perf-cluster.json, which `npm run bench` prints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PERF_CLUSTER_JSON } from '../bench/browser-report';
import { HUNDRED_REPLICAS_UNTIL_S, hundredReplicasActions, hundredReplicasManifest, TEN_NODES } from '../bench/hundred-replicas';
import { encodeScenarioToFragment, parseScenario } from '../src/scenario';
import { clock, focusPage, watch } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

function link(): string {
  const parsed = parseScenario({
    version: 1,
    title: '100 replicas on 10 nodes, rolled out at 5 min',
    fileName: 'web.yaml',
    manifest: hundredReplicasManifest(),
    nodes: TEN_NODES,
    actions: hundredReplicasActions(),
    until: HUNDRED_REPLICAS_UNTIL_S,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return `./#${encodeScenarioToFragment(parsed.scenario)}`;
}

const settle = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))),
  );

test('a hundred Pods: the timeline and the watch draw what is in view, and scrolling brings the rest', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(link());
  await expect(clock(page)).toContainText('/ 30m00s', { timeout: 60_000 });

  // Timeline: a lane button per Pod, but only the lanes near the pane's view drawn.
  const podButtons = page.locator('[data-testid^="lane-pod-"]');
  const drawnPods = page.locator('[data-lane^="owner:Pod/"]');
  const pods = await podButtons.count();
  expect(pods).toBeGreaterThan(150);
  const drawn = await drawnPods.count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(pods / 2);
  const lastPod = ((await podButtons.last().getAttribute('data-testid')) ?? '').replace('lane-pod-', '');
  await expect(page.locator(`[data-lane="owner:Pod/${lastPod}"]`)).toHaveCount(0);
  await page.getByRole('region', { name: 'Timeline' }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator(`[data-lane="owner:Pod/${lastPod}"]`)).toHaveCount(1);

  // get pods -w at the end: the newest rows at the tail; the header once scrolled back up.
  await focusPage(page);
  await page.keyboard.press('End');
  const output = page.getByTestId('output-window');
  await expect(output).toBeVisible();
  expect(Number(await output.getAttribute('data-lines'))).toBeGreaterThan(1000);
  expect(Number(await output.getAttribute('data-first-line'))).toBeGreaterThan(0);
  await expect(watch(page)).toContainText(/1\/1\s+Running/);
  await page.screenshot({ path: 'test-results/large-cluster-end.png' });
  const panel = page.getByRole('tabpanel').filter({ has: watch(page) });
  await panel.evaluate((el) => el.scrollTo(0, 0));
  await expect(output).toHaveAttribute('data-first-line', '0');
  await expect(watch(page)).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/);
  await page.screenshot({ path: 'test-results/large-cluster-top.png' });

  // Seeks across the run, measured.
  await page.getByRole('region', { name: 'Timeline' }).evaluate((el) => el.scrollTo(0, 0));
  await focusPage(page);
  await page.evaluate(() => performance.clearMeasures('podplay:seek'));
  for (const key of ['Home', 'End', 'Home', 'End', 'Home', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'End', 'ArrowLeft']) {
    await page.keyboard.press(key);
    await settle(page);
  }
  const seeks = await page.evaluate(() => performance.getEntriesByName('podplay:seek').map((e) => e.duration));
  expect(seeks.length).toBeGreaterThanOrEqual(8);
  const sorted = [...seeks].sort((a, b) => a - b);
  const report = {
    producedBy: 'e2e/large-cluster.spec.ts: npm run build && npx playwright test e2e/large-cluster.spec.ts',
    date: new Date().toISOString(),
    scenario: '100-replica Deployment on 10 nodes, rolled out at 5 min, 30 min virtual; Home/End and steps',
    seeks: seeks.map((s) => Math.round(s * 10) / 10),
    median: Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10,
    worst: Math.round(sorted[sorted.length - 1] * 10) / 10,
  };
  mkdirSync('test-results', { recursive: true });
  writeFileSync(PERF_CLUSTER_JSON, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`cluster seeks (${seeks.length}): median ${report.median} ms, worst ${report.worst} ms`);
});
