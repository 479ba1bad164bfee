/**
 * Classroom: guided lessons. The model (types), the library, and the headless logic that anchors
 * narration to a trace, answers prediction questions from it, applies "try this" patches and keeps
 * the learner's score. No React, no DOM: the UI renders lessons.
 */
export type {
  Anchor,
  EventMatch,
  KubectlView,
  Lesson,
  LessonFocus,
  LessonPane,
  LessonStep,
  Misconception,
  Question,
  QuestionKind,
  TryThis,
  TryThisPatch,
} from './types';
export { NO_POD, lessonTimeline, lessonUntil, resolveAnchor, resolveAnchorPoint, type AnchorPoint, type TimedStep } from './anchors';
export { answerFor, checkAnswer, type AnswerCheck } from './questions';
export { applyTryThis, tryThisProblems } from './try-this';
export { LESSON_SCORE_PREFIX, lessonScore, lessonScoreKey, recordAnswer, resetLessonScore, type LessonScore } from './score';
export { LESSONS, lessonById } from './library';
