/**
 * The playground: header, manifest editor, transport, timeline, kubectl views, events and the
 * statechart pane, all reading the frame under one cursor.
 */
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import type { SimAction } from '../engine/input';
import type { TransitionRecord } from '../engine/trace-types';
import { ActionsPanel } from '../ui/actions/ActionsPanel';
import { withActionLane } from '../ui/actions/action-lane';
import { hasCluster } from '../ui/cluster/has-cluster';
import { ManifestEditor } from '../ui/editor/ManifestEditor';
import { EventsList } from '../ui/events/EventsList';
import { ExplainPane } from '../ui/explain/ExplainPane';
import { HighlightNote } from '../ui/explain/HighlightNote';
import { useWhy } from '../ui/explain/useWhy';
import { KubectlViews } from '../ui/kubectl/KubectlViews';
import { Choice } from '../ui/layout/Choice';
import { HelpDialog } from '../ui/layout/HelpDialog';
import { Splitter } from '../ui/layout/Splitter';
import { Tabs } from '../ui/layout/Tabs';
import { isSidePane, shownSidePane, sidePaneTabs, type SidePane } from '../ui/layout/side-panes';
import { choosePod } from '../ui/chosen-pod';
import { StatechartPane } from '../ui/statechart/StatechartPane';
import { computeLanes } from '../ui/timeline/segments';
import { flattenOwnerLanes, ownerTree } from '../ui/timeline/owner-lanes';
import { Timeline } from '../ui/timeline/Timeline';
import { fitSpan } from '../ui/timeline/view-window';
import {
  eventInstants,
  findPod,
  formatClock,
  lastTransitionsAt,
  nextInstant,
  podEvents,
  podNames,
  previousInstant,
  seekFrame,
} from '../ui/trace-utils';
import { Transport } from '../ui/transport/Transport';
import { usePlayback } from '../ui/transport/usePlayback';
import { useSeekEnd } from '../ui/transport/seek-marks';
import { FEATURED_STARTERS, STARTERS, type Starter } from './starters';
import { EDIT_DEBOUNCE_MS, useSimulation } from './useSimulation';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { PRESENTER_SCALE, usePresenter } from './usePresenter';
import { isEmbed, withoutEmbed } from './lesson/route';
import { OpenInPodPlay } from '../ui/lessons/OpenInPodPlay';
import { useTheme } from './useTheme';
import { PresenterToggle, ThemeToggle } from '../ui/layout/HeaderToggles';
import { DEFAULT_BASE, baseOf } from './scenario/app-scenario';
import { ScenarioDialog, ScenarioHeaderControls, ScenarioNotices } from './scenario/ScenarioChrome';
import { usePlaygroundScenario } from './scenario/usePlaygroundScenario';
import { LinkErrorPanel } from '../ui/share/LinkErrorPanel';
import { TrafficPane } from '../ui/traffic/TrafficPane';
import { TrafficEditor } from '../ui/traffic/TrafficEditor';

const NO_ACTIONS: SimAction[] = [];
/** The Cluster view loads with its first visit. */
const ClusterView = lazy(() => import('../ui/cluster/ClusterView'));

