/** The side panes, one list for the playground and the lessons: order, labels, when each is a tab. */
import { describe, expect, it } from 'vitest';
import { isSidePane, shownSidePane, sidePaneTabs } from './side-panes';

const keys = (tabs: ReturnType<typeof sidePaneTabs>) => tabs.map((t) => t.key);

describe('side panes', () => {
  it.each([
    [
      'a lone pod: events, statechart, status',
      { traffic: false, cluster: false },
      ['events', 'statechart', 'status'],
    ],
    [
      'clients sent requests: Traffic after Status',
      { traffic: true, cluster: false },
      ['events', 'statechart', 'status', 'traffic'],
    ],
    [
      'a cluster: Cluster last',
      { traffic: true, cluster: true },
      ['events', 'statechart', 'status', 'traffic', 'cluster'],
    ],
  ])('%s', (_rule, run, expected) => {
    expect(keys(sidePaneTabs({ events: 0, ...run }))).toEqual(expected);
  });

  it('the Events tab counts the events up to the cursor', () => {
    expect(sidePaneTabs({ events: 7, traffic: false, cluster: false })[0].label).toBe('Events (7)');
  });

  it('a page offers a subset, in the same order (a lesson without Status)', () => {
    const tabs = sidePaneTabs({
      events: 0,
      traffic: true,
      cluster: true,
      offered: (p) => p !== 'status' && p !== 'events',
    });
    expect(keys(tabs)).toEqual(['statechart', 'traffic', 'cluster']);
  });

  it('a pane that is not a tab shows the first tab instead; no tab, no pane', () => {
    const tabs = sidePaneTabs({ events: 0, traffic: false, cluster: false });
    expect(shownSidePane(tabs, 'cluster')).toBe('events');
    expect(shownSidePane(tabs, 'status')).toBe('status');
    expect(shownSidePane([], 'events')).toBeUndefined();
  });

  it('a scenario’s saved pane is restored only when it names a side pane', () => {
    expect(['status', 'cluster', 'kubectl', undefined].map(isSidePane)).toEqual([true, true, false, false]);
  });
});
