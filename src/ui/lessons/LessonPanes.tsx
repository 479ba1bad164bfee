/**
 * The views a lesson shows under its narration: timeline, kubectl, events and statecharts, all at
 * one cursor. The pane a step points at is outlined; in presenter mode only the lesson's panes show.
 */
import { Suspense, lazy, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { LessonPane } from '../../scenario';
import type { Trace } from '../../engine/trace-types';
import { EventsList } from '../events/EventsList';
import { KubectlViews } from '../kubectl/KubectlViews';
import { Tabs } from '../layout/Tabs';
import { shownSidePane, sidePaneTabs, type SidePane } from '../layout/side-panes';
import { choosePod } from '../chosen-pod';
import { StatechartPane } from '../statechart/StatechartPane';
import { TrafficPane } from '../traffic/TrafficPane';
import { hasCluster } from '../cluster/has-cluster';
import { computeLanes } from '../timeline/segments';
import { Timeline } from '../timeline/Timeline';
import { fitSpan } from '../timeline/view-window';
import { findPod, lastTransitionsAt, podEvents, podNames, seekFrame } from '../trace-utils';

/** Loaded on first use, as in the playground. */
const ClusterView = lazy(() => import('../cluster/ClusterView'));
export type KubectlTab = 'watch' | 'describe' | 'yaml' | 'logs' | 'all';

export interface LessonPanesProps {
  trace: Trace;
  /** The run as far as the learner may see it (up to the cursor while a prediction is pending). */
  visibleTrace: Trace;
  t: number;
  onSeek: (t: number) => void;
  panes: Set<LessonPane>;
  focus: LessonPane | undefined;
  kubectlView: KubectlTab;
  onKubectlView: (v: KubectlTab) => void;
  sideTab: SidePane;
  onSideTab: (v: SidePane) => void;
  machine: string | undefined;
  onMachine: (id: string) => void;
  timelineScale: number;
  /** A key that changes when the run changes (the timeline re-fits its window). */
  runKey: string;
  /** In an embed the panes scroll with the page's main area instead of squeezing to nothing. */
  embed?: boolean;
  /** Presenter mode: larger type in the views that size themselves. */
  presenter?: boolean;
}

/**
 * Keeps the deepest active state of the drawn machine in view: the diagrams are larger than a
 * lesson's pane, and the state the narration talks about must be on screen (the diagram loads lazily,
 * so this looks again for a moment).
 */
function useActiveStateInView(slot: RefObject<HTMLDivElement | null>, key: string) {
  useEffect(() => {
    let tries = 0;
    let timer = 0;
    const look = () => {
      const box = slot.current?.querySelector<HTMLElement>('[data-testid="diagram-slot"]');
      const active = box ? [...box.querySelectorAll<SVGGraphicsElement>('[data-active="true"]')].pop() : undefined;
      if (!box || !active) {
        if (++tries < 20) timer = window.setTimeout(look, 100);
        return;
      }
      const b = box.getBoundingClientRect();
      const a = active.getBoundingClientRect();
      box.scrollLeft += a.left + a.width / 2 - (b.left + b.width / 2);
      box.scrollTop += a.top + a.height / 2 - (b.top + b.height / 2);
    };
    look();
    return () => window.clearTimeout(timer);
  }, [slot, key]);
}

const ring = (on: boolean) =>
  on ? 'outline-4 -outline-offset-4 outline-amber-600 dark:outline-amber-400' : '';

export function LessonPanes(p: LessonPanesProps) {
  const { trace, visibleTrace, t, panes } = p;
  const names = useMemo(() => podNames(trace), [trace]);
  // The same test as the playground's, over the whole run: the tab does not come and go while scrubbing.
  const clustered = useMemo(() => hasCluster(trace.frames, names.length), [trace, names.length]);
  const frame = seekFrame(trace, t);
  // The pod the timeline and kubectl show: one the learner chose (Cluster view, kubectl), else one that exists at the cursor.
  const [chosen, setChosen] = useState('');
  const podName = useMemo(() => choosePod(names, chosen, frame), [names, chosen, frame]);
  // With several pods (a controller's), the events pane lists every object's events, each named.
  const several = names.length > 1;
  const lanes = useMemo(() => computeLanes(visibleTrace, podName), [visibleTrace, podName]);
  const events = useMemo(() => podEvents(visibleTrace.events, several ? undefined : podName), [visibleTrace, podName, several]);
  const initialSpan = useMemo(
    () => fitSpan(Math.max(0, ...trace.events.map((e) => e.t)), trace.until),
    [trace],
  );
  const pod = findPod(frame, podName);
  const lastTransitions = useMemo(() => lastTransitionsAt(trace, frame.transitionCount), [trace, frame]);

  const sideTabs = sidePaneTabs({
    events: events.filter((e) => e.t <= t).length,
    // trace, not visibleTrace: the tab is there before the first request, which the pane says.
    traffic: trace.requests.length > 0,
    cluster: clustered,
    // A lesson has no Status pane (its steps cannot point at one; "why" works from the playground's actions).
    offered: (pane) => pane !== 'status' && panes.has(pane),
  });
  const side = shownSidePane(sideTabs, p.sideTab);
  const sideRef = useRef<HTMLDivElement>(null);
  useActiveStateInView(sideRef, side === 'statechart' ? `${p.machine ?? ''}:${frame.transitionCount}` : '');
  const showKubectl = panes.has('kubectl');

  return (
    <>
      {panes.has('timeline') && (
        <section
          aria-label="Timeline"
          className={`max-h-[46%] shrink-0 overflow-auto border-b border-slate-300 py-1 pr-1 dark:border-slate-700 ${ring(p.focus === 'timeline')}`}
        >
          <Timeline
            key={p.runKey}
            lanes={lanes}
            endMs={trace.until}
            t={t}
            onSeek={p.onSeek}
            initialSpan={initialSpan}
            scale={p.timelineScale}
          />
        </section>
      )}
      {(showKubectl || side) && (
        <div className={`grid flex-1 grid-cols-1 ${p.embed ? 'min-h-64' : 'min-h-0'} ${showKubectl && side ? (p.presenter ? 'lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]' : 'lg:grid-cols-2') : ''}`}>
          {showKubectl && (
            <div
              className={`flex min-h-0 flex-col border-slate-300 lg:border-r dark:border-slate-700 ${ring(p.focus === 'kubectl')}`}
            >
              <KubectlViews
                trace={trace}
                pod={pod}
                podName={podName}
                t={t}
                onChoosePod={setChosen}
                view={p.kubectlView}
                onViewChange={p.onKubectlView}
              />
            </div>
          )}
          {side && (
            <div ref={sideRef} className={`flex min-h-0 flex-col ${ring(p.focus === side)}`}>
              <Tabs label="Events and statecharts" tabs={sideTabs} selected={side} onSelect={p.onSideTab}>
                {side === 'events' ? (
                  <EventsList events={events} t={t} onSeek={p.onSeek} showObject={several} />
                ) : side === 'traffic' ? (
                  <TrafficPane trace={visibleTrace} endMs={trace.until} t={t} onSeek={p.onSeek} />
                ) : side === 'cluster' ? (
                  <Suspense fallback={<p className="p-3 text-sm">Loading the cluster view…</p>}>
                    <ClusterView frame={frame} chosenPod={podName} onChoosePod={setChosen} presenter={p.presenter} requests={visibleTrace.requests} t={t} scheduling={visibleTrace.scheduling} />
                  </Suspense>
                ) : (
                  <StatechartPane
                    frame={frame}
                    lastTransitions={lastTransitions}
                    selected={p.machine}
                    onSelect={p.onMachine}
                  />
                )}
              </Tabs>
            </div>
          )}
        </div>
      )}
    </>
  );
}
