/**
 * Predict, then see: the step's question as a radio group. Nothing of the answer shows until the
 * learner commits to a choice; then the verdict, the right answer and where to look.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AnswerCheck, Question } from '../../scenario';
import { LessonText } from './LessonText';

export interface QuestionCardProps {
  question: Question;
  /** The verdict once answered (kept by the player, so going back to a step shows it). */
  result: { chosen: string; check: AnswerCheck } | undefined;
  onAnswer: (chosen: string) => void;
  large: boolean;
}

export function QuestionCard({ question, result, onAnswer, large }: QuestionCardProps) {
  const id = useId();
  const [picked, setPicked] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (picked) onAnswer(picked);
  };
  const chosen = result?.chosen ?? picked;
  return (
    <form
      onSubmit={submit}
      className="mt-3 rounded-md border-2 border-amber-600 bg-amber-50 p-3 dark:border-amber-400 dark:bg-slate-950"
      data-testid="lesson-question"
    >
      <fieldset disabled={result !== undefined}>
        <legend id={`${id}-prompt`} className={`font-semibold ${large ? 'text-xl' : 'text-base'}`}>
          <span className="mr-1 text-amber-900 dark:text-amber-200">Predict:</span>
          {question.prompt}
        </legend>
        <div role="radiogroup" aria-labelledby={`${id}-prompt`} className="mt-2 flex flex-col gap-1">
          {question.choices.map((c) => (
            <label
              key={c}
              className={`flex cursor-pointer items-center gap-2 rounded px-2 py-1 hover:bg-amber-100 dark:hover:bg-slate-800 ${large ? 'text-lg' : 'text-sm'} ${
                result && c === result.check.expected ? 'font-semibold' : ''
              }`}
            >
              <input
                type="radio"
                name={`${id}-choice`}
                value={c}
                checked={chosen === c}
                onChange={() => setPicked(c)}
                className="size-4 accent-sky-700"
              />
              <span className="font-mono">{c}</span>
              {result && c === result.check.expected && <span className="sr-only">(the right answer)</span>}
            </label>
          ))}
        </div>
        {!result && (
          <button type="submit" className="btn-primary mt-2" disabled={!picked}>
            Check my answer
          </button>
        )}
      </fieldset>
      <div role="status" aria-live="polite" data-testid="lesson-feedback">
        {result && (
          <div
            className={`mt-2 rounded border-l-4 p-2 ${large ? 'text-lg' : 'text-sm'} ${
              result.check.correct
                ? 'border-green-700 bg-green-50 text-green-950 dark:border-green-400 dark:bg-green-950 dark:text-green-50'
                : 'border-red-700 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50'
            }`}
          >
            <p className="font-semibold">
              {result.check.correct
                ? 'Right.'
                : `Not quite: the answer is ${result.check.expected ?? '(this run cannot say)'}.`}
            </p>
            <p className="mt-1">
              <LessonText text={result.check.explain} />
            </p>
          </div>
        )}
      </div>
    </form>
  );
}
