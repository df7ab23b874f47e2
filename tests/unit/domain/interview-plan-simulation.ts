// A learner who studies once a day until the interview, answering each card right with the probability FSRS predicts.
// Uses the real scheduler and study queue, with the limits the plan sets (or the ordinary ones, for comparison).
import { createScheduler } from '../../../src/lib/domain/scheduler';
import { buildQueue, type QueueCandidate } from '../../../src/lib/domain/queue';
import { planInterview, type InterviewPlanInput } from '../../../src/lib/domain/interview-plan';
import { retrievability } from '../../../src/lib/domain/readiness';
import { dayOf, dayOfIso, startOfDay, type TimeZone } from '../../../src/lib/domain/stats/days';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import { seededRandom } from '../../../src/lib/domain/mock-interview';
import type { FsrsStateFields } from '../../../src/lib/domain/scheduler';

type SimState = FsrsStateFields & { cardId: string; deckId: string; inactive: 0 | 1; order: number };

export interface SimulationInput {
  now: number;
  zone: TimeZone;
  interviewDate: string;
  /** Cards with a review history before `now`. */
  studied: number;
  /** Cards never studied. */
  fresh: number;
  seed: number;
  followPlan: boolean;
}

export interface SimulationResult {
  interviewStart: number;
  predictedRecall: number;
  introduced: number;
  answersPerDay: number;
  plannedCardsPerDay: number;
}

const DAY = 86_400_000;
const settings = { ...DEFAULT_SETTINGS };
const scheduler = createScheduler(settings);

function emptyState(cardId: string, deckId: string, order: number, now: number): SimState {
  return { cardId, deckId, order, inactive: 0, due: now, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0 };
}

export function simulateInterviewPrep(input: SimulationInput): SimulationResult {
  const random = seededRandom(input.seed);
  const decks = ['docker', 'kubernetes', 'security'];
  const states: SimState[] = [];
  // Past histories: each card was first seen 5–90 days ago and answered on its due dates (mostly right) until now.
  for (let i = 0; i < input.studied; i++) {
    let s = emptyState(`s${i}`, decks[i % 3], i, 0);
    let t = input.now - (5 + random() * 85) * DAY;
    s.due = t;
    while (t < input.now) {
      const rating = random() < 0.85 ? 3 : random() < 0.5 ? 2 : 1;
      s = scheduler.applyRating(s, rating, t).next;
      t = Math.max(s.due, t + 60_000);
    }
    states.push(s);
  }
  for (let i = 0; i < input.fresh; i++) states.push(emptyState(`n${i}`, decks[i % 3], 1000 + i, input.now));

  const day = dayOf(input.zone);
  const interviewDay = dayOfIso(input.interviewDate);
  let plannedCardsPerDay = 0;
  let answers = 0;
  const firstDay = day(input.now);
  for (let d = firstDay; d < interviewDay; d++) {
    // One evening session a day, 19:00 local.
    let t = startOfDay(d, input.zone) + 19 * 3_600_000;
    const planInput: InterviewPlanInput = {
      now: t,
      zone: input.zone,
      interviewDate: input.interviewDate,
      target: settings.desiredRetention,
      newPerDay: settings.newPerDay,
      learningSteps: ['1m', '10m'],
      cards: states.map((s) => ({ deckId: s.deckId, state: s.state, stability: s.stability, lastReview: s.last_review, due: s.due, suspended: false })),
    };
    const plan = planInterview(planInput)!;
    if (d === firstDay) plannedCardsPerDay = plan.answersPerDay;
    const limits = input.followPlan
      ? { newLimit: plan.newLimit, reviewCutoff: plan.reviewCutoff }
      : { newLimit: settings.newPerDay, reviewCutoff: startOfDay(d + 1, input.zone) - 1 };
    const newDoneToday: Record<string, number> = {};
    const reviewsDoneToday: Record<string, number> = {};
    const byId = new Map(states.map((s, i) => [s.cardId, i]));
    for (let guard = 0; guard < 20_000; guard++) {
      const queue = buildQueue({
        states: states as QueueCandidate[],
        newDoneToday,
        reviewsDoneToday,
        now: t,
        newLimit: limits.newLimit,
        reviewLimit: 9999,
        reviewCutoff: limits.reviewCutoff,
      });
      if (queue.length === 0) break;
      const next = queue[0];
      t = Math.max(t, next.kind === 'learning' ? next.due : t);
      const index = byId.get(next.cardId)!;
      const before = states[index];
      const pRight = before.state === 0 ? 0.6 : retrievability({ state: before.state, stability: before.stability, lastReview: before.last_review }, t);
      const rating = random() < pRight ? 3 : 1;
      if (before.state === 0) newDoneToday[before.deckId] = (newDoneToday[before.deckId] ?? 0) + 1;
      else if (before.state === 2) reviewsDoneToday[before.deckId] = (reviewsDoneToday[before.deckId] ?? 0) + 1;
      states[index] = scheduler.applyRating(before, rating, t).next;
      answers++;
      t += 15_000;
    }
  }
  const interviewStart = startOfDay(interviewDay, input.zone);
  const recall = states.reduce((sum, s) => sum + retrievability({ state: s.state, stability: s.stability, lastReview: s.last_review }, interviewStart), 0);
  return {
    interviewStart,
    predictedRecall: recall / states.length,
    introduced: states.filter((s) => s.state !== 0).length,
    answersPerDay: answers / Math.max(1, interviewDay - firstDay),
    plannedCardsPerDay,
  };
}
