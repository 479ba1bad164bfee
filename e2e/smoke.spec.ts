import { test, expect } from '@playwright/test';

test('the built site opens from a relative path', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'PodPlay' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/smoke.png' });
});
