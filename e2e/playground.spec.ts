import { expect, test } from '@playwright/test';
import { clock, clockMs, focusPage, loadStarter, watch } from './helpers';

test('load a starter, play and pause', async ({ page }) => {
  await loadStarter(page, 'simple-pod');
  await expect(watch(page)).toContainText('nginx');
  await expect(watch(page)).toContainText(/Pending|ContainerCreating/);
  await page.getByLabel('Speed').selectOption('100');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(watch(page)).toContainText('Running', { timeout: 10000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await clock(page).textContent();
  await page.waitForTimeout(300);
  await expect(clock(page)).toHaveText(paused ?? '');
  expect(await clockMs(page)).toBeGreaterThan(0);
});

test('step forward and back through events with buttons and keys', async ({ page }) => {
  await loadStarter(page, 'simple-pod');
  const current = page.getByTestId('events-list').locator('li[aria-current="true"]');

  await page.getByRole('button', { name: 'Next event' }).click();
  const t1 = await clockMs(page);
  expect(t1).toBeGreaterThan(0);
  await expect(current).toContainText('Pulling');
  await page.getByRole('button', { name: 'Next event' }).click();
  const t2 = await clockMs(page);
  expect(t2).toBeGreaterThan(t1);
  await expect(current).toContainText('Started');
  await expect(watch(page)).toContainText('Running');

  await page.getByRole('tab', { name: 'Statechart' }).click();
  await page.getByRole('combobox', { name: 'Machine' }).selectOption({ label: 'container nginx' });
  await expect(page.getByTestId('active-state')).toContainText('running');
  await page.getByRole('button', { name: 'Previous event' }).click();
  expect(await clockMs(page)).toBe(t1);
  await expect(page.getByTestId('active-state')).toContainText('waiting');

  await focusPage(page);
  await page.keyboard.press('End');
  await expect(clock(page)).toContainText('5m00s / 5m00s');
  await page.keyboard.press('Home');
  await expect(clock(page)).toContainText('0s /');
  await page.keyboard.press('ArrowRight');
  expect(await clockMs(page)).toBe(t1);
  await page.keyboard.press('ArrowLeft');
  expect(await clockMs(page)).toBe(0);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('drag the timeline cursor and click an event', async ({ page }) => {
  await loadStarter(page, 'probe / http-liveness');
  const box = await page.getByTestId('timeline').boundingBox();
  if (!box) throw new Error('no timeline');
  const y = box.y + 10;
  await page.mouse.move(box.x + 200, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 15, y, { steps: 5 });
  await page.mouse.up();
  expect(await clockMs(page)).toBeGreaterThan(270_000);
  await expect(watch(page)).toContainText('liveness-http');

  const killing = page.getByRole('button', { name: /^Move cursor to Killing/ }).first();
  const label = (await killing.getAttribute('aria-label')) ?? '';
  await killing.click();
  const at = /at ([\dm.]+s)/.exec(label)?.[1];
  await expect(clock(page)).toContainText(`${at} /`);
  await expect(page.getByTestId('events-list').locator('li[aria-current="true"]')).toContainText(
    /Killing|Started|Created|Pulled/,
  );

  // Clicking a probe-failure mark on the timeline moves the cursor onto it.
  await page.getByRole('button', { name: 'Jump to start' }).click();
  const mark = page.locator('[data-mark="failure"]').last();
  const title = (await mark.locator('title').textContent()) ?? '';
  const shape = await mark.locator('path').boundingBox();
  if (!shape) throw new Error('no probe-failure mark');
  await page.mouse.click(shape.x + shape.width / 2, shape.y + shape.height / 2);
  await expect(clock(page)).toContainText(`${title.split(' ')[0]} /`);
});

test('delete the pod at the cursor, then remove the action', async ({ page }) => {
  await loadStarter(page, 'simple-pod');
  await page
    .getByRole('button', { name: /^Move cursor to Started/ })
    .first()
    .click();
  await page.getByLabel('Grace period (s)').fill('5');
  await page.getByRole('button', { name: 'Delete pod' }).click();
  await expect(page.getByRole('list', { name: 'Actions in this run' })).toContainText('--grace-period=5');
  await focusPage(page);
  await page.keyboard.press('End');
  // nginx quits at once on its stop signal, yet the watch prints Terminating first: the kubelet
  // stops the container only when its own watch delivers the deletion.
  await expect(watch(page)).toContainText(/1\/1\s+Terminating/);
  await expect(watch(page)).toContainText(/0\/1\s+Completed/);
  await watch(page).screenshot({ path: 'test-results/playground-delete-watch.png' });
  await page.getByRole('tab', { name: 'describe pod' }).click();
  await expect(page.getByTestId('kubectl-describe')).toContainText('not found');
  await page.getByRole('button', { name: /Remove action/ }).click();
  await expect(page.getByRole('list', { name: 'Actions in this run' })).toHaveCount(0);
  await expect(page.getByTestId('kubectl-describe')).toContainText('Name:');
});

test('an invalid edit keeps the last good run and shows a located error', async ({ page }) => {
  await loadStarter(page, 'simple-pod');
  await expect(page.locator('.cm-editor')).toBeVisible();
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  // One insertion is one undo step; typed keys are grouped only while they come within CodeMirror's
  // 500 ms (a loaded CI machine can space them wider, and one Ctrl+Z then undoes part of the text).
  await page.keyboard.insertText('\n  bad: [unclosed');
  await expect(page.getByTestId('diagnostics')).toContainText(/simple-pod\.yaml:\d+:\d+/);
  await expect(page.getByText('the last good run stays on screen')).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByTestId('diagnostics')).toHaveCount(0);
});

test('help dialog lists the shortcuts', async ({ page }) => {
  await loadStarter(page, 'simple-pod');
  await focusPage(page);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('Play / pause');
  // Where the clock is exact: the engine's own constants, e.g. the PLEG relist.
  const timing = page.getByRole('table', { name: 'Where PodPlay is exact and a node is not' });
  await expect(timing.getByRole('row', { name: /container exit/ })).toContainText('exactly 1 s later');
  await expect(timing.getByRole('row', { name: /hears of a deletion/ })).toContainText('exactly 0.1 s');
  await expect(timing.getByRole('row', { name: /workload controller syncs/ })).toContainText('at the same instant');
  await page.getByRole('dialog').screenshot({ path: 'test-results/help-dialog.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The editor is not a keyboard trap: Esc, then Tab, leaves it.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') === null)).toBe(true);
});

test('the starter menu and the theme toggle', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Example').selectOption({ label: 'probe / http-liveness' });
  await expect(watch(page)).toContainText('liveness-http');
  const html = page.locator('html');
  const dark = await html.evaluate((el) => el.classList.contains('dark'));
  await page.getByRole('button', { name: /Switch to (light|dark) theme/ }).click();
  expect(await html.evaluate((el) => el.classList.contains('dark'))).toBe(!dark);
});

test('logs at the cursor, from a simulation that ran in a worker', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await loadStarter(page, 'simple-pod');
  expect(workers.some((u) => u.includes('sim.worker'))).toBe(true);
  await page.getByLabel('Example').selectOption({ label: 'commands' });
  await expect(watch(page)).toContainText('command-demo');
  await page.getByRole('tab', { name: 'logs' }).click();
  await expect(page.getByTestId('kubectl-logs')).toContainText('is waiting to start');
  await focusPage(page);
  await page.keyboard.press('End');
  await expect(page.getByTestId('kubectl-logs')).toContainText('command-demo');
  await page.getByLabel('--previous').check();
  await expect(page.getByTestId('kubectl-logs')).toContainText('previous terminated container');
});