export function App() {
  const [theme, setTheme] = useTheme();
  const embed = isEmbed();
  const [presenter, setPresenter] = usePresenter();
  const [manifest, setManifest] = useState('');
  const [fileName, setFileName] = useState('pod.yaml');
  const [starterId, setStarterId] = useState('');
  const [actions, setActions] = useState<SimAction[]>(NO_ACTIONS);
  const [base, setBase] = useState(DEFAULT_BASE);
  const [debounce, setDebounce] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const [editorOpen, setEditorOpen] = useState(true);
  const [sideTab, setSideTab] = useState<SidePane>('events');
  const [chosenPod, setChosenPod] = useState('');
  const [sideWide, setSideWide] = useState(false);
  const [editorWidth, setEditorWidth] = useState(() => Math.round(Math.min(400, window.innerWidth * 0.32)));

  const sim = useSimulation(manifest, fileName, actions, debounce, base);
  const trace = sim.trace;
  const endMs = trace ? trace.until : 0;
  const instants = useMemo(() => (trace ? eventInstants(trace) : []), [trace]);
  const playback = usePlayback(endMs, instants);
  const { t, setT } = playback;
  useSeekEnd(t);

  const frame = trace ? seekFrame(trace, t) : undefined;
  const pods = useMemo(() => (trace ? podNames(trace) : []), [trace]);
  const podName = useMemo(() => choosePod(pods, chosenPod, frame), [pods, chosenPod, frame]);
  const showCluster = useMemo(() => (trace ? hasCluster(trace.frames, pods.length) : false), [trace, pods.length]);
  const lanes = useMemo(() => (trace ? computeLanes(trace, podName) : []), [trace, podName]);
  const events = useMemo(() => (trace ? podEvents(trace.events, podName) : []), [trace, podName]);
  const sideTabs = sidePaneTabs({
    events: events.filter((e) => e.t <= t).length,
    traffic: (trace?.requests.length ?? 0) > 0,
    cluster: showCluster,
  });
  const sidePane = shownSidePane(sideTabs, sideTab) ?? 'events';
  const initialSpan = useMemo(
    () => (trace ? fitSpan(Math.max(0, ...trace.events.map((e) => e.t)), trace.until) : 0),
    [trace],
  );
  const pod = frame ? findPod(frame, podName) : undefined;
  const lastTransitions = useMemo(
    () => (trace && frame ? lastTransitionsAt(trace, frame.transitionCount) : new Map<string, TransitionRecord>()),
    [trace, frame],
  );

  const why = useWhy({ t, setT, lastTransitions, openPane: setSideTab });
  // Several pods: their owners' and their own summary lanes first, groups opened and closed by the person.
  const owners = useMemo(() => (trace ? ownerTree(trace) : []), [trace]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const toggleGroup = useCallback(
    (key: string) => setCollapsed((c) => (c.has(key) ? new Set([...c].filter((k) => k !== key)) : new Set([...c, key]))),
    [],
  );
  const timelineLanes = useMemo(() => {
    if (owners.length === 0) return withActionLane(lanes, actions);
    const chosen = lanes.map((l) => (l.id === 'phase' ? { ...l, title: `Phase of ${podName}` } : l));
    return [...flattenOwnerLanes(owners, collapsed), ...withActionLane(chosen, actions)];
  }, [owners, collapsed, lanes, actions, podName]);

  const previous = useCallback(() => setT(previousInstant(instants, t) ?? 0), [instants, t, setT]);
  const next = useCallback(() => setT(nextInstant(instants, t) ?? endMs), [instants, t, endMs, setT]);

  useKeyboardShortcuts({
    enabled: trace !== undefined,
    toggle: playback.toggle,
    previous,
    next,
    start: () => setT(0),
    end: () => setT(endMs),
    help: () => setHelpOpen(true),
  });

  // A starter's text arrives from its own chunk; when two picks race, the later one wins.
  const latestPick = useRef(0);
  const pickStarter = async (s: Starter) => {
    const pick = ++latestPick.current;
    const text = await s.load();
    if (pick !== latestPick.current) return;
    playback.pause();
    setT(0);
    setActions(s.actions ?? NO_ACTIONS);
    setDebounce(0);
    setFileName(s.fileName);
    setStarterId(s.id);
    setBase(s.traffic ? { ...DEFAULT_BASE, traffic: s.traffic } : DEFAULT_BASE);
    setManifest(text);
  };

  // The state above is a scenario: drafts, share links, files (src/app/scenario).
  const scenario = usePlaygroundScenario({
    parts: { manifest, fileName, actions, base, tMs: t, pane: sideTab },
    trace,
    setT,
    pause: playback.pause,
    load: (s) => {
      setActions(s.actions);
      setDebounce(0);
      setFileName(s.fileName ?? 'pod.yaml');
      setStarterId('');
      setBase(baseOf(s));
      const pane = s.view.pane;
      setSideTab(isSidePane(pane) ? pane : 'events');
      setManifest(s.manifest);
    },
  });

  const addAction = (a: SimAction) => {
    setDebounce(0);
    setActions((xs) => [...xs, a].sort((x, y) => x.at - y.at));
  };
  const removeAction = (index: number) => {
    setDebounce(0);
    setActions((xs) => xs.filter((_, j) => j !== index));
  };

  const onEdit = (text: string) => {
    setDebounce(EDIT_DEBOUNCE_MS);
    setManifest(text);
  };

  // Announce, during playback, the latest event the cursor has passed.
  let announcement = '';
  if (playback.playing && trace) {
    const passed = events.filter((e) => e.t <= t);
    const last = passed[passed.length - 1];
    if (last) announcement = `${formatClock(last.t)}: ${last.reason}. ${last.message}`;
  }

  const errors = sim.diagnostics.filter((d) => d.severity === 'error');

  return (
    <div className="flex h-screen flex-col bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <header hidden={embed} className="flex flex-wrap items-center gap-3 border-b border-slate-300 bg-slate-50 px-3 py-2 dark:border-slate-700 dark:bg-slate-950">
        <h1 className="text-xl font-bold tracking-tight">PodPlay</h1>
        <label className="flex items-center gap-1 text-sm">
          <span>Example</span>
          <select
            className="field max-w-64"
            value={starterId}
            onChange={(e) => {
              const s = STARTERS.find((x) => x.id === e.target.value);
              if (s) void pickStarter(s);
            }}
          >
            <option value="" disabled>
              Pick an example…
            </option>
            {STARTERS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn-secondary" onClick={() => setEditorOpen((o) => !o)}>
          {editorOpen ? 'Hide editor' : 'Show editor'}
        </button>
        {pods.length > 1 && <Choice label="Pod" value={podName} options={pods} onChange={setChosenPod} />}
        <span className="text-sm text-slate-700 dark:text-slate-300" role="status" data-testid="run-status">
          {sim.running
            ? 'Simulating…'
            : sim.crash
              ? `The simulation failed: ${sim.crash}`
              : sim.stale
                ? 'Showing the last good run'
                : ''}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <ScenarioHeaderControls scenario={scenario} hasRun={trace !== undefined} momentLabel={formatClock(t)} />
          <a href="#lessons" className="btn-secondary">
            Lessons
          </a>
          <PresenterToggle on={presenter} onChange={setPresenter} />
          <ThemeToggle theme={theme} onChange={setTheme} />
          <button
            type="button"
            className="btn-secondary w-9 justify-center font-bold"
            onClick={() => setHelpOpen(true)}
            aria-label="Help and keyboard shortcuts"
            aria-keyshortcuts="?"
          >
            ?
          </button>
        </div>
      </header>

      <ScenarioNotices scenario={scenario} />
      <div className="flex min-h-0 flex-1">
        {editorOpen && !embed && (
          <aside className="flex shrink-0" style={{ width: editorWidth }} aria-label="Manifest">
            <div className="flex min-w-0 flex-1 flex-col">
              <h2 className="sr-only">Manifest</h2>
              <ManifestEditor value={manifest} onChange={onEdit} diagnostics={sim.diagnostics} />
              {trace && (
                <ActionsPanel
                  actions={actions}
                  t={t}
                  podName={podName}
                  podExists={pod !== undefined}
                  pod={pod}
                  frame={frame}
                  onAdd={addAction}
                  onRemove={removeAction}
                />
              )}
              {trace && (
                <TrafficEditor
                  traffic={base.traffic ?? []}
                  services={frame?.services ?? []}
                  t={t}
                  onChange={(traffic) => {
                    setDebounce(0);
                    setBase((b) => ({ ...b, traffic: traffic.length > 0 ? traffic : undefined }));
                  }}
                />
              )}
            </div>
            <Splitter
              label="Editor width"
              value={editorWidth}
              min={260}
              max={Math.round(window.innerWidth * 0.6)}
              onChange={setEditorWidth}
            />
          </aside>
        )}

        <main className="flex min-w-0 flex-1 flex-col">
          {scenario.phase.kind === 'link-error' ? (
            <LinkErrorPanel error={scenario.phase.error} onOpenDefault={() => void scenario.openDefault()} />
          ) : !trace ? (
            <EmptyState
              running={sim.running}
              hasText={manifest.trim() !== ''}
              errors={errors.length}
              onPick={(s) => void pickStarter(s)}
            />
          ) : (
            <>
              <Transport
                playback={playback}
                endMs={endMs}
                onPrevious={previous}
                onNext={next}
                disabled={false}
              />
              {sim.stale && errors.length > 0 && (
                <p
                  className="border-b border-red-300 bg-red-50 px-3 py-1 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
                  role="alert"
                >
                  The manifest has {errors.length === 1 ? 'an error' : `${errors.length} errors`}; the last
                  good run stays on screen.
                </p>
              )}
              <section
                aria-label="Timeline"
                className="max-h-[46%] shrink-0 overflow-auto border-b border-slate-300 py-1 pr-1 dark:border-slate-700"
              >
                <Timeline
                  key={starterId}
                  lanes={timelineLanes}
                  endMs={endMs}
                  t={t}
                  onSeek={setT}
                  initialSpan={initialSpan}
                  scale={presenter ? PRESENTER_SCALE : 1}
                  onToggleGroup={toggleGroup}
                  onChoosePod={setChosenPod}
                  chosenPod={podName}
                />
              </section>
              {/* Presenter type is large: kubectl's columns get two thirds of the row, so AGE stays in view. */}
              <div
                className={`grid min-h-0 flex-1 grid-cols-1 ${sideWide ? '' : presenter ? 'lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]' : 'lg:grid-cols-2'}`}
              >
                {!sideWide && (
                  <div className="flex min-h-0 flex-col border-slate-300 lg:border-r dark:border-slate-700">
                    <KubectlViews trace={trace} pod={pod} podName={podName} t={t} onChoosePod={setChosenPod} />
                  </div>
                )}
                <div className="flex min-h-0 flex-col">
                  <Tabs
                    label="Events and statecharts"
                    tabs={sideTabs}
                    selected={sidePane}
                    onSelect={setSideTab}
                    actions={
                      <button
                        type="button"
                        className="btn-secondary px-2 py-0.5 text-xs"
                        onClick={() => setSideWide((w) => !w)}
                      >
                        {sideWide ? 'Show kubectl too' : 'Widen'}
                      </button>
                    }
                  >
                    {sidePane === 'traffic' ? (
                      <TrafficPane trace={trace} t={t} onSeek={setT} />
                    ) : sidePane === 'events' ? (
                      <EventsList events={events} t={t} onSeek={setT} />
                    ) : sidePane === 'cluster' ? (
                      frame && (
                        <Suspense fallback={<p className="p-3 text-sm">Loading the cluster view…</p>}>
                          <ClusterView frame={frame} chosenPod={podName} onChoosePod={setChosenPod} presenter={presenter} requests={trace.requests} t={t} scheduling={trace.scheduling} />
                        </Suspense>
                      )
                    ) : sidePane === 'status' ? (
                      <ExplainPane trace={trace} pod={pod} podName={podName} t={t} actions={actions} onChoosePod={setChosenPod} {...why.pane} />
                    ) : (
                      frame && (
                        <>
                          {why.highlight && <HighlightNote transition={why.highlight} onBack={why.back} />}
                          <StatechartPane frame={frame} {...why.statechart} />
                        </>
                      )
                    )}
                  </Tabs>
                </div>
              </div>
            </>
          )}
        </main>
      </div>
      {embed && (
        <div className="fixed right-2 bottom-2 z-10">
          <OpenInPodPlay href={withoutEmbed()} />
        </div>
      )}
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement}
      </div>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <ScenarioDialog scenario={scenario} />
    </div>
  );
}

function EmptyState({
  running,
  hasText,
  errors,
  onPick,
}: {
  running: boolean;
  hasText: boolean;
  errors: number;
  onPick: (s: Starter) => void;
}) {
  return (
    <div className="m-auto max-w-xl p-8 text-center">
      <h2 className="text-2xl font-semibold">Pick an example or paste a Pod manifest</h2>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        PodPlay runs it on a simulated node with a virtual clock: scheduling, image pulls, probes, restarts
        and graceful termination. Then press play, step from event to event, or drag the cursor.
      </p>
      {running && <p className="mt-4">Simulating…</p>}
      {hasText && errors > 0 && (
        <p className="mt-4 text-red-800 dark:text-red-300">
          Fix the manifest errors shown under the editor to run it.
        </p>
      )}
      <ul className="mt-6 flex flex-wrap justify-center gap-2">
        {FEATURED_STARTERS.map((s) => (
          <li key={s.id}>
            <button type="button" className="btn-primary" onClick={() => onPick(s)}>
              {s.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
