/**
 * The Traffic view: a scenario with clients shows, per answering Pod, requests over time and totals
 * up to the cursor; a click on a strip moves the cursor. Screenshots land in test-results/.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { clockMs, focusPage, loadStarter } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

const pane = (page: Page) => page.getByTestId('traffic-pane');
const totals = (page: Page) => pane(page).getByRole('table');
/** The OK and Failed cells of a pod's row in the totals table. */
async function row(page: Page, pod: string): Promise<{ ok: number; failed: number }> {
  const cells = totals(page).getByRole('row', { name: new RegExp(`^${pod}\\b`) }).getByRole('cell');
  return { ok: Number(await cells.nth(0).textContent()), failed: Number(await cells.nth(1).textContent()) };
}

test('the Service starter: requests spread over the ready Pods, totals follow the cursor', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await loadStarter(page, 'traffic / a Service with 5 requests a second');
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(pane(page)).toContainText('shop-frontend → web');

  await focusPage(page);
  await page.keyboard.press('End');
  // Three Pods from the start, two more from the scale-up at 60 s: five lanes, plus requests sent
  // before any Pod was ready.
  const lanes = pane(page).getByRole('img', { name: /^Requests Pod web-\w+ answered/ });
  await expect(lanes).toHaveCount(5);
  await expect(pane(page).getByRole('img', { name: /^Requests with no endpoint/ })).toHaveCount(1);
  await expect(pane(page).getByRole('list', { name: 'Failures by cause' })).toContainText('the client sees connection refused');
  const names = await lanes.evaluateAll((els) => els.map((e) => /Pod (\S+)/.exec(e.getAttribute('aria-label') ?? '')?.[1] ?? ''));
  for (const pod of names) expect((await row(page, pod)).ok).toBeGreaterThan(20);
  expect(await new AxeBuilder({ page }).include('[data-testid="traffic-pane"]').analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
  await page.screenshot({ path: 'test-results/traffic-starter.png' });

  // A click in the first quarter of a strip moves the cursor there; the totals shrink with it.
  const end = await row(page, names[0]);
  const box = (await lanes.first().boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2);
  const at = await clockMs(page);
  expect(at).toBeGreaterThan(60_000);
  expect(at).toBeLessThan(90_000);
  await expect(totals(page).locator('caption')).toHaveText(/^Requests up to 1m[0-9]/);
  expect((await row(page, names[0])).ok).toBeLessThan(end.ok);
  await page.screenshot({ path: 'test-results/traffic-starter-cursor.png' });
  await page.getByRole('button', { name: 'Widen' }).click();
  await page.getByRole('button', { name: 'Dark' }).click();
  await totals(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/traffic-pane-dark.png' });
  expect(errors).toEqual([]);
});

test('the readiness lesson: checkout keeps serving, legacy fails, in the Traffic pane', async ({ page }) => {
  await page.goto('./#lesson=readiness-service&step=3');
  await expect(page.getByRole('heading', { name: 'Readiness removes a Pod from the Service' })).toBeVisible();
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(pane(page)).toContainText('checkout-users → checkout');
  await expect(totals(page).locator('caption')).toHaveText('Requests up to 1m10s');
  expect((await row(page, 'checkout-2')).failed).toBe(0);
  expect((await row(page, 'checkout-1')).failed).toBe(0);
  expect((await row(page, 'legacy-2')).failed).toBeGreaterThan(10);
  await page.screenshot({ path: 'test-results/traffic-lesson.png' });
});

test('the traffic editor: remove the client and the Traffic tab goes; add one and it is back', async ({ page }) => {
  await loadStarter(page, 'traffic / a Service with 5 requests a second');
  const clients = page.getByRole('list', { name: 'Clients in this run' });
  await expect(clients).toContainText('shop-frontend: GET web/ 5/s');
  await clients.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('tab', { name: 'Traffic' })).toHaveCount(0);

  const editor = page.getByRole('region', { name: 'Traffic' });
  await editor.getByLabel('Requests per second').fill('0');
  await expect(editor.getByRole('button', { name: /^Send from/ })).toBeDisabled();
  await editor.getByLabel('Requests per second').fill('2');
  await editor.getByRole('button', { name: 'Send from 0s' }).click();
  await expect(clients).toContainText('client-1: GET web/ 2/s');
  await page.getByRole('tab', { name: 'Traffic' }).click();
  await expect(pane(page)).toContainText('client-1 → web');
  await page.screenshot({ path: 'test-results/traffic-editor.png' });
});

test('the Cluster view shows traffic as it flows: what each endpoint answered in the last 10 s', async ({ page }) => {
  await loadStarter(page, 'traffic / a Service with 5 requests a second');
  await page.getByRole('tab', { name: 'Cluster' }).click();
  await focusPage(page);
  await page.keyboard.press('End');
  const service = page.getByTestId('cluster-service-web');
  // 5 requests a second over 10 s (one more or less at the window's edges), all answered.
  await expect(page.getByTestId('cluster-traffic-web')).toHaveText(/^Requests in the last 10 s: (49|50|51) OK, 0 failed\.$/);
  await expect(service.getByText(/^\d+ OK$/).first()).toBeVisible();
  expect(await new AxeBuilder({ page }).include('[data-testid="cluster-view"]').analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
  await page.screenshot({ path: 'test-results/cluster-traffic.png' });
});
