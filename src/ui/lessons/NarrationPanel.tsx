/**
 * The lesson's voice: title and goal, the current step's narration (with its question when it has
 * one), Previous / Next, the "now try" changes and the keys that drive it all.
 */
import type { AnswerCheck, Lesson, TryThis } from '../../scenario';
import { formatClock } from '../trace-utils';
import type { ShownStep } from './lesson-view';
import { LessonText } from './LessonText';
import { QuestionCard } from './QuestionCard';

export interface NarrationPanelProps {
  lesson: Lesson;
  steps: ShownStep[];
  index: number;
  onGo: (index: number) => void;
  answer: { chosen: string; check: AnswerCheck } | undefined;
  onAnswer: (chosen: string) => void;
  /** The "now try" change in force, if any. */
  variant: TryThis | undefined;
  onTry: (t: TryThis | undefined) => void;
  score: { answered: number; correct: number };
  questions: number;
  large: boolean;
  compact: boolean;
  running: boolean;
}

export const LESSON_KEYS: Array<[string, string]> = [
  ['N or →', 'Next step'],
  ['P or ←', 'Previous step'],
  ['Space', 'Play / pause'],
  [', and .', 'Previous / next event'],
];

export function KeyHint({ large }: { large: boolean }) {
  return (
    <p className={`text-slate-700 dark:text-slate-300 ${large ? 'text-base' : 'text-xs'}`} data-testid="key-hint">
      Keys:{' '}
      {LESSON_KEYS.map(([k, v], i) => (
        <span key={k}>
          {i > 0 && ' · '}
          <kbd className="rounded border border-slate-400 px-1 font-mono dark:border-slate-500">{k}</kbd> {v}
        </span>
      ))}
    </p>
  );
}

export function NarrationPanel(p: NarrationPanelProps) {
  const { lesson, steps, index, large, compact } = p;
  const current = steps[index];
  const pending = current?.step.question !== undefined && p.answer === undefined;
  // In the embed the lesson title is the page's h1 and there is no h2 above the step.
  const StepHeading = compact ? 'h2' : 'h3';
  const text = large ? 'text-xl leading-snug font-medium' : compact ? 'text-sm' : 'text-base';
  return (
    <div className={`flex flex-col ${compact ? 'gap-1' : 'gap-3'}`}>
      {!compact && (
        <div>
          <p className={`font-medium text-sky-900 dark:text-sky-200 ${large ? 'text-base' : 'text-xs'} uppercase`}>
            {lesson.topic}
          </p>
          <h2 className={`font-bold ${large ? 'text-3xl' : 'text-xl'}`}>{lesson.title}</h2>
          <p className={`mt-1 ${large ? 'text-lg' : 'text-sm'}`}>
            <strong>Goal:</strong> <LessonText text={lesson.goal} />
          </p>
        </div>
      )}
      {p.variant && (
        <p className="rounded bg-sky-100 px-2 py-1 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-50">
          Trying: {p.variant.label}.{' '}
          <button type="button" className="underline" onClick={() => p.onTry(undefined)}>
            Back to the lesson&apos;s run
          </button>
        </p>
      )}
      {p.running && <p role="status">Simulating…</p>}
      {current ? (
        <section aria-labelledby="lesson-step-heading" data-testid="lesson-step" data-step-id={current.step.id}>
          <StepHeading
            id="lesson-step-heading"
            className={`font-semibold text-slate-700 dark:text-slate-300 ${large ? 'text-lg' : 'text-sm'}`}
          >
            Step {index + 1} of {steps.length} <span className="font-mono">· {formatClock(current.t)}</span>
          </StepHeading>
          <p className={`mt-1 ${text} text-slate-950 dark:text-white`} data-testid="lesson-narration">
            <LessonText text={current.step.narration} />
          </p>
          {current.step.question && (
            <QuestionCard
              key={`${lesson.id}/${current.step.id}/${p.variant?.label ?? ''}`}
              question={current.step.question}
              result={p.answer}
              onAnswer={p.onAnswer}
              large={large}
            />
          )}
        </section>
      ) : (
        !p.running && <p>This run reaches none of the lesson&apos;s moments.</p>
      )}
      <nav aria-label="Lesson steps" className="flex items-center gap-2">
        <button
          type="button"
          className="btn-secondary"
          onClick={() => p.onGo(index - 1)}
          disabled={index <= 0}
          aria-keyshortcuts="P ArrowLeft"
        >
          Previous step
        </button>
        <button
          type="button"
          className="btn-primary"
          onClick={() => p.onGo(index + 1)}
          disabled={index >= steps.length - 1 || pending}
          aria-keyshortcuts="N ArrowRight"
          title={pending ? 'Answer the question first' : undefined}
        >
          Next step
        </button>
        {p.questions > 0 && !compact && (
          <span className={`ml-auto ${large ? 'text-base' : 'text-sm'}`} data-testid="lesson-score">
            Score: {p.score.correct}/{p.questions}
          </span>
        )}
      </nav>
      {!compact && lesson.tryThis.length > 0 && (
        <section aria-labelledby="try-heading">
          <h3 id="try-heading" className={`font-semibold ${large ? 'text-lg' : 'text-sm'}`}>
            Now try
          </h3>
          <ul className="mt-1 flex flex-col gap-1">
            {lesson.tryThis.map((t) => (
              <li key={t.label}>
                <button
                  type="button"
                  className="btn-secondary w-full text-left"
                  aria-pressed={p.variant?.label === t.label}
                  onClick={() => p.onTry(p.variant?.label === t.label ? undefined : t)}
                >
                  {t.label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!compact && lesson.misconception && (
        <details className={large ? 'text-lg' : 'text-sm'}>
          <summary className="cursor-pointer font-semibold">A common misconception</summary>
          <p className="mt-1">
            <strong>Belief:</strong> {lesson.misconception.belief}
          </p>
          <p className="mt-1">
            <strong>In fact:</strong> {lesson.misconception.reality}
          </p>
        </details>
      )}
      {!compact && !large && <KeyHint large={false} />}
    </div>
  );
}
