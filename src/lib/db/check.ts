// "Check the collection": reads every table, lets the pure check (domain/collection-check.ts) find the problems, and
// writes the repair in the same read-write transaction, so the collection cannot change between finding and fixing.
import { db } from './db';
import { loadSettings } from './settings';
import { checkCollection, type CheckReport } from '../domain/collection-check';
import { createScheduler } from '../domain/scheduler';
import { orphanImages } from './media';

/** Finds problems and, with `repair`, fixes them all in one transaction. Returns what was found (and fixed). */
export async function checkAndRepairCollection(now: number, { repair }: { repair: boolean }): Promise<CheckReport> {
  return db.transaction(repair ? 'rw' : 'r', [db.cards, db.states, db.reviews, db.settings, db.media], async () => {
    const [cards, states, reviews, settings, mediaIds] = await Promise.all([
      db.cards.toArray(),
      db.states.toArray(),
      db.reviews.toArray(),
      loadSettings(),
      db.media.toCollection().primaryKeys(),
    ]);
    const result = checkCollection({ cards, states, reviews }, now, createScheduler(settings));
    // Images no card shows (left by a deck deleted before images went with it, or by a hand edit).
    const orphans = orphanImages(mediaIds, cards);
    const report = { counts: { ...result.report.counts }, total: result.report.total + orphans.length };
    if (orphans.length > 0) report.counts['orphan-media'] = orphans.length;
    if (repair && report.total > 0) {
      await db.reviews.bulkDelete(result.deleteReviews);
      await db.states.bulkDelete(result.deleteStates);
      await db.cards.bulkPut(result.putCards);
      await db.states.bulkPut(result.putStates);
      await db.media.bulkDelete(orphans);
    }
    return report;
  });
}

/** Above this many rows the start-up check is skipped (it would take more than about a second on a phone). */
export const STARTUP_CHECK_MAX_ROWS = 60_000;

/** The bounded start-up self-check: finds only, never writes; null when the collection is too big to check quickly. */
export async function startupSelfCheck(now: number): Promise<CheckReport | null> {
  const rows = (await db.cards.count()) + (await db.reviews.count());
  if (rows > STARTUP_CHECK_MAX_ROWS) return null;
  return checkAndRepairCollection(now, { repair: false });
}
