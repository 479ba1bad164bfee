/**
 * The cluster in the playground: a ReplicaSet of 3 behind a Service (the cluster starter), three
 * nodes, a Deployment's rollout. The Cluster view, the timeline grouped by owner,
 * `kubectl get deploy,rs,...` at the cursor, node and workload actions taken from the action form;
 * axe finds nothing; screenshots in test-results/ to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { focusPage } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });
test.setTimeout(90_000);

async function openClusterStarter(page: Page) {
  await page.goto('./');
  await page.getByLabel('Example').selectOption({ label: 'cluster / replicaset-service' });
  await expect(page.getByTestId('timeline')).toBeVisible();
}

/** Puts the cursor at `seconds` with the timeline slider's keys (Home, then PageUp = +10 s, → = +1 s). */
async function cursorAt(page: Page, seconds: number) {
  const timeline = page.getByTestId('timeline');
  await timeline.focus();
  await timeline.press('Home');
  for (let i = 0; i < Math.floor(seconds / 10); i++) await timeline.press('PageUp');
  for (let i = 0; i < seconds % 10; i++) await timeline.press('ArrowRight');
  await expect(timeline).toHaveAttribute('aria-valuenow', String(seconds));
}

async function toEnd(page: Page) {
  await focusPage(page);
  await page.keyboard.press('End');
}

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const node = (page: Page) => page.getByTestId('cluster-node-node-1');
const getAll = (page: Page) => page.getByTestId('kubectl-all');

test('a ReplicaSet of 3 behind a Service: cluster view, get views, cordon and NotReady from the UI', async ({ page }) => {
  await openClusterStarter(page);
  await cursorAt(page, 30);

  // The Cluster view: the node holds the 3 pods under their ReplicaSet; the Service lists 3 ready endpoints.
  await page.getByRole('tab', { name: 'Cluster' }).click();
  await expect(node(page)).toHaveAccessibleName('Node node-1: Ready, 3 pods');
  await expect(page.getByRole('list', { name: 'Pods of ReplicaSet web' }).getByRole('button')).toHaveCount(3);
  await expect(page.getByRole('list', { name: 'Endpoints of web' }).locator('[data-endpoint="ready"]')).toHaveCount(3);
  await expect(page.getByTestId('cluster-service-web')).toHaveAccessibleName('Service web: 3 of 3 endpoints ready');
  await axeClean(page);
  await page.screenshot({ path: 'test-results/cluster-view.png' });

  // Choosing a pod in the Cluster view makes it the pod the other panes show.
  const second = page.getByRole('list', { name: 'Pods of ReplicaSet web' }).getByRole('button').nth(1);
  const name = ((await second.getAttribute('data-testid')) ?? '').replace('cluster-pod-', '');
  await second.click();
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('banner').getByRole('combobox', { name: /^Pod/ })).toHaveValue(name);

  // The timeline groups the pods under the ReplicaSet; the group closes and opens from the keyboard.
  const group = page.getByTestId('lane-toggle-ReplicaSet/web');
  await expect(group).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId(`lane-pod-${name}`)).toHaveAttribute('aria-pressed', 'true');
  // Tab from the timeline's slider reaches the group's button first.
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('Tab');
  await expect(group).toBeFocused();
  await page.screenshot({ path: 'test-results/cluster-timeline-focus.png', clip: { x: 380, y: 90, width: 700, height: 200 } });
  await page.keyboard.press('Enter');
  await expect(group).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId(`lane-pod-${name}`)).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(group).toHaveAttribute('aria-expanded', 'true');

  // The statechart pane lists every actor, a container named with its pod when there are several.
  await page.getByRole('tab', { name: 'Statechart' }).click();
  await page.getByRole('combobox', { name: 'Machine' }).selectOption({ label: `container nginx in pod ${name}` });
  await expect(page.getByRole('combobox', { name: 'Machine' })).toHaveValue(`pod/${name}/container/nginx`);
  await expect(page.getByRole('combobox', { name: 'Machine' }).locator('option', { hasText: 'node node-1' })).toHaveCount(1);
  await expect(page.getByTestId('diagram-slot').locator('svg').first()).toBeVisible();
  await page.getByRole('button', { name: 'Widen' }).click();
  await page.waitForTimeout(500); // the diagram scrolls its active state into view
  await page.screenshot({ path: 'test-results/cluster-statechart.png' });
  await page.getByRole('button', { name: 'Show kubectl too' }).click();

  // `kubectl get` for every kind present, with kind.group/name and an empty line between tables.
  await page.getByRole('tab', { name: 'get all' }).click();
  await expect(getAll(page)).toContainText('$ kubectl get rs,pods,svc,endpointslices,nodes');
  await expect(getAll(page)).toContainText(/replicaset\.apps\/web\s+3\s+3\s+3\s+30s/);
  await expect(getAll(page)).toContainText(/service\/web\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP\s+30s/);
  await expect(getAll(page)).toContainText(/endpointslice\.discovery\.k8s\.io\/web-\w{5}\s+IPv4\s+80\s+10\.244\.\d+\.\d+,10\.244\.\d+\.\d+,10\.244\.\d+\.\d+\s+30s/);
  await expect(getAll(page)).toContainText(/node\/node-1\s+Ready\s+<none>\s+30s\s+v1\.36\.0/);
  await page.screenshot({ path: 'test-results/cluster-get-all.png' });

  // Cordon the node at 30 s, then the kubelet reports it NotReady at 40 s.
  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Cordon the node' });
  await page.getByRole('button', { name: 'Cordon node' }).click();
  await expect(page.getByRole('list', { name: 'Actions in this run' })).toContainText('kubectl cordon');
  await cursorAt(page, 40);
  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Node: Ready / NotReady / Unreachable' });
  await page.getByLabel('Node becomes').selectOption('NotReady');
  await page.getByRole('button', { name: 'Set node state' }).click();
  await expect(page.getByRole('list', { name: 'Actions in this run' })).toContainText('NotReady');

  await cursorAt(page, 35);
  await expect(getAll(page)).toContainText(/node\/node-1\s+Ready,SchedulingDisabled/);
  await toEnd(page);
  await expect(getAll(page)).toContainText(/node\/node-1\s+NotReady,SchedulingDisabled/);
  await page.getByRole('tab', { name: 'Cluster' }).click();
  await expect(node(page)).toHaveAccessibleName(/^Node node-1: NotReady, cordoned \(SchedulingDisabled\)/);
  await expect(node(page)).toContainText('node.kubernetes.io/not-ready:NoExecute');
  await expect(node(page)).toContainText('node.kubernetes.io/unschedulable:NoSchedule');
  await expect(page.getByRole('list', { name: 'Endpoints of web' }).locator('[data-endpoint="ready"]')).toHaveCount(0);
  await axeClean(page);
  await page.screenshot({ path: 'test-results/cluster-node-down.png' });

  // Dark and presenter mode: still clean, readable when projected.
  await page.getByRole('button', { name: 'Dark' }).click();
  await page.getByRole('button', { name: /Presenter/ }).click();
  await axeClean(page);
  await page.screenshot({ path: 'test-results/cluster-presenter-dark.png' });
});

