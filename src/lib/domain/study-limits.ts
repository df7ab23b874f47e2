// How much a study session may show today. Settings give the plain limits; an interview plan
// (stats) may later raise the new-card limit or pull reviews forward through this one function.
import { plainStudyLimits, type InterviewPlanContext, type LimitSettings, type StudyLimits } from './plain-limits';
import { planInterview, type PlanCard } from './interview-plan';
import { localZone } from './stats/days';
import { toFsrsSteps } from './scheduler';

export type { InterviewPlanContext, LimitSettings, StudyLimits } from './plain-limits';

/**
 * Today's limits. With an interview date ahead, the interview plan applies (docs/scheduling.md, "Interview plan"): the new-card
 * limit rises so every card is introduced in time (needs `plan.states`), the review limit lets every due review
 * through, and on the day before the interview the review cutoff moves to the end of the interview day.
 */
export function studyLimits(settings: LimitSettings, now: number, plan?: InterviewPlanContext): StudyLimits {
  const limits = plainStudyLimits(settings, now);
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
