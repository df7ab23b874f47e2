// "Check the collection": reads every table, lets the pure check (domain/collection-check.ts) find the problems, and
// writes the repair in the same read-write transaction, so the collection cannot change between finding and fixing.
import Dexie, { type IndexableType, type Table } from 'dexie';
import { db, type CardRecord, type CardStateRecord, type ReviewLogRecord } from './db';
import type { Settings } from '../domain/settings';
import { loadSettings } from './settings';
import { checkCollection, type CheckReport } from '../domain/collection-check';
import { createScheduler } from '../domain/scheduler';
import { orphanImages } from './media';

/** What a check reads: every card, state and review, the settings and the stored images' ids. */
interface CheckInput {
  cards: CardRecord[];
  states: CardStateRecord[];
  reviews: ReviewLogRecord[];
  settings: Settings;
  mediaIds: string[];
}

function findProblems({ cards, states, reviews, settings, mediaIds }: CheckInput, now: number) {
  const result = checkCollection({ cards, states, reviews }, now, createScheduler(settings));
  // Images no card shows (left by a deck deleted before images went with it, or by a hand edit).
  const orphans = orphanImages(mediaIds, cards);
  const report: CheckReport = { counts: { ...result.report.counts }, total: result.report.total + orphans.length };
  if (orphans.length > 0) report.counts['orphan-media'] = orphans.length;
  return { result, orphans, report };
}

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
    const { result, orphans, report } = findProblems({ cards, states, reviews, settings, mediaIds }, now);
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
/** Rows the start-up check reads per read-only transaction. */
export const STARTUP_CHECK_PAGE = 2_000;

export interface StartupCheckOptions {
  maxRows?: number;
  page?: number;
  /** Awaited between pages; by default a macrotask, so the screen's own reads and events come first. */
  between?: () => Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A table's rows in primary-key order, `page` at a time, each page in a short read-only transaction of its own, up to
 * `max` rows (one more when the table holds more). IndexedDB serves a database's requests in turn: one `toArray` of a
 * big table, or a `count()` (which walks every row), held up every read the screen made meanwhile for seconds.
 */
async function readInPages<T>(table: Table<T, any, any>, { max, page, keysOnly, between }: { max: number; page: number; keysOnly: boolean; between: () => Promise<void> }): Promise<{ rows: T[]; keys: number }> {
  const rows: T[] = [];
  const keyPath = table.schema.primKey.keyPath as string;
  let keys = 0;
  let last: IndexableType | undefined;
  while (keys <= max) {
    const range = (last === undefined ? table.toCollection() : table.where(':id').above(last)).limit(page);
    let pageKeys: IndexableType[];
    if (keysOnly) pageKeys = await range.primaryKeys();
    else {
      const pageRows = await range.toArray();
      rows.push(...pageRows);
      pageKeys = pageRows.map((row) => Dexie.getByKeyPath(row as object, keyPath) as IndexableType);
    }
    keys += pageKeys.length;
    if (pageKeys.length < page) break;
    last = pageKeys[pageKeys.length - 1];
    await between();
  }
  return { rows, keys };
}

/**
 * The start-up self-check: finds only, never writes; null when the collection is too big to check quickly. It reads
 * in small read-only transactions (readInPages), so the screen's reads never wait long behind it. Pages read at
 * different moments can straddle an answer and look inconsistent, so a problem is confirmed by the check in one
 * transaction before it is reported.
 */
export async function startupSelfCheck(now: number, { maxRows = STARTUP_CHECK_MAX_ROWS, page = STARTUP_CHECK_PAGE, between = nextTask }: StartupCheckOptions = {}): Promise<CheckReport | null> {
  const cardKeys = await readInPages(db.cards, { max: maxRows, page, keysOnly: true, between });
  if (cardKeys.keys > maxRows) return null;
  const reviewKeys = await readInPages(db.reviews, { max: maxRows - cardKeys.keys, page, keysOnly: true, between });
  if (cardKeys.keys + reviewKeys.keys > maxRows) return null;
  const all = { max: Infinity, page, keysOnly: false, between };
  const cards = (await readInPages(db.cards, all)).rows;
  const states = (await readInPages(db.states, all)).rows;
  const reviews = (await readInPages(db.reviews, all)).rows;
  const [settings, mediaIds] = await Promise.all([loadSettings(), db.media.toCollection().primaryKeys()]);
  const { report } = findProblems({ cards, states, reviews, settings, mediaIds }, now);
  return report.total === 0 ? report : checkAndRepairCollection(now, { repair: false });
}
