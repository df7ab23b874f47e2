// The shapes the stats pictures are computed from: a review log row and a card with its FSRS state, reduced to the
// fields the pictures need (plain data, so a worker can build them from IndexedDB and post the results back).
import type { TimeZone } from './days';

export type Rating = 1 | 2 | 3 | 4;
/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export type FsrsState = 0 | 1 | 2 | 3;

/** One answer. `state` is the card's state before the answer. Undo deletes the row, so an undone answer is absent. */
export interface StatsLog {
  review: number;
  rating: Rating;
  state: FsrsState;
  durationMs: number;
  /** The card answered; lets readiness see which cards were last answered Again. */
  cardId?: string;
}

/** A card as the stats and readiness see it. Retired cards (dropped by a deck update) are left out by the caller. */
export interface StatsCard {
  id: string;
  deckId: string;
  tags: string[];
  state: FsrsState;
  /** Epoch ms. */
  due: number;
  stability: number;
  /** Epoch ms of the last review; absent for a never-studied card. */
  lastReview?: number;
  suspended: boolean;
}

export interface StatsClock {
  /** Epoch ms. */
  now: number;
  zone: TimeZone;
}

/** A picture computed incrementally: feed logs in any order and in chunks, then read the result. */
export interface LogAccumulator<R> {
  add(log: StatsLog): void;
  result(): R;
}

export function fold<R>(acc: LogAccumulator<R>, logs: Iterable<StatsLog>): R {
  for (const log of logs) acc.add(log);
  return acc.result();
}
