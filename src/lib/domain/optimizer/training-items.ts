// Turns the review log into the training items fsrs-rs learns from, the way fsrs-rs converts Anki's revlog:
// per card in answer order, each review after the first is one item holding the card's history up to it, with
// delta_t counted in the learner's calendar days. Same-day reviews (learning steps) stay in the history with
// delta_t 0 (short-term memory), but only a review on a later day is a prediction target.
import type { RatingValue } from '../scheduler';
import type { DayNumber } from '../stats/days';

/** What the builder needs from a review log row. */
export interface TrainingLog {
  /** Log id: the order answers were written in, which a clock that jumps backwards cannot reorder. */
  id?: number;
  cardId: string;
  rating: RatingValue;
  /** ts-fsrs state before the answer: 0 means the card was new. */
  state: 0 | 1 | 2 | 3;
  /** Epoch ms of the answer. */
  review: number;
}

export interface TrainingReview {
  rating: RatingValue;
  /** Whole learner days since the previous review of the card; 0 for the first and for same-day reviews. */
  delta_t: number;
}

export interface TrainingItem {
  cardId: string;
  reviews: TrainingReview[];
  /** Epoch ms of the last review (the one predicted), for the time-ordered split. */
  at: number;
}

/** Training items from every card's history, ordered by the time of the review each one predicts. */
export function buildTrainingItems(logs: readonly TrainingLog[], dayNumber: (ms: number) => DayNumber): TrainingItem[] {
  const byCard = new Map<string, TrainingLog[]>();
  for (const log of logs) {
    if (log.rating < 1 || log.rating > 4) continue;
    const list = byCard.get(log.cardId);
    if (list) list.push(log);
    else byCard.set(log.cardId, [log]);
  }
  const items: TrainingItem[] = [];
  for (const history of byCard.values()) {
    history.sort((a, b) => (a.id ?? 0) - (b.id ?? 0) || a.review - b.review);
    const reviews = fromLastFirstLearning(history);
    const trail: TrainingReview[] = [];
    let previousDay: DayNumber | null = null;
    for (const log of reviews) {
      const day = dayNumber(log.review);
      // A clock that went backwards would give a negative gap; treat it as the same day.
      const delta = previousDay === null ? 0 : Math.max(0, day - previousDay);
      trail.push({ rating: log.rating, delta_t: delta });
      previousDay = Math.max(day, previousDay ?? day);
      if (trail.length > 1 && delta > 0) items.push({ cardId: log.cardId, reviews: trail.slice(), at: log.review });
    }
  }
  return items.sort((a, b) => a.at - b.at);
}

/** A card's history starts when it was last new: anything before a reset describes a memory that is gone. */
function fromLastFirstLearning(history: TrainingLog[]): TrainingLog[] {
  let start = -1;
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i].state === 0) {
      start = i;
      break;
    }
  }
  // Logs whose first answer was lost (an import without history) have no start; fsrs-rs needs one.
  return start === -1 ? [] : history.slice(start);
}

/** The earlier `fraction` of items (by the time of the predicted review) for fitting, the rest for evaluation. */
export function splitByTime(items: readonly TrainingItem[], fraction = 0.8): { train: TrainingItem[]; test: TrainingItem[] } {
  const cut = Math.floor(items.length * fraction);
  return { train: items.slice(0, cut), test: items.slice(cut) };
}

/** The flat arrays fsrs-browser's `computeParameters(ratings, delta_ts, lengths, …)` reads items from. */
export function flattenItems(items: readonly TrainingItem[]): { ratings: Uint32Array; deltaTs: Uint32Array; lengths: Uint32Array } {
  const total = items.reduce((sum, item) => sum + item.reviews.length, 0);
  const ratings = new Uint32Array(total);
  const deltaTs = new Uint32Array(total);
  const lengths = new Uint32Array(items.length);
  let k = 0;
  items.forEach((item, i) => {
    lengths[i] = item.reviews.length;
    for (const review of item.reviews) {
      ratings[k] = review.rating;
      deltaTs[k] = review.delta_t;
      k++;
    }
  });
  return { ratings, deltaTs, lengths };
}
