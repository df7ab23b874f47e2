// A pure wrapper over ts-fsrs. Every call takes `now` (epoch ms); states are plain records with epoch-ms dates,
// the same shape the database stores, so nothing here touches IndexedDB or the clock.
import { fsrs, StrategyMode, type Card as FsrsCard, type FSRS, type Grade, type ReviewLog, type StepUnit } from 'ts-fsrs';
import type { Settings } from './settings';

import { RATINGS, formatInterval, type RatingValue } from './ratings';

// The names the study screen shows live in ratings.ts, without ts-fsrs, so the first card can paint before it loads.
export { RATINGS, RATING_LABELS, formatInterval, type RatingValue } from './ratings';

/** The FSRS fields of a card's state (CardStateRecord without its keys), dates as epoch ms. */
export interface FsrsStateFields {
  /** Epoch ms. */
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: 0 | 1 | 2 | 3;
  /** Epoch ms of the last review, if any. */
  last_review?: number;
}

/** What a review log stores about the state before an answer. */
export interface FsrsLogFields {
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: RatingValue;
  state: 0 | 1 | 2 | 3;
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  /** Epoch ms when answered. */
  review: number;
}

export interface Preview<S extends FsrsStateFields> {
  state: S;
  intervalMs: number;
  intervalLabel: string;
}

export interface Scheduler {
  previewIntervals<S extends FsrsStateFields & { cardId?: string }>(state: S, now: number): Record<RatingValue, Preview<S>>;
  applyRating<S extends FsrsStateFields & { cardId?: string }>(state: S, rating: RatingValue, now: number): { next: S; log: FsrsLogFields };
}

/** ts-fsrs steps use m/h/d; settings also allow seconds, which become fractional minutes. */
export function toFsrsSteps(steps: readonly string[]): StepUnit[] {
  return steps.map((step) => {
    const value = Number.parseFloat(step);
    const unit = step.slice(-1);
    return (unit === 's' ? `${value / 60}m` : `${value}${unit}`) as StepUnit;
  });
}

export function createScheduler(
  settings: Pick<Settings, 'desiredRetention' | 'maximumInterval' | 'learningSteps' | 'relearningSteps'> & Partial<Pick<Settings, 'fsrsParameters'>>,
): Scheduler {
  const engine: FSRS = fsrs({
    // The learner's optimised parameters when they applied some; ts-fsrs's FSRS-6 defaults otherwise.
    ...(settings.fsrsParameters ? { w: settings.fsrsParameters.w } : {}),
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumInterval,
    learning_steps: toFsrsSteps(settings.learningSteps),
    relearning_steps: toFsrsSteps(settings.relearningSteps),
    enable_fuzz: true,
    enable_short_term: true,
  });
  // The fuzz seed depends on the card and its history, not on the millisecond of the tap, so the interval shown on a
  // button is the interval that answer sets. A new card's due date is left out: each device sets it when it first
  // stores the card, and two synced devices replaying the same reviews must draw the same fuzz.
  engine.useStrategy(StrategyMode.SEED, function (this: unknown) {
    const { last, current } = this as { last: FsrsCard & { cardId?: string }; current: FsrsCard };
    return `${last.cardId ?? ''}_${current.reps}_${last.last_review?.getTime() ?? 0}_${last.state === 0 ? 0 : last.due.getTime()}`;
  });

  function outcome<S extends FsrsStateFields & { cardId?: string }>(state: S, rating: RatingValue, now: number) {
    const item = engine.next({ ...toFsrsCard(state), cardId: state.cardId } as FsrsCard, new Date(now), rating as Grade);
    const fields = fromFsrsCard(item.card);
    // ts-fsrs keeps Easy one day past Good even at the cap; the learner's maximum interval wins.
    if (fields.scheduled_days > settings.maximumInterval) {
      fields.scheduled_days = settings.maximumInterval;
      fields.due = now + settings.maximumInterval * DAY;
    }
    return { next: { ...state, ...fields } as S, log: fromFsrsLog(item.log) };
  }

  return {
    previewIntervals(state, now) {
      const result = {} as Record<RatingValue, Preview<typeof state>>;
      for (const rating of RATINGS) {
        const { next } = outcome(state, rating, now);
        const intervalMs = Math.max(0, next.due - now);
        result[rating] = { state: next, intervalMs, intervalLabel: formatInterval(intervalMs) };
      }
      return result;
    },
    applyRating: outcome,
  };
}

export function toFsrsCard(state: FsrsStateFields): FsrsCard {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsed_days,
    scheduled_days: state.scheduled_days,
    learning_steps: state.learning_steps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    last_review: state.last_review === undefined ? undefined : new Date(state.last_review),
  };
}

export function fromFsrsCard(card: FsrsCard): FsrsStateFields {
  const fields: FsrsStateFields = {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as FsrsStateFields['state'],
  };
  if (card.last_review) fields.last_review = card.last_review.getTime();
  return fields;
}

function fromFsrsLog(log: ReviewLog): FsrsLogFields {
  return {
    rating: log.rating as RatingValue,
    state: log.state as FsrsLogFields['state'],
    due: log.due.getTime(),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: log.review.getTime(),
  };
}

const DAY = 86_400_000;