test('playback announces events politely', async ({ page }) => {
  await loadStarter(page, 'simple-pod');
  const announcer = page.getByTestId('announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(announcer).toContainText(/Scheduled|Pulling|Pulled|Created|Started/);
});

test('falls back to the main thread when no worker can start', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'Worker', {
      value: function NoWorker() {
        throw new Error('workers are disabled');
      },
    });
  });
  await loadStarter(page, 'simple-pod');
  await focusPage(page);
  await page.keyboard.press('End');
  await expect(watch(page)).toContainText('Running');
});

test('resize the editor and zoom the timeline', async ({ page }) => {
  await loadStarter(page, 'probe / http-liveness');
  const splitter = page.getByRole('separator', { name: 'Editor width' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 20));
  expect(await clockMs(page)).toBe(0);

  const window = page.getByTestId('timeline-window');
  await expect(window).toContainText('of 5m00s');
  const whole = await window.textContent();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(window).not.toHaveText(whole ?? '');
  await page.getByRole('button', { name: 'Whole run' }).click();
  await expect(window).toHaveText(whole ?? '');
});

test('the timeline window follows the cursor and still draws the segments', async ({ page }) => {
  await loadStarter(page, 'simple-pod');
  const window = page.getByTestId('timeline-window');
  await expect(window).toContainText('Showing 0s–10s of 5m00s');
  await focusPage(page);
  await page.keyboard.press('End');
  await expect(window).toContainText('–5m00s of 5m00s');
  const running = page.locator('[data-lane="phase"] rect[data-tone="running"]');
  const box = await running.boundingBox();
  const timeline = await page.getByTestId('timeline').boundingBox();
  if (!box || !timeline) throw new Error('no running segment');
  expect(box.x).toBeGreaterThan(timeline.x + 100);
  expect(box.width).toBeGreaterThan(timeline.width * 0.6);
});

test('paste a manifest with two pods and pick the second', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.cm-editor')).toBeVisible();
  const pod = (name: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.14.2\n`;
  await page.locator('.cm-content').fill(`${pod('first')}---\n${pod('second')}`);
  await expect(page.getByTestId('timeline')).toBeVisible();
  // get pods -w watches the namespace: both pods, whichever is picked.
  await expect(watch(page)).toContainText('first');
  await expect(watch(page)).toContainText('second');
  await page.getByRole('tab', { name: 'describe pod' }).click();
  await expect(page.getByTestId('kubectl-describe')).toContainText('$ kubectl describe pod first');
  await page.getByRole('combobox', { name: 'Pod', exact: true }).selectOption('second');
  await expect(page.getByTestId('kubectl-describe')).toContainText('$ kubectl describe pod second');
  await expect(page.getByTestId('kubectl-describe')).toContainText(/Name:\s+second/);
});
