// How much a study session may show today. Settings give the plain limits; an interview plan
// (stats) may later raise the new-card limit or pull reviews forward through this one function.
import type { Settings } from './settings';
import { endOfLearnerDay } from './day';
import { planInterview, type PlanCard } from './interview-plan';
import { localZone, type TimeZone } from './stats/days';
import { toFsrsSteps } from './scheduler';

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

type LimitSettings = Pick<Settings, 'newPerDay' | 'reviewsPerDay'> &
  Partial<Pick<Settings, 'interviewDate' | 'desiredRetention' | 'learningSteps' | 'relearningSteps'>>;

/**
 * Today's limits. With an interview date ahead, the interview plan applies (docs/scheduling.md, "Interview plan"): the new-card
 * limit rises so every card is introduced in time (needs `plan.states`), the review limit lets every due review
 * through, and on the day before the interview the review cutoff moves to the end of the interview day.
 */
export function studyLimits(settings: LimitSettings, now: number, plan?: InterviewPlanContext): StudyLimits {
  const limits = { newLimit: settings.newPerDay, reviewLimit: settings.reviewsPerDay, reviewCutoff: endOfLearnerDay(now) };
  if (!settings.interviewDate) return limits;
  const cards: PlanCard[] = (plan?.states ?? []).map((s) => ({
    deckId: s.deckId,
    state: s.state,
    stability: s.stability,
    lastReview: s.last_review,
    due: s.due,
    suspended: s.inactive === 1,
  }));
  const interview = planInterview({
    now,
    zone: plan?.zone ?? localZone(),
    interviewDate: settings.interviewDate,
    target: settings.desiredRetention ?? 0.9,
    newPerDay: settings.newPerDay,
    introducedToday: plan?.newDoneToday,
    reviewedToday: plan?.reviewsDoneToday,
    learningSteps: settings.learningSteps ? toFsrsSteps(settings.learningSteps) : undefined,
    relearningSteps: settings.relearningSteps ? toFsrsSteps(settings.relearningSteps) : undefined,
    cards,
  });
  if (!interview || interview.daysLeft <= 0) return limits;
  return {
    ...limits,
    newLimit: Math.max(limits.newLimit, interview.newLimit),
    reviewLimit: Math.max(limits.reviewLimit, interview.reviewLimit),
    reviewCutoff: Math.max(limits.reviewCutoff, interview.reviewCutoff),
  };
}
