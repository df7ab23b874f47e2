// Today's limits as the study screen and the deck list get them: the settings' plain limits at once, and the interview
// plan (study-limits.ts, with its simulation and ts-fsrs) loaded only when an interview date is set, so a learner
// without one never waits for it before the first card.
import { plainStudyLimits, type InterviewPlanContext, type LimitSettings, type StudyLimits } from './plain-limits';

/** studyLimits() of study-limits.ts, which loads with the first interview date. */
export async function todaysLimits(settings: LimitSettings, now: number, plan?: InterviewPlanContext): Promise<StudyLimits> {
  if (!settings.interviewDate) return plainStudyLimits(settings, now);
  const { studyLimits } = await import('./study-limits');
  return studyLimits(settings, now, plan);
}
