/**
 * The panes beside the kubectl views, in the playground and in a lesson alike: which there are,
 * their labels and their order. A pane is a tab only where the run has something for it (Traffic:
 * clients sent requests; Cluster: several pods or nodes, a Service or a controller) and the page
 * offers it; asking for one that is not there shows the first that is.
 */
import type { TabDef } from './Tabs';

export type SidePane = 'events' | 'statechart' | 'status' | 'traffic' | 'cluster';

const SIDE_PANES: ReadonlyArray<TabDef<SidePane>> = [
  { key: 'events', label: 'Events' },
  { key: 'statechart', label: 'Statechart' },
  { key: 'status', label: 'Status' },
  { key: 'traffic', label: 'Traffic' },
  { key: 'cluster', label: 'Cluster' },
];

export const isSidePane = (pane: string | undefined): pane is SidePane =>
  SIDE_PANES.some((p) => p.key === pane);

export interface SidePaneContext {
  /** Events up to the cursor, counted in the Events tab's label. */
  events: number;
  traffic: boolean;
  cluster: boolean;
  /** Which panes the page offers (all when absent). */
  offered?: (pane: SidePane) => boolean;
}

export function sidePaneTabs({
  events,
  traffic,
  cluster,
  offered = () => true,
}: SidePaneContext): Array<TabDef<SidePane>> {
  const has: Record<SidePane, boolean> = { events: true, statechart: true, status: true, traffic, cluster };
  return SIDE_PANES.filter((p) => has[p.key] && offered(p.key)).map((p) =>
    p.key === 'events' ? { ...p, label: `Events (${events})` } : p,
  );
}

/** The pane to show: the one asked for when it is a tab, else the first tab. */
export function shownSidePane(tabs: ReadonlyArray<TabDef<SidePane>>, wanted: SidePane): SidePane | undefined {
  return tabs.some((tab) => tab.key === wanted) ? wanted : tabs[0]?.key;
}
