import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { clockMs, cursorAfter, focusPage, loadStarter, watch } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

const actionList = (page: Page) => page.getByRole('list', { name: 'Actions in this run' });

async function chooseAction(page: Page, label: string) {
  await page.getByLabel('Action', { exact: true }).selectOption({ label });
}

/** The restartCount the Status pane shows for a container at the cursor. */
async function restartCount(page: Page, container: string): Promise<number> {
  await page.getByRole('tab', { name: 'Status' }).click();
  const text = (await page.locator(`[data-field$="/${container}/restartCount"]`).textContent()) ?? '';
  return Number(/restartCount\s*(\d+)/.exec(text)?.[1] ?? NaN);
}

async function toEnd(page: Page) {
  await focusPage(page);
  await page.keyboard.press('End');
}

test('make /healthz answer 200 again: no more restarts after it', async ({ page }) => {
  await loadStarter(page, 'probe / http-liveness');
  await toEnd(page);
  const before = await restartCount(page, 'liveness');
  expect(before).toBeGreaterThan(2);

  await cursorAfter(page, 'Killing', 3);
  const at = await clockMs(page);
  await chooseAction(page, 'Make an endpoint answer differently');
  await expect(page.getByLabel('Port', { exact: true })).toHaveValue('8080');
  await expect(page.getByRole('textbox', { name: 'Path', exact: true })).toHaveAttribute('placeholder', '/healthz');
  await page.getByLabel('Status code', { exact: true }).fill('200');
  await page.getByRole('button', { name: 'Set the answer' }).click();
  await expect(actionList(page)).toContainText(`${at / 1000}s`);
  await expect(actionList(page)).toContainText('port 8080/healthz of liveness answers 200');
  await expect(page.locator('[data-mark="action"]')).toHaveCount(1);
  await page.screenshot({ path: 'e2e/screenshots/actions-endpoint.png' });

  await toEnd(page);
  await expect.poll(() => restartCount(page, 'liveness')).toBe(1);
  await page.getByRole('tab', { name: 'get pods -w' }).click();
  await expect(watch(page)).toContainText(/Running\s+1 \(/);
  await expect(watch(page)).not.toContainText(/Running\s+2 \(/);
});

test('kill a container: the restart count goes up; remove the action: it goes back', async ({ page }) => {
  await loadStarter(page, 'probe / http-liveness');
  // Right at the Started event: the kill comes just after the start.
  await cursorAfter(page, 'Started');
  await chooseAction(page, 'Kill a container');
  await expect(page.getByLabel('Container', { exact: true })).toHaveValue('liveness');
  await page.getByLabel('Exit code').fill('7');
  await page.getByRole('button', { name: 'Kill container' }).click();
  await expect(actionList(page)).toContainText('container liveness crashes with exit code 7');

  // 10 s: without the kill nothing has restarted yet.
  const timeline = page.getByTestId('timeline');
  await timeline.focus();
  await timeline.press('Home');
  for (let i = 0; i < 10; i++) await timeline.press('ArrowRight');
  await expect.poll(() => restartCount(page, 'liveness')).toBe(1);
  await page.getByRole('tab', { name: 'describe pod' }).click();
  await expect(page.getByTestId('kubectl-describe')).toContainText('Exit Code:    7');

  await page.getByRole('button', { name: /Remove action container liveness crashes/ }).click();
  await expect(actionList(page)).toHaveCount(0);
  await expect(page.locator('[data-mark="action"]')).toHaveCount(0);
  await expect.poll(() => restartCount(page, 'liveness')).toBe(0);
});

test('node unreachable: later the pod is not Ready', async ({ page }) => {
  await loadStarter(page, 'probe / http-liveness');
  await cursorAfter(page, 'Started', 6);
  await chooseAction(page, 'Node: Ready / NotReady / Unreachable');
  await page.getByLabel('Node becomes').selectOption('Unreachable');
  await page.getByRole('button', { name: 'Set node state' }).click();
  await expect(actionList(page)).toContainText('the node becomes unreachable');
  await toEnd(page);
  await page.getByRole('tab', { name: 'Status' }).click();
  await expect(page.locator('[data-field$="/condition/Ready"]')).toContainText('False');
  await expect(page.getByRole('tab', { name: /^Events/ })).toBeVisible();
  await page.getByRole('tab', { name: /^Events/ }).click();
  await expect(page.getByTestId('events-list')).toContainText('NodeNotReady');
  await page.screenshot({ path: 'e2e/screenshots/actions-unreachable.png' });
});

test('choices that make no sense at the cursor say why; every form passes axe', async ({ page }) => {
  // Nine axe scans: slow on a busy 2-core machine.
  test.setTimeout(90_000);
  await loadStarter(page, 'probe / exec-liveness');
  // At 0 s nothing runs: no kill, no files.
  await chooseAction(page, 'Kill a container (not now)');
  await expect(page.getByRole('button', { name: 'Kill container' })).toBeDisabled();
  await expect(page.getByTestId('action-unavailable')).toContainText('No container is running at 0s');

  await cursorAfter(page, 'Started', 40);
  await chooseAction(page, 'Create a file in a container');
  await expect(page.getByRole('textbox', { name: 'Path', exact: true })).toHaveAttribute('placeholder', '/tmp/healthy');
  await page.getByRole('button', { name: 'Create file' }).click();
  await expect(actionList(page)).toContainText('create /tmp/healthy in liveness');

  for (const label of [
    'Delete the pod',
    'Kill a container',
    'Remove a file from a container',
    'Set a readiness-gate condition',
    'Node: resource pressure',
    'Cordon the node',
    'Drain the node',
  ]) {
    await chooseAction(page, label);
    const results = await new AxeBuilder({ page }).include('aside').analyze();
    expect(results.violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await chooseAction(page, 'Set a readiness-gate condition');
  await expect(page.getByRole('button', { name: 'Set condition' })).toBeDisabled();
  await expect(page.getByTestId('action-unavailable')).toContainText('Name the condition type');
  await page.getByLabel('Condition type').fill('example.com/feature-1');
  await expect(page.getByRole('button', { name: 'Set condition' })).toBeEnabled();
  await page.screenshot({ path: 'e2e/screenshots/actions-form.png' });

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  const dark = await new AxeBuilder({ page }).analyze();
  expect(dark.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/actions-form-dark.png' });
});
