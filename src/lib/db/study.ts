// Answering a card: the next FSRS state and the review log are written in one read-write transaction
// (strict durability, see db.ts), so an answer is either fully on disk or not at all.
import { db, type CardStateRecord, type DrydockDB, type ReviewLogRecord, type ReviewSource } from './db';
import { loadSettings } from './settings';
import { randomId } from '../io/random-id';
import type { RatingValue, Scheduler } from '../domain/scheduler';
import { loadScheduler } from '../domain/scheduler-lazy';
import type { Settings } from '../domain/settings';
import { startOfLearnerDay } from '../domain/day';
import type { AnsweredCard } from '../domain/siblings';

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

let cached: { key: string; scheduler: Scheduler } | null = null;

/** Settings are read inside every answer's transaction; the scheduler is rebuilt only when they change. */
function schedulerFor(settings: Settings, createScheduler: (settings: Settings) => Scheduler): Scheduler {
  const key = JSON.stringify(settings);
  if (cached?.key !== key) cached = { key, scheduler: createScheduler(settings) };
  return cached.scheduler;
}

/** User Timing name of the answer transaction (read by bench/study.bench.ts, visible in DevTools). */
export const ANSWER_MEASURE = 'drydock:answer-transaction';

/** `d`: the collection (another instance only in tests that simulate several devices). */
export async function answerCard(input: AnswerInput, d: DrydockDB = db): Promise<AnswerReceipt> {
  // ts-fsrs loads after the first card is painted; an answer given before it arrived waits for it here, outside the
  // transaction (which must not await anything but its own requests).
  const { createScheduler } = await loadScheduler();
  const start = performance.now();
  const receipt = await answerTransaction(input, d, createScheduler);
  performance.measure?.(ANSWER_MEASURE, { start });
  return receipt;
}

// With sync on, the outbox middleware widens this transaction to the outbox: the answer's operation commits with it.
function answerTransaction(input: AnswerInput, d: DrydockDB, createScheduler: (settings: Settings) => Scheduler): Promise<AnswerReceipt> {
  return d.transaction('rw', d.states, d.reviews, d.settings, async () => {
    const previous = await d.states.get(input.cardId);
    if (!previous) throw new Error(`No study state for card ${input.cardId}.`);
    const scheduler = schedulerFor(await loadSettings(d), createScheduler);
    const { next: fields, log: fsrsLog } = scheduler.applyRating(previous, input.rating, input.now);
    const next: CardStateRecord = { ...fields, cardId: previous.cardId, deckId: previous.deckId, noteId: previous.noteId, inactive: previous.inactive };
    const log: ReviewLogRecord = {
      ...fsrsLog,
      cardId: previous.cardId,
      deckId: previous.deckId,
      uid: randomId(),
      review: input.now,
      durationMs: Math.max(0, Math.round(input.durationMs)),
      source: input.source,
    };
    await d.states.put(next);
    const logId = (await d.reviews.add(log)) as number;
    return { cardId: input.cardId, previous, next, logId, log: { ...log, id: logId } };
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

export interface TodayCounts {
  newDoneToday: Record<string, number>;
  reviewsDoneToday: Record<string, number>;
  /** One entry per answer today (study or mock), so the queue can bury the answered cards' siblings. */
  answeredToday: AnsweredCard[];
}

/** New cards introduced and reviews done since the learner's day began, per deck, and the cards answered. */
export async function countDoneToday(now: number): Promise<TodayCounts> {
  const since = startOfLearnerDay(now);
  return db.transaction('r', db.reviews, db.states, async () => {
    const logs = await db.reviews.where('review').between(since, Infinity, true, true).toArray();
    const cardIds = [...new Set(logs.map((log) => log.cardId))];
    const states = await db.states.bulkGet(cardIds);
    const noteIds = new Map(cardIds.map((id, i) => [id, states[i]?.noteId ?? id]));
    const newDoneToday: Record<string, number> = {};
    const reviewsDoneToday: Record<string, number> = {};
    const answeredToday: AnsweredCard[] = [];
    for (const log of logs) {
      if (log.state === 0) newDoneToday[log.deckId] = (newDoneToday[log.deckId] ?? 0) + 1;
      else if (log.state === 2) reviewsDoneToday[log.deckId] = (reviewsDoneToday[log.deckId] ?? 0) + 1;
      answeredToday.push({ cardId: log.cardId, deckId: log.deckId, noteId: noteIds.get(log.cardId) ?? log.cardId });
    }
    return { newDoneToday, reviewsDoneToday, answeredToday };
  });
}
