// Read helpers for the stats screen, the interview plan and the mock interview. Logs are read in chunks by primary
// key so a million of them never sit in memory at once, and progress can be reported between chunks.
import { db, type CardRecord, type CardStateRecord } from './db';
import { loadSettings } from './settings';
import { countDoneToday } from './study';
import { StatsAccumulator, type StatsResult } from '../domain/stats';
import type { StatsCard, StatsLog } from '../domain/stats/types';
import { dayOfIso, startOfDay, type TimeZone } from '../domain/stats/days';
import { planInterview, type InterviewPlan } from '../domain/interview-plan';
import { forgettingCurve, retrievability } from '../domain/readiness';
import type { MockCandidate } from '../domain/mock-interview';
import type { CardKind } from '../domain/model';
import { toFsrsSteps } from '../domain/scheduler';

export const LOG_CHUNK = 25_000;
const CARD_CHUNK = 10_000;

export interface StatsRequest {
  now: number;
  zone: TimeZone;
}

export interface StatsProgress {
  /** 0–1. */
  fraction: number;
  label: string;
}

export interface StatsResponse {
  result: StatsResult;
  deckTitles: Record<string, string>;
  desiredRetention: number;
  interviewDate: string | null;
}

export async function deckTitles(): Promise<Record<string, string>> {
  const titles: Record<string, string> = {};
  for (const deck of await db.decks.toArray()) titles[deck.id] = deck.title;
  return titles;
}

/** Every stats picture, read straight from IndexedDB (run it in a worker: it reads the whole collection). */
export async function computeStatsFromDb(
  request: StatsRequest,
  onProgress: (p: StatsProgress) => void = () => {},
  logChunk = LOG_CHUNK,
): Promise<StatsResponse> {
  const settings = await loadSettings();
  const interviewStart = settings.interviewDate ? startOfDay(dayOfIso(settings.interviewDate), request.zone) : null;
  const acc = new StatsAccumulator({ ...request, desiredRetention: settings.desiredRetention, interviewStart, parameters: settings.fsrsParameters?.w });
  const [logTotal, cardTotal] = await Promise.all([db.reviews.count(), db.cards.count()]);
  // Cards are a tenth of the work per row of logs or less; weigh the phases so the bar moves evenly.
  const work = logTotal + cardTotal * 2 || 1;
  let done = 0;
  let lastId = -Infinity;
  for (;;) {
    const chunk = await db.reviews.where('id').above(lastId).limit(logChunk).toArray();
    if (chunk.length === 0) break;
    acc.addLogs(chunk as StatsLog[]);
    lastId = chunk[chunk.length - 1].id!;
    done += chunk.length;
    onProgress({ fraction: done / work, label: `Read ${done.toLocaleString('en')} of ${logTotal.toLocaleString('en')} reviews` });
  }
  const cards = await readStatsCards((n) => onProgress({ fraction: (done + n * 2) / work, label: `Read ${n.toLocaleString('en')} of ${cardTotal.toLocaleString('en')} cards` }));
  const titles = await deckTitles();
  return { result: acc.finish(cards, titles), deckTitles: titles, desiredRetention: settings.desiredRetention, interviewDate: settings.interviewDate };
}

/** Every card that is still part of its deck (not retired), with its FSRS state. */
export async function readStatsCards(onProgress: (read: number) => void = () => {}): Promise<StatsCard[]> {
  const states = new Map<string, CardStateRecord>();
  for (const s of await db.states.toArray()) states.set(s.cardId, s);
  const cards: StatsCard[] = [];
  let read = 0;
  let lastKey = '';
  for (;;) {
    const chunk = await db.cards.where('id').above(lastKey).limit(CARD_CHUNK).toArray();
    if (chunk.length === 0) break;
    for (const card of chunk) {
      if (card.retired) continue;
      const s = states.get(card.id);
      cards.push({
        id: card.id,
        deckId: card.deckId,
        tags: card.tags ?? [],
        state: s?.state ?? 0,
        due: s?.due ?? 0,
        stability: s?.stability ?? 0,
        lastReview: s?.last_review,
        suspended: card.suspended === 1,
      });
    }
    lastKey = chunk[chunk.length - 1].id;
    read += chunk.length;
    onProgress(read);
  }
  return cards;
}

/** Today's interview plan, or null when no interview date is set. Reads only the small per-card state rows. */
export async function loadInterviewPlan(now: number, zone: TimeZone): Promise<InterviewPlan | null> {
  const settings = await loadSettings();
  if (!settings.interviewDate) return null;
  const [states, today] = await Promise.all([db.states.toArray(), countDoneToday(now)]);
  return planInterview({
    now,
    zone,
    interviewDate: settings.interviewDate,
    target: settings.desiredRetention,
    newPerDay: settings.newPerDay,
    introducedToday: today.newDoneToday,
    reviewedToday: today.reviewsDoneToday,
    learningSteps: toFsrsSteps(settings.learningSteps),
    relearningSteps: toFsrsSteps(settings.relearningSteps),
    parameters: settings.fsrsParameters?.w,
    cards: states.map((s) => ({ deckId: s.deckId, state: s.state, stability: s.stability, lastReview: s.last_review, due: s.due, suspended: s.inactive === 1 })),
  });
}

/** Every active card as a mock-interview candidate with its recall now, without reading card content. */
export async function loadMockCandidates(now: number): Promise<MockCandidate[]> {
  const curve = forgettingCurve((await loadSettings()).fsrsParameters?.w);
  const kindOf = new Map<string, CardKind>();
  for (const kind of ['basic', 'cloze', 'choice', 'typed', 'truefalse'] as const) {
    for (const id of await db.cards.where('kind').equals(kind).primaryKeys()) kindOf.set(id, kind);
  }
  const states = await db.states.where('[inactive+due]').between([0, -Infinity], [0, Infinity]).toArray();
  return states
    .filter((s) => kindOf.has(s.cardId))
    .map((s) => ({
      cardId: s.cardId,
      deckId: s.deckId,
      noteId: s.noteId,
      kind: kindOf.get(s.cardId)!,
      recall: retrievability({ state: s.state, stability: s.stability, lastReview: s.last_review }, now, curve),
    }));
}

/** The chosen questions' content, by id (missing ids are left out). */
export async function loadMockCards(ids: string[]): Promise<Map<string, CardRecord>> {
  const cards = await db.cards.bulkGet(ids);
  return new Map(cards.filter((c): c is CardRecord => !!c).map((c) => [c.id, c]));
}
