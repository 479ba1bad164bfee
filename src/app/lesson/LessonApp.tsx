/**
 * The classroom: the lesson library, and the lesson player (narration steps anchored to moments of
 * the run, predict-then-see questions, "now try" variants), in the normal, presenter and embed
 * layouts. Loaded lazily: nothing here is in the first load.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
// Deep imports on purpose: the scenario index would bring the engine into this chunk; the engine
// runs in the lesson worker (lesson-engine.ts).
import { LESSONS, lessonById } from '../../scenario/lessons/library';
import { lessonScore, recordAnswer, type LessonScore } from '../../scenario/lessons/score';
import { applyTryThis } from '../../scenario/lessons/try-this';
import type { AnswerCheck, Lesson, LessonPane, StorageLike, TimedStep, TryThis } from '../../scenario';
import { LessonLibrary } from '../../ui/lessons/LessonLibrary';
import { LessonPanes, type KubectlTab } from '../../ui/lessons/LessonPanes';
import { isSidePane, type SidePane } from '../../ui/layout/side-panes';
import {
  clampStep,
  focusedMachine,
  focusPane,
  revealTime,
  shownSteps,
  traceUntil,
  visiblePanes,
} from '../../ui/lessons/lesson-view';
import { KeyHint, NarrationPanel } from '../../ui/lessons/NarrationPanel';
import { OpenInPodPlay } from '../../ui/lessons/OpenInPodPlay';
import { eventInstants, formatClock, nextInstant, podEvents, previousInstant, seekFrame } from '../../ui/trace-utils';
import { Transport } from '../../ui/transport/Transport';
import { usePlayback } from '../../ui/transport/usePlayback';
import { PRESENTER_SCALE, usePresenter } from '../usePresenter';
import { useTheme } from '../useTheme';
import { PresenterToggle, ThemeToggle } from '../../ui/layout/HeaderToggles';
import { goToLessonRoute, isEmbed, lessonHash, withoutEmbed, type LessonRoute } from './route';
import { useLessonRun } from './useLessonRun';
import type { Trace } from '../../engine/trace-types';

function browserStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const EMBED_PANES = new Set<LessonPane>(['timeline', 'kubectl']);
const questionCount = (l: Lesson) => l.steps.filter((s) => s.question).length;

export default function LessonApp({ route }: { route: LessonRoute }) {
  const [theme, setTheme] = useTheme();
  const [presenter, setPresenter] = usePresenter();
  const embed = isEmbed();
  const lesson = route.kind === 'lesson' ? lessonById(route.id) : undefined;

  const header = !embed && (
    <header className="flex flex-wrap items-center gap-3 border-b border-slate-300 bg-slate-50 px-3 py-2 dark:border-slate-700 dark:bg-slate-950">
      <h1 className="text-xl font-bold tracking-tight">
        <a href="./" className="focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
          PodPlay
        </a>
      </h1>
      <a href={lessonHash({ kind: 'library' })} className="btn-secondary" aria-current={lesson ? undefined : 'page'}>
        Lessons
      </a>
      <div className="ml-auto flex items-center gap-2">
        {lesson && <PresenterToggle on={presenter} onChange={setPresenter} />}
        <ThemeToggle theme={theme} onChange={setTheme} />
      </div>
    </header>
  );

  return (
    <div className="flex h-screen flex-col bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      {header}
      {lesson && route.kind === 'lesson' ? (
        <LessonPlayer lesson={lesson} initialStep={route.step} presenter={presenter && !embed} embed={embed} />
      ) : (
        <main className="min-h-0 flex-1 overflow-auto">
          {route.kind === 'lesson' && (
            <p role="alert" className="mx-auto mt-4 max-w-6xl px-4 text-red-800 dark:text-red-300">
              There is no lesson called “{route.id}”. Pick one below.
            </p>
          )}
          <LessonLibrary
            lessons={LESSONS}
            scoreOf={(id) => lessonScore(browserStorage(), id)}
            questionsOf={questionCount}
            hrefOf={(id) => lessonHash({ kind: 'lesson', id, step: 1 })}
          />
        </main>
      )}
    </div>
  );
}

type Answer = { chosen: string; check: AnswerCheck };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'range'].includes(target.type);
  return ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

function LessonPlayer({
  lesson,
  initialStep,
  presenter,
  embed,
}: {
  lesson: Lesson;
  initialStep: number;
  presenter: boolean;
  embed: boolean;
}) {
  const [variant, setVariant] = useState<TryThis | undefined>(undefined);
  const scenario = useMemo(() => (variant ? applyTryThis(lesson.scenario, variant) : lesson.scenario), [lesson, variant]);
  const run = useLessonRun(lesson.id, scenario);
  const result = run.result?.ok ? run.result : undefined;
  const trace = result?.trace;
  const steps = useMemo(
    () =>
      shownSteps(
        (result?.steps ?? []).map((s): TimedStep => ({ step: lesson.steps[s.index], index: s.index, t: s.t, point: s.point })),
      ),
    [lesson, result],
  );
  const endMs = trace ? trace.until : 0;
  const instants = useMemo(() => (trace ? eventInstants(trace) : []), [trace]);
  const playback = usePlayback(endMs, instants);
  const { t, setT, pause } = playback;

  const [index, setIndex] = useState(() => Math.max(0, initialStep - 1));
  const [answers, setAnswers] = useState<Map<string, Answer>>(() => new Map());
  const [score, setScore] = useState<LessonScore>(() => lessonScore(browserStorage(), lesson.id));
  const [views, setViews] = useState<{ step: string; kubectl?: KubectlTab; side?: SidePane; machine?: string }>({
    step: '',
  });

  const current = steps[index];
  const stepKey = current ? `${variant?.label ?? ''}/${current.step.id}` : '';
  const answer = current ? answers.get(stepKey) : undefined;
  const pending = current?.step.question !== undefined && answer === undefined;

  const go = useCallback(
    (i: number) => {
      if (steps.length === 0) return;
      const j = Math.min(Math.max(0, i), steps.length - 1);
      pause();
      setIndex(j);
      setT(steps[j].t);
    },
    [steps, pause, setT],
  );

  // A new run (the lesson loaded, or a "now try" variant): put the cursor on the current step.
  const [placedFor, setPlacedFor] = useState<Trace | undefined>(undefined);
  if (trace && placedFor !== trace) {
    setPlacedFor(trace);
    const j = clampStep(index + 1, steps.length);
    setIndex(j);
    setT(steps[j]?.t ?? 0);
  }

  // Playing through a lesson: the narration follows the cursor, and stops at a question.
  if (playback.playing && steps.length > 0) {
    let target = index;
    for (let j = index + 1; j < steps.length && steps[j].t <= t; j++) {
      target = j;
      if (steps[j].step.question && !answers.has(`${variant?.label ?? ''}/${steps[j].step.id}`)) break;
    }
    if (target !== index) {
      const s = steps[target];
      setIndex(target);
      if (s.step.question && !answers.has(`${variant?.label ?? ''}/${s.step.id}`)) {
        pause();
        setT(s.t);
      }
    }
  }

  // The address follows the step, so a link (or a reload) comes back to it.
  useEffect(() => {
    if (steps.length > 0) goToLessonRoute({ kind: 'lesson', id: lesson.id, step: index + 1 }, true);
  }, [steps.length, index, lesson.id]);

  const onAnswer = (chosen: string) => {
    const check = result?.checks[current?.index ?? -1]?.[chosen];
    if (!trace || !current || !check) return;
    setAnswers((m) => new Map(m).set(stepKey, { chosen, check }));
    if (!variant) setScore(recordAnswer(browserStorage(), lesson.id, current.step.id, check.correct).score);
    setT(revealTime(current, trace));
  };

  const onTry = (v: TryThis | undefined) => {
    pause();
    setVariant(v);
  };

  const previousEvent = useCallback(() => setT(previousInstant(instants, t) ?? 0), [instants, t, setT]);
  const nextEvent = useCallback(() => {
    const limit = pending && current ? current.t : endMs;
    setT(Math.min(limit, nextInstant(instants, t) ?? endMs));
  }, [instants, t, endMs, setT, pending, current]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (!(e.target instanceof HTMLElement)) return;
      const onWidget = e.target.closest('[role="tablist"], [role="slider"], input[type="radio"], input[type="range"]') !== null;
      const onButton = e.target.closest('button, a, summary, [role="tab"], input') !== null;
      switch (e.key) {
        case 'n':
        case 'N':
          if (!pending) go(index + 1);
          break;
        case 'ArrowRight':
          if (onWidget) return;
          if (!pending) go(index + 1);
          break;
        case 'p':
        case 'P':
          go(index - 1);
          break;
        case 'ArrowLeft':
          if (onWidget) return;
          go(index - 1);
          break;
        case ' ':
          if (onButton) return;
          if (!pending) playback.toggle();
          break;
        case '.':
          nextEvent();
          break;
        case ',':
          previousEvent();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index, pending, playback, nextEvent, previousEvent]);

  const focus = current?.step.focus;
  // An embed is small: the timeline and kubectl at the cursor (the full app has every pane).
  const panes = embed ? EMBED_PANES : visiblePanes(lesson.panes, focus, presenter);
  const frame = trace ? seekFrame(trace, t) : undefined;
  const own = views.step === stepKey ? views : { step: stepKey };
  const pointed = focusPane(focus);
  const kubectlView = own.kubectl ?? focus?.kubectl ?? 'watch';
  const sideTab = own.side ?? (isSidePane(pointed) ? pointed : 'events');
  const machine = own.machine ?? focusedMachine(frame, focus);
  const visibleTrace = useMemo(
    () => (trace && pending && current ? traceUntil(trace, current.t) : trace),
    [trace, pending, current],
  );

  // Announce each narration step, and during playback each event the cursor passes.
  let announcement = current ? `Step ${index + 1} of ${steps.length}: ${current.step.narration}` : '';
  if (playback.playing && trace) {
    const passed = podEvents(trace.events, undefined).filter((e) => e.t <= t);
    const last = passed[passed.length - 1];
    if (last && (!current || last.t > current.t)) announcement = `${formatClock(last.t)}: ${last.reason}. ${last.message}`;
  }

  const large = presenter;
  const narration = (
    <NarrationPanel
      lesson={lesson}
      steps={steps}
      index={index}
      onGo={go}
      answer={answer}
      onAnswer={onAnswer}
      variant={variant}
      onTry={onTry}
      score={score}
      questions={questionCount(lesson)}
      large={large}
      compact={embed}
      running={run.running}
    />
  );

  const body = trace ? (
    <>
      <Transport
        playback={playback}
        endMs={endMs}
        onPrevious={previousEvent}
        onNext={nextEvent}
        disabled={pending}
      />
      {pending && (
        <p className="border-b border-amber-600 bg-amber-50 px-3 py-1 text-sm text-amber-950 dark:border-amber-400 dark:bg-slate-950 dark:text-amber-100">
          Predict first: the run past this moment stays hidden until you answer.
        </p>
      )}
      <LessonPanes
        trace={trace}
        visibleTrace={visibleTrace ?? trace}
        t={t}
        onSeek={(x) => setT(pending && current ? Math.min(x, current.t) : x)}
        panes={panes}
        focus={pointed}
        kubectlView={kubectlView}
        onKubectlView={(v) => setViews({ ...own, kubectl: v })}
        sideTab={sideTab}
        onSideTab={(v) => setViews({ ...own, side: v })}
        machine={machine}
        onMachine={(id) => setViews({ ...own, machine: id })}
        timelineScale={presenter ? PRESENTER_SCALE : 1}
        runKey={`${lesson.id}/${variant?.label ?? ''}`}
        embed={embed}
        presenter={presenter}
      />
    </>
  ) : (
    <p className="m-auto p-6 text-center" role={run.result?.ok === false ? 'alert' : 'status'}>
      {run.result?.ok === false ? `The lesson's run failed: ${run.result.problem}` : 'Simulating the lesson…'}
    </p>
  );

  const live = (
    <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {announcement}
    </div>
  );

  if (embed)
    return (
      <div className="flex min-h-0 flex-1 flex-col" data-testid="lesson-embed">
        <aside
          aria-label="Lesson"
          className="flex h-[42%] shrink-0 items-start gap-2 overflow-auto border-b border-slate-300 p-2 dark:border-slate-700"
        >
          <div className="min-w-0 flex-1">
            <h1 className="text-sm font-semibold">{lesson.title}</h1>
            {narration}
          </div>
          <OpenInPodPlay href={withoutEmbed()} />
        </aside>
        <main className="flex min-h-0 flex-1 flex-col overflow-auto">{body}</main>
        {live}
      </div>
    );

  return (
    <div className={`flex min-h-0 flex-1 ${presenter ? 'lesson-presenter' : ''}`} data-testid="lesson-player" data-presenter={presenter}>
      <aside
        aria-label="Lesson"
        className={`shrink-0 overflow-auto border-r border-slate-300 p-3 dark:border-slate-700 ${
          presenter ? 'w-[29%] border-r-2 border-slate-900 dark:border-white' : 'w-[24rem] max-w-[40%]'
        }`}
      >
        {narration}
      </aside>
      <main className="flex min-w-0 flex-1 flex-col">
        {body}
        {presenter && (
          <div className="border-t-2 border-slate-900 px-3 py-1 dark:border-white">
            <KeyHint large={false} />
          </div>
        )}
      </main>
      {live}
    </div>
  );
}
