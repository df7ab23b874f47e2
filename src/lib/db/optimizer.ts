// What the optimiser reads: the review log (in chunks by primary key, with progress), the review count that
// decides whether optimising is offered, and the collection size the retention simulation uses.
import { db } from './db';
import { countInSteps } from './count-in-steps';
import type { TrainingLog } from '../domain/optimizer/training-items';

/** Rows per read: big enough to be quick, small enough that progress moves. */
const LOG_CHUNK = 25_000;

/**
 * The Settings screen's two counts walk every review and every card: in steps (count-in-steps.ts), so the screen
 * opened next does not wait behind them; null once `stopped` (Settings has closed).
 */
export async function countReviews(stopped?: () => boolean): Promise<number | null> {
  return countInSteps('reviews', null, null, { stopped });
}

/** Cards that can come up in study (not suspended or retired). */
export async function countActiveCards(stopped?: () => boolean): Promise<number | null> {
  return countInSteps('states', '[inactive+due]', IDBKeyRange.bound([0, -Infinity], [0, Infinity]), { stopped });
}

/** Every review's rating, time and state before the answer, in log order. */
export async function readTrainingLogs(onProgress: (read: number, total: number) => void = () => {}, chunkSize = LOG_CHUNK): Promise<TrainingLog[]> {
  const total = await db.reviews.count();
  const logs: TrainingLog[] = [];
  let lastId = -Infinity;
  for (;;) {
    const chunk = await db.reviews.where('id').above(lastId).limit(chunkSize).toArray();
    if (chunk.length === 0) break;
    for (const r of chunk) logs.push({ id: r.id, cardId: r.cardId, rating: r.rating, state: r.state, review: r.review });
    lastId = chunk[chunk.length - 1].id!;
    onProgress(logs.length, total);
  }
  return logs;
}
