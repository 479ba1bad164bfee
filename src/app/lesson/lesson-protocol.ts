import type { ScenarioV1 } from '../../scenario/types';
import type { LessonRunResult } from './lesson-engine';

export interface LessonRequest {
  id: number;
  lessonId: string;
  scenario: ScenarioV1;
}

export interface LessonResponse {
  id: number;
  result: LessonRunResult;
}
