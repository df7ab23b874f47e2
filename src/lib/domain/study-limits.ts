// How much a study session may show today. Settings give the plain limits; an interview plan
// (stats) may later raise the new-card limit or pull reviews forward through this one function.
import type { Settings } from './settings';
import { endOfLearnerDay } from './day';

export interface StudyLimits {
  /** New cards per deck per day. */
  newLimit: number;
  /** Reviews per deck per day. */
  reviewLimit: number;
  /** Reviews with due <= reviewCutoff (epoch ms) are shown today. */
  reviewCutoff: number;
}

export function studyLimits(settings: Pick<Settings, 'newPerDay' | 'reviewsPerDay'>, now: number): StudyLimits {
  return { newLimit: settings.newPerDay, reviewLimit: settings.reviewsPerDay, reviewCutoff: endOfLearnerDay(now) };
}
