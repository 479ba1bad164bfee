import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 720 } });

async function showRun(page: Page, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme });
  await page.goto('./');
  await page.getByRole('button', { name: 'probe / http-liveness' }).click();
  await expect(page.locator('.cm-editor')).toBeVisible();
  await page
    .getByRole('button', { name: /^Move cursor to Killing/ })
    .first()
    .click();
  await expect(page.getByTestId('events-list').locator('li[aria-current="true"]')).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
  test(`main view has no axe violations (${theme})`, async ({ page }) => {
    await showRun(page, theme);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/playground-${theme}.png` });
    await page.getByRole('tab', { name: 'describe pod' }).click();
    await page.getByRole('tab', { name: 'Statechart' }).click();
    const again = await new AxeBuilder({ page }).analyze();
    expect(again.violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/playground-describe-${theme}.png` });
    await page.getByRole('button', { name: 'Hide editor' }).click();
    await page.getByRole('button', { name: 'Widen' }).click();
    await expect(page.getByTestId('diagram-slot').locator('svg').first()).toBeVisible();
    const wide = await new AxeBuilder({ page }).analyze();
    expect(
      wide.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/playground-statechart-${theme}.png` });
  });
}

test('empty state has no axe violations', async ({ page }) => {
  await page.goto('./');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/empty-light.png' });
});

test('1440x900 layout', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await showRun(page, 'light');
  await page.screenshot({ path: 'e2e/screenshots/playground-1440.png' });
});

test('presenter mode at projector size', async ({ page }) => {
  await showRun(page, 'light');
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Hide editor' }).click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/presenter-light.png' });
});
