/**
 * Pod anti-affinity in the playground: a 4-replica Deployment whose pods repel each other by
 * hostname on 3 nodes (assign-pod-node.md); one Pod stays Pending and the Cluster view's
 * scheduling card says why, node by node. Screenshot in test-results/ to look at.
 */
import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 1440, height: 900 } });
test.setTimeout(90_000);

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector: { matchLabels: { app: web } }
            topologyKey: kubernetes.io/hostname
      containers:
      - name: nginx
        image: nginx:1.27
`;

test('anti-affinity by hostname: 4 replicas on 3 nodes, the 4th Pending and the scheduling card says why', async ({ page }) => {
  await page.goto('./');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import', exact: true }).click()]);
  const scenario = { version: 1, fileName: 'anti-affinity.yaml', manifest: MANIFEST, nodes: [{ name: 'node-1' }, { name: 'node-2' }, { name: 'node-3' }], actions: [] };
  await chooser.setFiles({ name: 'anti-affinity.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await expect(page.getByTestId('timeline')).toBeVisible();
  await page.getByRole('tab', { name: 'Cluster' }).click();
  for (const n of ['node-1', 'node-2', 'node-3']) await expect(page.getByTestId(`cluster-node-${n}`)).toHaveAccessibleName(new RegExp(`^Node ${n}: Ready, 1 pod$`));
  const waiting = page.getByRole('group', { name: 'Pods not on a node' }).or(page.getByLabel('Pods not on a node'));
  const pending = waiting.getByRole('button', { name: /^Pod web-\S+: Pending/ });
  await expect(pending).toHaveCount(1);
  await pending.click();
  const card = page.getByTestId('scheduling-card');
  await expect(card).toContainText('no node fits (FailedScheduling)');
  for (const n of ['node-1', 'node-2', 'node-3']) {
    await expect(card.getByRole('row', { name: new RegExp(n) })).toContainText("node(s) didn't match pod anti-affinity rules");
  }
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/inter-pod-anti-affinity.png' });

  // The first replica was scored on all three nodes: the card has a column for InterPodAffinity (weight 2).
  await page.getByTestId('cluster-node-node-1').getByRole('button', { name: /^Pod web-/ }).click();
  const scored = page.getByTestId('scheduling-card');
  await expect(scored).toContainText(/bound to node-1/);
  await expect(scored.getByRole('columnheader', { name: 'Pod affinity ×2' })).toBeVisible();
  await scored.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/inter-pod-scored.png' });
});
