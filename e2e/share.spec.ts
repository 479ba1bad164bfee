import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { clock, loadStarter, watch } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

/** The last row `kubectl get pods -w` printed at the cursor. */
async function lastWatchRow(page: Page): Promise<string> {
  const lines = ((await watch(page).textContent()) ?? '').split('\n').filter((l) => l.trim() !== '');
  return lines[lines.length - 1] ?? '';
}

/** Opens a link in a new browser context: nothing shared with the page that made it. */
async function openFresh(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function copyLink(page: Page, atMoment: boolean): Promise<string> {
  await page
    .getByRole('button', { name: atMoment ? 'Copy link at this moment' : 'Copy link', exact: true })
    .click();
  const popover = page.getByTestId('share-popover');
  await expect(popover).toBeVisible();
  const url = await page.getByTestId('share-link').inputValue();
  await expect(page.getByTestId('share-length')).toHaveText(`${url.length.toLocaleString('en')} characters`);
  return url;
}

/** A link to the liveness-exec example, made by the app. */
async function exampleLink(page: Page): Promise<string> {
  await loadStarter(page, 'probe / exec-liveness');
  return copyLink(page, false);
}

/** Picks a file for the Import button (its file chooser). */
async function importText(page: Page, name: string, text: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import', exact: true }).click(),
  ]);
  const mimeType = name.endsWith('.json') ? 'application/json' : 'application/yaml';
  await chooser.setFiles({ name, mimeType, buffer: Buffer.from(text) });
}

const errorPanel = (page: Page) => page.getByTestId('link-error');

/** The docs' liveness-exec pod, deleted at 40 s: a scenario file, so the test needs no action controls. */
const deletedAt40 = () =>
  JSON.stringify({
    version: 1,
    fileName: 'exec-liveness.yaml',
    manifest: readFileSync('src/k8s/fixtures/docs/probe/exec-liveness.yaml', 'utf8'),
    actions: [{ at: 40, kind: 'deletePod', pod: 'liveness-exec' }],
  });

