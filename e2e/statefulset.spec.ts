import { expect, test, type Page } from '@playwright/test';
import { watch } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

/** A headless Service and a StatefulSet whose pods are Ready 5 s after they start, scaled to 1 at 60 s. */
const scenario = JSON.stringify({
  version: 1,
  fileName: 'web.yaml',
  manifest: `apiVersion: v1
kind: Service
metadata: { name: nginx }
spec:
  clusterIP: None
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  serviceName: nginx
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      terminationGracePeriodSeconds: 2
      containers:
      - name: nginx
        image: nginx:1.27
        readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 5, periodSeconds: 5 }
`,
  actions: [{ at: 60, kind: 'scale', statefulSet: 'web', replicas: 1 }],
});

async function importScenario(page: Page) {
  await page.goto('./');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import', exact: true }).click()]);
  await chooser.setFiles({ name: 'web.json', mimeType: 'application/json', buffer: Buffer.from(scenario) });
  await expect(page.getByTestId('timeline')).toBeVisible();
}

test('a StatefulSet comes up one ordinal at a time and its controller machine can be followed', async ({ page }) => {
  await importScenario(page);
  await expect(page.getByRole('list', { name: 'Actions in this run' })).toContainText('kubectl scale statefulset web --replicas=1');
  await page.getByRole('tab', { name: 'Statechart' }).click();
  await page.getByRole('combobox', { name: 'Machine' }).selectOption({ label: 'statefulset web' });
  const active = page.getByTestId('active-state');

  // web-0 exists, web-1 does not yet: the controller waits for web-0 to be Ready.
  await page.getByRole('button', { name: 'Next event' }).click();
  await page.getByRole('button', { name: 'Next event' }).click();
  await expect(watch(page)).toContainText('web-0');
  await expect(watch(page)).not.toContainText('web-1');
  await expect(active).toContainText(/waiting ?for ?ready/i);
  await expect(page.getByTestId('diagram-slot').locator('svg').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/statefulset-waiting.png' });

  // After the scale-down the set is stable again with web-0 alone.
  await page.keyboard.press('End');
  await expect(active).toContainText(/stable/i);
  await expect(page.getByTestId('clock')).toContainText('5m00s / 5m00s');
  await page.getByRole('button', { name: 'Hide editor' }).click();
  await page.getByRole('button', { name: 'Widen' }).click();
  await expect(page.getByTestId('diagram-slot').locator('svg').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/statefulset-stable.png' });
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.getByTestId('diagram-slot').screenshot({ path: 'test-results/statefulset-diagram.png' });
});
