import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { clock, clockMs, focusPage, loadStarter } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

const card = (page: Page) => page.getByTestId('why-card');

async function openStatusAtEnd(page: Page) {
  await loadStarter(page, 'probe / http-liveness');
  await focusPage(page);
  await page.keyboard.press('End');
  await page.getByRole('tab', { name: 'Status' }).click();
  await expect(page.getByTestId('status-panel')).toBeVisible();
}

test('restartCount: the Why card names the Killing and Show on timeline moves the cursor', async ({ page }) => {
  await openStatusAtEnd(page);
  await page.locator('[data-field="liveness-http/liveness/restartCount"]').click();
  await expect(card(page)).toBeFocused();
  await expect(card(page)).toContainText(/Why is liveness restartCount \d+\?/);
  await expect(page.getByTestId('why-sentence')).toContainText(/Killing: Container liveness failed liveness probe/);
  await expect(card(page)).toContainText('Started');
  await page.screenshot({ path: 'e2e/screenshots/explain-restart.png' });

  const show = card(page).getByRole('button', { name: /^Show on timeline/ });
  const at = /\(([\dm.]+s)\)/.exec((await show.textContent()) ?? '')?.[1];
  expect(at).toBeTruthy();
  await show.click();
  await expect(clock(page)).toContainText(`${at} /`);
  // The card stays while the cursor moves; asking again at the new cursor gives the same moment.
  await expect(card(page)).toBeVisible();
  const restartAt = await clockMs(page);
  await page.locator('[data-field="liveness-http/liveness/restartCount"]').click();
  await expect(card(page).getByRole('button', { name: /^Show on timeline/ })).toContainText(`(${at})`);
  expect(await clockMs(page)).toBe(restartAt);
});

test('Ready by keyboard: Enter on the condition, then Show in statechart highlights the edge', async ({ page }) => {
  await loadStarter(page, 'probe / http-liveness');
  // A killed container makes Ready False: explain it.
  await page.getByRole('button', { name: /^Move cursor to Started/ }).first().click();
  const timeline = page.getByTestId('timeline');
  await timeline.focus();
  await timeline.press('ArrowRight');
  await timeline.press('ArrowRight');
  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Kill a container' });
  await page.getByRole('button', { name: 'Kill container' }).click();
  // At the cursor, right after the kill.
  await page.getByRole('tab', { name: 'Status' }).click();
  const ready = page.locator('[data-field="liveness-http/condition/Ready"]');
  await expect(ready).toContainText('False');
  await ready.focus();
  await page.keyboard.press('Enter');
  await expect(card(page)).toBeFocused();
  await expect(card(page)).toContainText('Why is Ready False?');
  await expect(page.getByTestId('why-sentence')).toContainText('Container liveness exited');
  await expect(page.getByTestId('why-sentence')).toContainText('You acted at');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/explain-ready.png' });

  await card(page).getByRole('button', { name: 'Show in statechart' }).click();
  await expect(page.getByRole('tab', { name: 'Statechart' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('combobox', { name: 'Machine' })).toHaveValue('pod/liveness-http/container/liveness');
  await expect(page.getByTestId('statechart-highlight')).toContainText('container liveness exited');
  await expect(page.getByTestId('diagram-slot').locator('svg').first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/explain-statechart.png' });
  await page.getByRole('button', { name: 'Back to Why?' }).click();
  await expect(card(page)).toBeFocused();
});

test('Status pane and Why card pass axe in the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openStatusAtEnd(page);
  await page.locator('[data-field="liveness-http/condition/PodScheduled"]').click();
  await expect(page.getByTestId('why-sentence')).toContainText('Successfully assigned');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/explain-dark.png' });
});
