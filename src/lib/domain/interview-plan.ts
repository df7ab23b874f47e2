// The interview plan: how much to study each day so that, on the morning of the interview, the predicted recall of
// every active card meets the target (the learner's desired retention). The rule (docs/scheduling.md, "Interview plan"):
//  1. New cards: every card not yet introduced is introduced by the day before the interview, spread evenly over the
//     days left, so each gets at least one review after its first day. Today's new limit is the larger of the
//     learner's own limit and that share.
//  2. Reviews: cards are reviewed when FSRS says they are due, as usual. On the last day before the interview the
//     review cutoff moves to the end of the interview day: a card that would come due during the interview day
//     (after the interview may already have started) is pulled forward, so nothing decays below the target on the day.
//     Every review due by the cutoff is offered: the review limit rises to let them through.
//  3. The plan is told in the units study shows: new cards and reviews a day; learning steps are extra taps.
import { fsrs, Rating, State, createEmptyCard, type Card as FsrsCard, type StepUnit } from 'ts-fsrs';
import { forgettingCurve, retrievability, type MemoryState } from './readiness';
import { dayOf, dayOfIso, startOfDay, type TimeZone } from './stats/days';

export interface PlanCard extends MemoryState {
  deckId: string;
  /** Epoch ms. */
  due: number;
  suspended: boolean;
}

export interface InterviewPlanInput {
  now: number;
  zone: TimeZone;
  /** ISO date of the interview. */
  interviewDate: string;
  /** Predicted recall wanted on the day, 0–1 (the desired retention). */
  target: number;
  /** The learner's own new-card limit per day. */
  newPerDay: number;
  /** New cards already introduced today, per deck: today's share was planned before them. */
  introducedToday?: Readonly<Record<string, number>>;
  /** Reviews already done today, per deck: today's review limit counts them. */
  reviewedToday?: Readonly<Record<string, number>>;
  learningSteps?: StepUnit[];
  relearningSteps?: StepUnit[];
  /** The learner's applied FSRS parameters; the defaults when absent. */
  parameters?: readonly number[] | null;
  cards: Iterable<PlanCard>;
}

export interface InterviewPlan {
  /** Whole days from today to the interview day: 0 on the day itself, negative once it has passed. */
  daysLeft: number;
  /** Epoch ms of the local midnight that starts the interview day: the moment readiness is predicted for. */
  interviewStart: number;
  target: number;
  /** Mean predicted recall at interviewStart if the learner studied nothing more (never-studied cards count 0). */
  predictedRecall: number;
  cards: number;
  /** Active cards never studied. */
  newLeft: number;
  /** Studied cards that come due before the end of the interview day. */
  reviewsDue: number;
  /** Today's new-card limit per deck under the plan (never below the learner's own). */
  newLimit: number;
  /** Today's review cutoff, epoch ms: reviews due up to this moment are shown today. */
  reviewCutoff: number;
  /** Today's review limit per deck: high enough for every review due by the cutoff. */
  reviewLimit: number;
  /**
   * The pace: new cards a day, all decks together, that introduce every card by the day before the interview (the new
   * cards at the start of today spread over the days left for introducing). Steady from day to day while followed.
   */
  newPace: number;
  /**
   * Today's ceiling, all decks together: each deck's new cards up to `newLimit`. Siblings wait for another day, so study
   * may show fewer; the home screen's count is what it will show.
   */
  newPerDay: number;
  /** Estimated reviews a day until the interview (answers to cards in review). */
  reviewsPerDay: number;
  /** Estimated extra answers a day for learning steps (a new card's showings after the first). */
  learningTapsPerDay: number;
  /** Estimated answers per day until the interview: the three above together. */
  answersPerDay: number;
}

