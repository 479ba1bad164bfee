/** Offline: once visited, the built site loads and runs from the service worker's cache. */
import { expect, test } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

test('after one visit the app loads offline and runs a starter', async ({ page, context }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Pick an example or paste a Pod manifest' })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
  // The install step precached every built file.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('podplay-')) ?? '');
    return (await cache.keys()).length;
  });
  expect(cached).toBeGreaterThan(10);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pick an example or paste a Pod manifest' })).toBeVisible();
  await page.getByRole('button', { name: 'probe / exec-liveness', exact: true }).click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByTestId('kubectl-watch')).toContainText('liveness-exec');

  // A lesson works offline too (its player and worker were precached).
  await page.goto('./#lesson=crashloop-backoff&step=1');
  await expect(page.getByTestId('lesson-narration')).toBeVisible();
  await context.setOffline(false);
});
