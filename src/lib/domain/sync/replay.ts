// A card's study state is a function of its reviews: replayed in time order (ties by review id) from a new card. Two
// devices holding the same reviews and the same settings hold identical states, fuzz included (its seed depends only
// on the card and its history; see scheduler.ts).
import type { FsrsLogFields, FsrsStateFields, RatingValue, Scheduler } from '../scheduler';
import { LATEST_TIME } from '../time-range';

export interface ReplayReview {
  review: number;
  rating: RatingValue;
  uid?: string;
  id?: number;
}

export function newStateFields(due: number): FsrsStateFields {
  return { due, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0 };
}

export function byReviewTime(a: ReplayReview, b: ReplayReview): number {
  if (a.review !== b.review) return a.review - b.review;
  const ka = a.uid ?? String(a.id ?? '');
  const kb = b.uid ?? String(b.id ?? '');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export interface ReplayStep {
  /** The FSRS log of this answer: the state before it, as a review log stores it. */
  log: FsrsLogFields;
}

/** Replays reviews (any order; they are sorted here) and returns the final state and each review's log fields. */
export function replayReviews<R extends ReplayReview>(
  scheduler: Scheduler,
  cardId: string,
  reviews: readonly R[],
  newDue: number,
): { state: FsrsStateFields; steps: { review: R; log: FsrsLogFields }[] } {
  let state: FsrsStateFields & { cardId: string } = { ...newStateFields(newDue), cardId };
  const steps: { review: R; log: FsrsLogFields }[] = [];
  for (const review of [...reviews].sort(byReviewTime)) {
    const outcome = scheduler.applyRating(state, review.rating, review.review);
    state = outcome.next;
    steps.push({ review, log: outcome.log });
  }
  const { cardId: _c, ...fields } = state;
  // A long interval from a late review may land past 2200; keep the state inside the believable range.
  if (fields.due > LATEST_TIME) fields.due = LATEST_TIME;
  return { state: fields, steps };
}