/** Picks a file for the Import button (its file chooser). */
async function importScenario(page: Page, name: string, text: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import', exact: true }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('three nodes: the pods spread, drain node-2 from the node form, get pods -o wide shows NODE', async ({ page }) => {
  await page.goto('./');
  await importScenario(
    page,
    'three-nodes.json',
    JSON.stringify({
      version: 1,
      fileName: 'replicaset-service.yaml',
      manifest: readFileSync('src/app/examples/replicaset-service.yaml', 'utf8'),
      nodes: [{ name: 'node-1' }, { name: 'node-2' }, { name: 'node-3' }],
      actions: [],
    }),
  );
  await expect(page.getByTestId('timeline')).toBeVisible();
  await cursorAt(page, 30);
  await page.getByRole('tab', { name: 'Cluster' }).click();
  for (const n of ['node-1', 'node-2', 'node-3'])
    await expect(page.getByTestId(`cluster-node-${n}`)).toHaveAccessibleName(`Node ${n}: Ready, 1 pod`);
  await expect(page.getByTestId('kubectl-watch')).toContainText(/NODE\s+NOMINATED NODE/);
  await expect(page.getByTestId('kubectl-watch')).toContainText('$ kubectl get pods -o wide -w');
  // Why the chosen pod went where it did: three nodes fit, each scored plugin by plugin.
  const card = page.getByTestId('scheduling-card');
  await expect(card).toContainText(/Scheduling of web-\w+ at 0s: bound to node-\d/);
  await expect(card.getByRole('row')).toHaveCount(4);
  await expect(card.getByRole('columnheader', { name: 'Spread ×2' })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/cluster-scheduling.png' });

  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Drain the node' });
  await page.getByLabel('Node', { exact: true }).selectOption('node-2');
  await page.getByRole('button', { name: 'Drain node' }).click();
  await expect(page.getByRole('list', { name: 'Actions in this run' })).toContainText('kubectl drain node-2');
  await cursorAt(page, 59);
  await expect(page.getByTestId('cluster-node-node-2')).toHaveAccessibleName('Node node-2: Ready, cordoned (SchedulingDisabled), 0 pods');
  await expect(page.getByTestId('cluster-node-node-2')).toContainText('No pods.');
  await axeClean(page);
  await page.screenshot({ path: 'test-results/cluster-three-nodes-drained.png' });
});

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        readinessProbe:
          httpGet: { path: /, port: 80 }
          periodSeconds: 5
