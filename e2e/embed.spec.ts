/** Embed mode (`?embed=1`): no editor, no header, fills its frame, and a way out to the full app. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

for (const size of [
  { width: 640, height: 400 },
  { width: 960, height: 540 },
]) {
  test(`a lesson embedded at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('./?embed=1#lesson=crashloop-backoff&step=2');
    await expect(page.getByTestId('lesson-narration')).toBeVisible();
    await expect(page.getByTestId('lesson-narration')).toContainText('Second exit');
    await expect(page.getByTestId('timeline')).toBeVisible();
    await expect(page.locator('header')).toHaveCount(0);
    await expect(page.locator('.cm-editor')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Presenter' })).toHaveCount(0);
    // Sized to its frame: nothing spills out of the viewport.
    const overflow = await page.evaluate(() => ({
      w: document.documentElement.scrollWidth - window.innerWidth,
      h: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow).toEqual({ w: 0, h: 0 });
    const link = page.getByRole('link', { name: /Open in PodPlay/ });
    await expect(link).toHaveAttribute('target', '_blank');
    const href = (await link.getAttribute('href')) ?? '';
    expect(new URL(href).search).toBe('');
    expect(new URL(href).hash).toBe('#lesson=crashloop-backoff&step=2');
    const violations = (await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);
    expect(violations).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/embed-lesson-${size.width}x${size.height}.png` });

    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).not.toContain('embed=1');
    await expect(tab.getByRole('link', { name: 'Lessons' })).toBeVisible();
    await expect(tab.getByTestId('lesson-narration')).toContainText('Second exit');
  });
}

test('the playground embedded: no editor, no header, an Open in PodPlay link', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto('./?embed=1');
  await expect(page.locator('header')).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Manifest' })).toHaveCount(0);
  const href = (await page.getByRole('link', { name: /Open in PodPlay/ }).getAttribute('href')) ?? '';
  expect(new URL(href).searchParams.get('embed')).toBeNull();
});