/** The plan for today; null when the interview date is not a valid date. */
export function planInterview(input: InterviewPlanInput): InterviewPlan | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.interviewDate)) return null;
  const day = dayOf(input.zone);
  const today = day(input.now);
  const interviewDay = dayOfIso(input.interviewDate);
  if (!Number.isFinite(interviewDay)) return null;
  const daysLeft = interviewDay - today;
  const interviewStart = startOfDay(interviewDay, input.zone);
  const interviewEnd = startOfDay(interviewDay + 1, input.zone) - 1;
  const endOfToday = startOfDay(today + 1, input.zone) - 1;
  const curve = forgettingCurve(input.parameters);

  let cards = 0;
  let newLeft = 0;
  let reviewsDue = 0;
  let recall = 0;
  const newByDeck = new Map<string, number>();
  const reviewsByDeck = new Map<string, number>();
  for (const card of input.cards) {
    if (card.suspended) continue;
    cards++;
    if (card.state === 0) {
      newLeft++;
      newByDeck.set(card.deckId, (newByDeck.get(card.deckId) ?? 0) + 1);
    } else {
      recall += retrievability(card, interviewStart, curve);
      if (card.due <= interviewEnd) reviewsDue++;
      if (card.state === 2 && card.due <= (daysLeft === 1 ? interviewEnd : endOfToday)) reviewsByDeck.set(card.deckId, (reviewsByDeck.get(card.deckId) ?? 0) + 1);
    }
  }
  const predictedRecall = cards ? recall / cards : 0;
  const base = {
    daysLeft,
    interviewStart,
    target: input.target,
    predictedRecall,
    cards,
    newLeft,
    reviewsDue,
  };
  if (daysLeft <= 0) {
    return { ...base, newLimit: input.newPerDay, reviewCutoff: endOfToday, reviewLimit: 0, newPace: 0, newPerDay: 0, reviewsPerDay: 0, learningTapsPerDay: 0, answersPerDay: 0 };
  }

  // Limits are per deck, so the deck with the most left to introduce sets the pace; the others finish early.
  const introducedToday = input.introducedToday ?? {};
  const newDecks = new Set([...newByDeck.keys(), ...Object.keys(introducedToday)]);
  const newAtStartOfToday = (deckId: string) => (newByDeck.get(deckId) ?? 0) + (introducedToday[deckId] ?? 0);
  let newLimit = input.newPerDay;
  for (const deckId of newDecks) newLimit = Math.max(newLimit, planNewToday(newAtStartOfToday(deckId), daysLeft));
  let newPerDay = 0;
  let newAtStart = 0;
  for (const deckId of newDecks) {
    newPerDay += Math.min(newLimit, newAtStartOfToday(deckId));
    newAtStart += newAtStartOfToday(deckId);
  }
  const newPace = planNewToday(newAtStart, daysLeft);
  let reviewLimit = 0;
  for (const [deckId, due] of reviewsByDeck) reviewLimit = Math.max(reviewLimit, due + (input.reviewedToday?.[deckId] ?? 0));
  const reviewCutoff = daysLeft === 1 ? interviewEnd : endOfToday;
  return { ...base, newLimit, reviewCutoff, reviewLimit, newPace, newPerDay, ...estimateWorkPerDay(newLeft, reviewsDue, daysLeft, input) };
}

/** Today's share of the new cards: all of them introduced by the day before the interview. */
export function planNewToday(newAtStartOfToday: number, daysLeft: number): number {
  if (newAtStartOfToday <= 0 || daysLeft <= 0) return 0;
  return Math.ceil(newAtStartOfToday / Math.max(1, daysLeft - 1));
}

function estimateWorkPerDay(newLeft: number, reviewsDue: number, daysLeft: number, input: InterviewPlanInput) {
  const introDays = Math.max(1, daysLeft - 1);
  const perDay = Math.ceil(newLeft / introDays);
  let reviews = reviewsDue;
  let learningTaps = 0;
  let remaining = newLeft;
  for (let i = 0; i < introDays && remaining > 0; i++) {
    const introduced = Math.min(perDay, remaining);
    remaining -= introduced;
    const work = newCardWork(daysLeft - i, input);
    reviews += introduced * work.reviews;
    learningTaps += introduced * (work.answers - 1 - work.reviews);
  }
  const reviewsPerDay = Math.ceil(reviews / daysLeft);
  const learningTapsPerDay = Math.ceil(learningTaps / daysLeft);
  return { reviewsPerDay, learningTapsPerDay, answersPerDay: Math.ceil((newLeft + reviews + learningTaps) / daysLeft) };
}

interface NewCardWork {
  /** Every answer, the first showing included. */
  answers: number;
  /** The answers given to the card in review (after it left the learning steps). */
  reviews: number;
}

const workCache = new Map<string, NewCardWork>();

/** Answers a new card needs from its first showing until the interview `horizonDays` later (see newCardWork). */
export function answersForNewCard(horizonDays: number, input: Pick<InterviewPlanInput, 'target' | 'learningSteps' | 'relearningSteps' | 'parameters'>): number {
  return newCardWork(horizonDays, input).answers;
}

/**
 * A new card's answers until the interview `horizonDays` later: a miss on first sight (most cards are unknown when
 * first shown), the learning steps answered Good, then each FSRS review that falls due before the interview day,
 * answered Good.
 */
export function newCardWork(horizonDays: number, input: Pick<InterviewPlanInput, 'target' | 'learningSteps' | 'relearningSteps' | 'parameters'>): NewCardWork {
  const key = `${horizonDays}|${input.target}|${input.learningSteps?.join(',')}|${input.relearningSteps?.join(',')}|${input.parameters?.join(',') ?? ''}`;
  const known = workCache.get(key);
  if (known !== undefined) return known;
  const scheduler = fsrs({
    request_retention: input.target,
    enable_fuzz: false,
    ...(input.learningSteps ? { learning_steps: input.learningSteps } : {}),
    ...(input.relearningSteps ? { relearning_steps: input.relearningSteps } : {}),
    ...(input.parameters ? { w: [...input.parameters] } : {}),
  });
  const start = Date.UTC(2000, 0, 1, 12);
  const end = start + horizonDays * 86_400_000 - 12 * 3_600_000;
  let card: FsrsCard = createEmptyCard(new Date(start));
  let at = start;
  let answers = 0;
  let reviews = 0;
  while (at < end && answers < 100) {
    if (card.state === State.Review) reviews++;
    card = scheduler.next(card, new Date(at), answers === 0 ? Rating.Again : Rating.Good).card;
    answers++;
    at = Math.max(card.due.getTime(), at + 1000);
  }
  const work = { answers, reviews };
  workCache.set(key, work);
  return work;
}
