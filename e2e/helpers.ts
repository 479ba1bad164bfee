import { expect, type Page } from '@playwright/test';

/** Open PodPlay and load a starter from the empty state. */
export async function loadStarter(page: Page, label: string) {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Pick an example or paste a Pod manifest' })).toBeVisible();
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(page.getByTestId('timeline')).toBeVisible();
}

export const watch = (page: Page) => page.getByTestId('kubectl-watch');
export const clock = (page: Page) => page.getByTestId('clock');

/** The virtual time the clock shows, in ms (`1m05.5s / 5m00s` → 65500). */
export async function clockMs(page: Page): Promise<number> {
  const text = (await clock(page).textContent()) ?? '';
  const m = /^(?:(\d+)m)?([\d.]+)s/.exec(text.trim());
  if (!m) throw new Error(`unreadable clock: ${text}`);
  return Math.round((Number(m[1] ?? 0) * 60 + Number(m[2])) * 1000);
}

/** Clicks an empty spot so global shortcuts reach the page, not a focused control. */
export async function focusPage(page: Page) {
  await page.getByRole('heading', { name: 'PodPlay' }).click();
}

/** Moves the cursor to the first event with this reason, then `seconds` further with the timeline's arrow keys. */
export async function cursorAfter(page: Page, reason: string, seconds = 0) {
  await page.getByRole('tab', { name: /^Events/ }).click();
  await page
    .getByRole('button', { name: new RegExp(`^Move cursor to ${reason}`) })
    .first()
    .click();
  const timeline = page.getByTestId('timeline');
  await timeline.focus();
  for (let i = 0; i < seconds; i++) await timeline.press('ArrowRight');
}