`;

test('a Deployment: set image from the form, the rollout grouped Deployment › ReplicaSet, get all, the rollout machine', async ({ page }) => {
  await page.goto('./');
  await importScenario(page, 'deployment.json', JSON.stringify({ version: 1, fileName: 'deployment.yaml', manifest: DEPLOYMENT, actions: [] }));
  await expect(page.getByTestId('timeline')).toBeVisible();
  await cursorAt(page, 30);
  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Set image (a rollout)' });
  await expect(page.getByLabel('Deployment', { exact: true })).toHaveValue('deployment/web');
  await page.getByLabel('Image', { exact: true }).fill('nginx:1.28');
  await page.getByRole('button', { name: 'Set image' }).click();
  await expect(page.getByRole('list', { name: 'Actions in this run' })).toContainText('kubectl set image deployment/web nginx=nginx:1.28');

  await cursorAt(page, 60);
  await expect(page.getByTestId('lane-toggle-Deployment/web')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('[data-testid^="lane-toggle-ReplicaSet/web-"]')).toHaveCount(2);
  await page.getByRole('tab', { name: 'get all' }).click();
  await expect(getAll(page)).toContainText('$ kubectl get deploy,rs,pods,nodes');
  await expect(getAll(page)).toContainText(/deployment\.apps\/web\s+3\/3\s+3\s+3\s+60s/);
  await expect(getAll(page).getByText(/replicaset\.apps\/web-\w+\s+0\s+0\s+0/)).toHaveCount(1);
  await page.getByRole('tab', { name: 'Cluster' }).click();
  await expect(page.getByRole('list', { name: /^Pods of Deployment web › ReplicaSet web-/ }).getByRole('button')).toHaveCount(3);
  await axeClean(page);
  await page.screenshot({ path: 'test-results/cluster-deployment.png' });

  await page.getByRole('tab', { name: 'Statechart' }).click();
  await page.getByRole('combobox', { name: 'Machine' }).selectOption({ label: 'deployment web' });
  await expect(page.getByTestId('diagram-slot').locator('svg[data-machine="deployment"]')).toBeVisible();
  await axeClean(page);

  // get pods -w watches every pod: the 3 listed at 0 s, the rollout's 3 new ones, each old one's last row.
  await page.getByRole('tab', { name: 'get pods -w' }).click();
  const watch = page.getByTestId('kubectl-watch');
  await expect(watch).toContainText(/Completed/);
  const rows = ((await watch.textContent()) ?? '').split('\n').slice(2).filter((l) => /^web-/.test(l));
  const names = [...new Set(rows.map((l) => l.split(/\s+/)[0]))];
  const listed = rows.slice(0, 3).map((l) => l.split(/\s+/)[0]);
  expect(names).toHaveLength(6);
  for (const old of listed) expect(rows.filter((l) => l.startsWith(`${old} `)).at(-1)).toMatch(/\sCompleted\s/);
  await page.screenshot({ path: 'test-results/cluster-watch-rollout.png' });

  // After the rollout the pod views show a pod that exists, not the run's first (deleted) one.
  await page.getByRole('tab', { name: 'describe pod' }).click();
  const describe = page.getByTestId('kubectl-describe');
  await expect(describe).toContainText(/Status:\s+Running/);
  const shown = /kubectl describe pod (\S+)/.exec((await describe.textContent()) ?? '')?.[1] ?? '';
  expect(names).toContain(shown);
  expect(listed).not.toContain(shown);

  // A deleted pod chosen on purpose stays chosen: kubectl's NotFound, and the pods there are to pick.
  await page.getByRole('banner').getByRole('combobox', { name: /^Pod/ }).selectOption(listed[0]);
  await expect(describe).toContainText(`Error from server (NotFound): pods "${listed[0]}" not found`);
  const gone = page.getByTestId('pod-gone');
  await expect(gone).toContainText(new RegExp(`Pod ${listed[0]} was deleted at [\\d.]+s\\.`));
  await expect(gone.getByRole('list', { name: 'Pods at 1m00s' }).getByRole('button')).toHaveCount(3);
  await axeClean(page);
  await page.screenshot({ path: 'test-results/cluster-pod-gone.png' });
  await gone.getByRole('button').first().click();
  await expect(describe).toContainText(/Status:\s+Running/);
  await expect(page.getByTestId('pod-gone')).toHaveCount(0);

  // Like a terminal, the watch keeps its newest rows in view: the last rows printed are on screen.
  await page.getByRole('tab', { name: 'get pods -w' }).click();
  const scrolledToEnd = () =>
    watch.evaluate((pre) => {
      const box = pre.closest('[role="tabpanel"]');
      return box !== null && box.scrollTop > 0 && box.scrollTop + box.clientHeight >= box.scrollHeight - 8;
    });
  await expect.poll(scrolledToEnd).toBe(true);
  await page.screenshot({ path: 'test-results/cluster-watch-tail.png' });

  // Dark and in presenter mode.
  await page.getByRole('button', { name: 'Dark' }).click();
  await axeClean(page);
  await page.screenshot({ path: 'test-results/cluster-watch-dark.png' });
  await page.getByRole('button', { name: /Presenter/ }).click();
  await axeClean(page);
  // The larger type makes the output taller: it still ends on the newest row.
  await expect.poll(scrolledToEnd).toBe(true);
  // kubectl takes two thirds of the row in presenter mode: every column, AGE last, in view.
  const overflow = await watch.evaluate((pre) => {
    const box = pre.closest('[role="tabpanel"]');
    return box ? box.scrollWidth - box.clientWidth : Infinity;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/cluster-watch-presenter-dark.png' });
});
