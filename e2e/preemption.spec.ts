/**
 * Preemption in the playground: a ReplicaSet of priority 1000 scales up at 10 s on a node full of
 * lower-priority pods; at the victim's Preempted event the Cluster view's scheduling card says which
 * pod is evicted, and two seconds later that the preemptor waits on its nominated node. Screenshots in test-results/.
 */
import { expect, test } from '@playwright/test';
import { PRIORITY_CLASSES, priorityReplicaSet } from '../src/engine/rules/builders';
import { cursorAfter } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });
test.setTimeout(90_000);

const MANIFEST =
  PRIORITY_CLASSES +
  priorityReplicaSet('low', { memory: '1500Mi', priorityClass: 'low' }) +
  priorityReplicaSet('mid', { memory: '1500Mi', priorityClass: 'mid' }) +
  priorityReplicaSet('high', { replicas: 0, memory: '2Gi', priorityClass: 'high' });

test('a priority-1000 pod preempts the priority-100 pod on a full node; the scheduling card says so, then that it waits on the nominated node', async ({
  page,
}) => {
  await page.goto('./');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import', exact: true }).click(),
  ]);
  const scenario = {
    version: 1,
    fileName: 'preemption.yaml',
    manifest: MANIFEST,
    nodes: [{ name: 'node-1', cachedImages: ['busybox:1.36'] }],
    actions: [{ at: 10, kind: 'scale', replicaSet: 'high', replicas: 1 }],
    until: 60,
  };
  await chooser.setFiles({
    name: 'preemption.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenario)),
  });
  await expect(page.getByTestId('timeline')).toBeVisible();

  // The victim (the ReplicaSet's first pod low-…) carries the Preempted event.
  await page
    .getByRole('button', { name: /^Pod low-\S+: show its lanes/ })
    .first()
    .click();
  await cursorAfter(page, 'Preempted');
  await page.getByRole('tab', { name: 'Cluster' }).click();
  const waiting = page
    .getByRole('group', { name: 'Pods not on a node' })
    .or(page.getByLabel('Pods not on a node'));
  const preemptor = waiting.getByRole('button', { name: /^Pod high-\S+: Pending/ });
  await expect(preemptor).toHaveCount(1);
  await preemptor.click();
  const card = page.getByTestId('scheduling-card');
  await expect(card).toContainText('no node fits (FailedScheduling)');
  await expect(card.getByTestId('scheduling-preemption')).toHaveText(
    /^Preemption evicts low-\S+ \(lower priority\) from node-1 and nominates the pod there; it binds once they are gone\.$/,
  );
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/preemption-card.png' });

  const timeline = page.getByTestId('timeline');
  await timeline.focus();
  for (let i = 0; i < 2; i++) await timeline.press('ArrowRight');
  await expect(page.getByTestId('scheduling-nominated')).toHaveText(
    'Nominated to node-1 by an earlier preemption: it waits there until the evicted pods are gone.',
  );
  await page.getByTestId('scheduling-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/preemption-nominated.png' });
});
