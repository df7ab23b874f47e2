// Today's limits from the settings alone, and the shapes study-limits.ts works with. Apart from it so the study screen
// and the deck list can have them without the interview plan (see today-limits.ts).
import type { Settings } from './settings';
import { endOfLearnerDay } from './day';
import type { TimeZone } from './stats/days';

export interface StudyLimits {
  /** New cards per deck per day. */
  newLimit: number;
  /** Reviews per deck per day. */
  reviewLimit: number;
  /** Reviews with due <= reviewCutoff (epoch ms) are shown today. */
  reviewCutoff: number;
}

/** What the interview plan needs to size today's new-card limit: the states in the session and today's new cards. */
export interface InterviewPlanContext {
  states: readonly { deckId: string; state: 0 | 1 | 2 | 3; stability: number; last_review?: number; due: number; inactive: 0 | 1 }[];
  newDoneToday?: Readonly<Record<string, number>>;
  reviewsDoneToday?: Readonly<Record<string, number>>;
  /** The learner's zone; the browser's by default. */
  zone?: TimeZone;
}

export type LimitSettings = Pick<Settings, 'newPerDay' | 'reviewsPerDay'> &
  Partial<Pick<Settings, 'interviewDate' | 'desiredRetention' | 'learningSteps' | 'relearningSteps'>>;

/** The settings' limits, with no interview plan. */
export function plainStudyLimits(settings: Pick<LimitSettings, 'newPerDay' | 'reviewsPerDay'>, now: number): StudyLimits {
  return { newLimit: settings.newPerDay, reviewLimit: settings.reviewsPerDay, reviewCutoff: endOfLearnerDay(now) };
}