test('a link at this moment opens the same frame in fresh browsers', async ({ page, browser }) => {
  await page.goto('./');
  await importText(page, 'deleted-at-40s.json', deletedAt40());
  await expect(page.getByRole('list', { name: 'Actions in this run' })).toContainText('kubectl delete pod');
  await page
    .getByRole('button', { name: /^Move cursor to Killing/ })
    .first()
    .click();
  await expect(watch(page)).toContainText('Terminating');
  const row = await lastWatchRow(page);
  const time = await clock(page).textContent();
  // The kubelet's Killing: 0.1 s after the deletion at 40 s, when its watch delivers it.
  expect(time).toMatch(/^40\.1s/);

  const url = await copyLink(page, true);
  expect(url).toMatch(/#s=1[\w-]+&t=\d/);
  // The address bar carries the link from now on.
  expect(page.url()).toBe(url);
  await page.screenshot({ path: 'e2e/screenshots/share-popover.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-popover')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy link at this moment' })).toBeFocused();

  // Two browsers with nothing in common show the same moment of the same run.
  for (const n of [1, 2]) {
    const other = await openFresh(browser, url);
    await expect(clock(other)).toHaveText(time ?? '');
    await expect(watch(other)).toContainText('Terminating');
    expect(await lastWatchRow(other)).toBe(row);
    await expect(other.getByRole('list', { name: 'Actions in this run' })).toContainText(
      'kubectl delete pod',
    );
    if (n === 1) await other.screenshot({ path: 'e2e/screenshots/share-opened.png' });
    await other.context().close();
  }
});

test('"Copy link" leaves the moment out and reaches the clipboard', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await loadStarter(page, 'simple-pod');
  await page.getByRole('button', { name: 'Next event' }).click();
  const url = await copyLink(page, false);
  expect(url).not.toContain('&t=');
  await expect(page.getByTestId('share-popover')).toContainText('Copied to the clipboard');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(page.getByTestId('share-too-long')).toHaveCount(0);
  await context.close();
});

test('a damaged link says what happened and offers the default example', async ({ page, browser }) => {
  const good = await exampleLink(page);
  const [base, fragment] = good.split('#');
  const payload = fragment.slice(2);

  const cut = await openFresh(browser, `${base}#s=${payload.slice(0, Math.floor(payload.length * 0.7))}`);
  await expect(errorPanel(cut)).toBeVisible();
  await expect(errorPanel(cut).getByRole('heading')).toHaveText('This link could not be opened');
  await expect(errorPanel(cut)).toContainText(/cut short|damaged/);
  await cut.context().close();

  // Change a few characters in the middle: the checksum catches it.
  const i = Math.floor(payload.length / 2);
  const swap = (c: string) => (c === 'A' ? 'B' : 'A');
  const flipped = payload.slice(0, i) + swap(payload[i]) + swap(payload[i + 1]) + payload.slice(i + 2);
  const bad = await openFresh(browser, `${base}#s=${flipped}`);
  await expect(errorPanel(bad)).toHaveAttribute('data-kind', 'corrupt');
  await expect(errorPanel(bad)).toContainText('some of its characters were changed');
  const axe = await new AxeBuilder({ page: bad }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
  await bad.screenshot({ path: 'e2e/screenshots/share-link-error.png' });

  await bad.getByRole('button', { name: 'Open the default example' }).click();
  await expect(bad.getByTestId('timeline')).toBeVisible();
  await expect(watch(bad)).toContainText('liveness-exec');
  await expect(errorPanel(bad)).toHaveCount(0);
  expect(new URL(bad.url()).hash).toBe('');
  await bad.context().close();
});

test('a link from a newer PodPlay says so', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#s=9AAAAAAAAAAAAAAA&t=12');
  await expect(errorPanel(page)).toHaveAttribute('data-kind', 'newer-version');
  await expect(errorPanel(page)).toContainText('newer PodPlay');
  await expect(page.getByRole('button', { name: 'Open the default example' })).toBeVisible();
  const dark = await new AxeBuilder({ page }).analyze();
  expect(dark.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/share-newer-dark.png' });
});

test('export a scenario and import it again; a bare manifest and a broken file', async ({
  page: first,
  browser,
}, info) => {
  let page = first;
  await loadStarter(page, 'simple-pod');
  await page
    .getByRole('button', { name: /^Move cursor to Started/ })
    .first()
    .click();
  const time = await clock(page).textContent();

  await page.getByRole('button', { name: 'Export' }).click();
  const popover = page.getByTestId('export-popover');
  await expect(popover).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    popover.getByRole('button', { name: 'Download YAML' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('simple-pod.podplay.yaml');
  const path = info.outputPath('exported.yaml');
  await download.saveAs(path);
  const text = await readFile(path, 'utf8');
  expect(text).toMatch(/view:\n {2}t: [\d.]+/);
  expect(text).toContain('manifest: |');

  // A fresh browser: import the exported file.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  page = await context.newPage();
  await page.goto('./');
  await importText(page, 'simple-pod.podplay.yaml', text);
  await expect(page.getByTestId('import-done')).toContainText('simple-pod.podplay.yaml');
  await expect(clock(page)).toHaveText(time ?? '');
  await expect(watch(page)).toContainText('Running');

  // A bare Pod manifest opens on the default node.
  await importText(
    page,
    'pod.yml',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: imported\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
  );
  await expect(page.getByTestId('import-done')).toContainText('a manifest');
  await expect(watch(page)).toContainText('imported');

  // A scenario with a mistake: the error says where.
  await importText(
    page,
    'broken.json',
    '{\n  "version": 1,\n  "manifest": "kind: Pod",\n  "actions": [{ "at": -3, "kind": "deletePod" }]\n}\n',
  );
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('Could not import broken.json');
  await expect(errors).toContainText(/broken\.json:\d+:\d+: actions\[0\]\.at/);
  await page.screenshot({ path: 'e2e/screenshots/share-import-error.png' });
  await expect(watch(page)).toContainText('imported');
  await context.close();
});
