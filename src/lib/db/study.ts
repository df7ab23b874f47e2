// Answering a card: the next FSRS state and the review log are written in one read-write transaction
// (strict durability, see db.ts), so an answer is either fully on disk or not at all.
import Dexie from 'dexie';
import { db, type CardStateRecord, type DrydockDB, type ReviewLogRecord, type ReviewSource, type SettingRecord } from './db';
import { SETTINGS_KEY } from './settings';
import { randomId } from '../io/random-id';
import type { RatingValue, Scheduler } from '../domain/scheduler';
import { loadScheduler } from '../domain/scheduler-lazy';
import { restoreSettings, type Settings } from '../domain/settings';

export interface AnswerInput {
  cardId: string;
  rating: RatingValue;
  now: number;
  durationMs: number;
  source: ReviewSource;
}

export interface AnswerReceipt {
  cardId: string;
  /** The state before the answer, exactly as stored. */
  previous: CardStateRecord;
  /** The state the answer wrote. */
  next: CardStateRecord;
  /** Id of the appended review log entry. */
  logId: number;
  log: ReviewLogRecord;
}

export class UndoConflictError extends Error {
  constructor() {
    super('The card changed after this answer, so the answer can no longer be undone.');
    this.name = 'UndoConflictError';
  }
}

let cached: { stored: unknown; scheduler: Scheduler } | null = null;

/**
 * The scheduler for the settings as stored when the answer's transaction runs. Why it can never be stale: the
 * settings row is read inside the answer's own transaction (beside the card's state, so it costs no extra round
 * trip), and IndexedDB runs read-write transactions whose scopes overlap one after another, so a write from this
 * tab, another tab or device sync (sync-apply.ts) either committed before this read or waits until the answer is on
 * disk. What is cached is only the work after the read: restoring and validating the value (restoreSettings) and
 * building the FSRS engine, redone whenever the stored value differs in any field (a structural compare; no JSON).
 */
function schedulerFor(stored: unknown, createScheduler: (settings: Settings) => Scheduler): Scheduler {
  if (!cached || !sameValue(cached.stored, stored)) cached = { stored, scheduler: createScheduler(restoreSettings(stored)) };
  return cached.scheduler;
}

/** Deep equality of structured-clone values as settings hold them: primitives, arrays and plain objects. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => k in y && sameValue(x[k], y[k]));
}

/** User Timing name of the answer transaction (read by bench/study.bench.ts, visible in DevTools). */
export const ANSWER_MEASURE = 'drydock:answer-transaction';

/** `d`: the collection (another instance only in tests that simulate several devices). */
export async function answerCard(input: AnswerInput, d: DrydockDB = db): Promise<AnswerReceipt> {
  // ts-fsrs loads after the first card is painted; an answer given before it arrived waits for it here, outside the
  // transaction (which must not await anything but its own requests).
  const { createScheduler } = await loadScheduler();
  // What needs nothing from the database is ready before the transaction opens.
  const uid = randomId();
  const durationMs = Math.max(0, Math.round(input.durationMs));
  const start = performance.now();
  const receipt = await answerTransaction(input, uid, durationMs, d, createScheduler);
  performance.measure?.(ANSWER_MEASURE, { start });
  return receipt;
}

// One strict read-write transaction: two reads that go out together (the card's state and the settings), then two
// writes that go out together (the next state and the review log), then the commit. With sync on, the outbox
// middleware widens it to the outbox, so the answer's operation commits with it.
//
// The requests go through Dexie's DBCore (Table.core), the layer the middlewares (the sync outbox among them) are
// stacked on, not through Table methods: each Table call wraps its request in transaction and zone bookkeeping of its
// own, about a third of the transaction's main-thread time when measured in Chromium. DBCore reports a failed write
// in its result instead of rejecting, so a failure is thrown here, and Dexie aborts the transaction.
function answerTransaction(input: AnswerInput, uid: string, durationMs: number, d: DrydockDB, createScheduler: (settings: Settings) => Scheduler): Promise<AnswerReceipt> {
  return d.transaction('rw', d.states, d.reviews, d.settings, (tx) => {
    const trans = tx.idbtrans;
    const reads: [Promise<CardStateRecord | undefined>, Promise<SettingRecord | undefined>] = [d.states.core.get({ trans, key: input.cardId }), d.settings.core.get({ trans, key: SETTINGS_KEY })];
    return Dexie.Promise.all(reads).then(([previous, settings]) => {
      if (!previous) throw new Error(`No study state for card ${input.cardId}.`);
      const scheduler = schedulerFor(settings?.value, createScheduler);
      const { next: fields, log: fsrsLog } = scheduler.applyRating(previous, input.rating, input.now);
      const next: CardStateRecord = { ...fields, cardId: previous.cardId, deckId: previous.deckId, noteId: previous.noteId, inactive: previous.inactive };
      const log: ReviewLogRecord = { ...fsrsLog, cardId: previous.cardId, deckId: previous.deckId, uid, review: input.now, durationMs, source: input.source };
      const writes = [d.states.core.mutate({ trans, type: 'put', values: [next] }), d.reviews.core.mutate({ trans, type: 'add', values: [log] })];
      return Dexie.Promise.all(writes).then(([statePut, logAdd]) => {
        if (statePut.numFailures > 0) throw statePut.failures[0];
        if (logAdd.numFailures > 0) throw logAdd.failures[0];
        const logId = logAdd.results![0] as number;
        return { cardId: input.cardId, previous, next, logId, log: { ...log, id: logId } };
      });
    });
  });
}

/** Restores the state before the answer exactly and removes its log entry, in one transaction. */
export async function undoAnswer(receipt: AnswerReceipt, d: DrydockDB = db): Promise<void> {
  await d.transaction('rw', d.states, d.reviews, async () => {
    const current = await d.states.get(receipt.cardId);
    // Only the latest answer of a card can be undone: a later answer or a deck update would be silently lost.
    if (!current || current.reps !== receipt.next.reps || current.due !== receipt.next.due) {
      throw new UndoConflictError();
    }
    // The FSRS fields go back exactly; what changed since for other reasons (suspended in another tab, a note regrouped) stays.
    await d.states.put({ ...receipt.previous, inactive: current.inactive, noteId: current.noteId, deckId: current.deckId });
    await d.reviews.delete(receipt.logId);
  });
}

// Read at the start of every session and on the deck list; it lives apart so the answer code above can load after the
// first card is shown.
export { countDoneToday, type TodayCounts } from './today-counts';
