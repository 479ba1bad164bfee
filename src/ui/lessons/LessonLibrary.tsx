/** The lesson library: every lesson with its topic, goal and the learner's score so far. */
import type { Lesson, LessonScore } from '../../scenario';

export interface LessonLibraryProps {
  lessons: Lesson[];
  scoreOf: (id: string) => LessonScore;
  questionsOf: (lesson: Lesson) => number;
  hrefOf: (id: string) => string;
}

export function LessonLibrary({ lessons, scoreOf, questionsOf, hrefOf }: LessonLibraryProps) {
  return (
    <div className="mx-auto max-w-6xl p-4">
      <h2 className="text-2xl font-bold">Lessons</h2>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        Guided runs of a simulated node: each lesson narrates real moments of its run, asks you to predict
        what happens next, then shows it. Your score stays in this browser.
      </p>
      <ol className="mt-4 grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3" data-testid="lesson-library">
        {lessons.map((l, i) => {
          const s = scoreOf(l.id);
          const total = questionsOf(l);
          return (
            <li
              key={l.id}
              className="flex flex-col rounded-lg border border-slate-300 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-950"
            >
              <p className="text-xs font-medium text-sky-900 uppercase dark:text-sky-200">
                {i + 1}. {l.topic}
              </p>
              <h3 className="mt-1 text-lg font-semibold">
                <a
                  href={hrefOf(l.id)}
                  className="underline-offset-2 hover:underline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
                >
                  {l.title}
                </a>
              </h3>
              <p className="mt-1 flex-1 text-sm">{l.goal}</p>
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid={`score-${l.id}`}>
                {s.answered === 0
                  ? `${total} ${total === 1 ? 'question' : 'questions'}, not started`
                  : `Your score: ${s.correct} of ${total} right`}
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
