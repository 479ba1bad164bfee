import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadStarter, watch } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

const editor = (page: Page) => page.locator('.cm-content');

async function appendToManifest(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

/** Waits until the debounced draft holds `text`. */
async function draftSaved(page: Page, text: string) {
  await expect
    .poll(() => page.evaluate(() => window.localStorage.getItem('podplay.draft.v1') ?? ''))
    .toContain(text);
}

/** Opens `link` as a new page load while a different draft is saved: PodPlay asks first. */
async function openOverDraft(page: Page, link: string) {
  await page.goto(link);
  await page.reload();
  const dialog = page.getByRole('dialog', { name: 'You have unsaved work' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('an edited manifest survives a reload, and Discard forgets it', async ({ page }) => {
  await loadStarter(page, 'simple-pod');
  await appendToManifest(page, '\n# kept across reloads');
  await draftSaved(page, 'kept across reloads');
  await page.reload();
  const notice = page.getByTestId('draft-restored');
  await expect(notice).toContainText('Restored your draft');
  await expect(editor(page)).toContainText('# kept across reloads');
  await expect(watch(page)).toContainText('nginx');
  await page.screenshot({ path: 'e2e/screenshots/draft-restored.png' });

  await notice.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { name: 'Pick an example or paste a Pod manifest' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Pick an example or paste a Pod manifest' })).toBeVisible();
});

test('a link met by a different draft asks first; the draft can be restored', async ({ page }) => {
  // A link to the http-liveness example, made by the app.
  await loadStarter(page, 'probe / http-liveness');
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();

  // Work on something else: that is the draft.
  await page.goto('./');
  await page.evaluate(() => window.history.replaceState(null, '', window.location.pathname));
  await page.getByLabel('Example').selectOption('simple-pod');
  // The starter's text comes from its own chunk: type once it is in the editor, not into the old text.
  await expect(editor(page)).toContainText('nginx:1.14.2');
  await appendToManifest(page, '\n# my own work');
  await draftSaved(page, 'my own work');

  const dialog = await openOverDraft(page, link);
  await expect(dialog.getByRole('button', { name: 'Open the link' })).toBeFocused();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
  await page.screenshot({ path: 'e2e/screenshots/draft-conflict.png' });

  await dialog.getByRole('button', { name: 'Open the link' }).click();
  await expect(dialog).toBeHidden();
  await expect(watch(page)).toContainText('liveness-http');
  await expect(editor(page)).not.toContainText('# my own work');

  const stashed = page.getByTestId('draft-stashed');
  await expect(stashed).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/draft-stashed.png' });
  await stashed.getByRole('button', { name: 'Restore my previous draft' }).click();
  await expect(editor(page)).toContainText('# my own work');
  await expect(watch(page)).toContainText('nginx');
  await expect(page.getByTestId('draft-stashed')).toHaveCount(0);
});

test('"Keep my draft" keeps it, from the keyboard too', async ({ page }) => {
  await loadStarter(page, 'simple-pod');
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.keyboard.press('Escape');
  await appendToManifest(page, '\n# edited after sharing');
  await draftSaved(page, 'edited after sharing');

  const dialog = await openOverDraft(page, link);
  // Esc is the safe answer: keep the draft.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(editor(page)).toContainText('# edited after sharing');
  await expect(page.getByTestId('draft-stashed')).toHaveCount(0);
});

test('storage that throws is a status line, not a broken page', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await loadStarter(page, 'simple-pod');
  await expect(watch(page)).toContainText('nginx');
  await expect(page.getByTestId('storage-status')).toContainText('does not let PodPlay keep a draft');
});

test('a full storage says so and the page goes on', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await loadStarter(page, 'simple-pod');
  await appendToManifest(page, '\n# no room');
  await expect(page.getByTestId('storage-status')).toContainText('storage for PodPlay is full');
  await expect(watch(page)).toContainText('nginx');
});
