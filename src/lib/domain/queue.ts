// The study queue: which cards a session shows, in which order. Pure. buildQueue computes it from a set of states;
// study-queue.ts keeps it up to date answer by answer, and must always agree with it.
// Siblings (cards of one note) are buried for the day: at most one card of a note is shown per day (siblings.ts).
import { DAY_MS } from './day';
import { TodaysNotes, type AnsweredCard } from './siblings';

export type QueueState = 0 | 1 | 2 | 3;

/** The part of a card's state the queue needs (a CardStateRecord fits). */
export interface QueueCandidate {
  cardId: string;
  deckId: string;
  due: number;
  state: QueueState;
  stability: number;
  difficulty: number;
  lapses: number;
  inactive: 0 | 1;
  /** Cards of one note share it; absent, the card is a note of its own. */
  noteId?: string;
  /** Position of the card in its deck: new cards are introduced in this order. */
  order?: number;
  /** Position of the card's deck in the deck list: Study all introduces new cards deck by deck in this order. */
  deckRank?: number;
  /** Epoch ms of the last review ('weakest' ranks by time since it against stability). */
  last_review?: number;
}

export type QueueMode = 'normal' | 'ahead' | 'extra-new' | 'weakest';

export interface QueueInput {
  states: readonly QueueCandidate[];
  /** New cards already introduced today, per deck. */
  newDoneToday: Readonly<Record<string, number>>;
  /** Reviews already done today, per deck. */
  reviewsDoneToday: Readonly<Record<string, number>>;
  /** Cards answered today (review log and this session): their siblings wait until tomorrow. */
  answeredToday?: readonly AnsweredCard[];
  now: number;
  /** New cards per deck per day. */
  newLimit: number;
  /** Reviews per deck per day. */
  reviewLimit: number;
  /** Reviews with due <= reviewCutoff are included (normally the end of the learner's day). */
  reviewCutoff: number;
  /** Learning cards due within this many ms are shown rather than ending the session early. Default 20 minutes. */
  learnAheadMs?: number;
  mode?: QueueMode;
  /** 'extra-new': how many more new cards per deck beyond today's limit. Default 10. */
  extraNew?: number;
  /** 'ahead': how many not-yet-due reviews to pull forward. Default 50. */
  aheadCount?: number;
  /** 'weakest': at least this many reviewed cards, due or not, least likely to be remembered first. Default 20. */
  weakestCount?: number;
}

export type QueueKind = 'learning' | 'review' | 'new';

export interface QueueItem {
  cardId: string;
  deckId: string;
  kind: QueueKind;
  due: number;
}

export const LEARN_AHEAD_MS = 20 * 60 * 1000;

export function isLearning(state: QueueState): boolean {
  return state === 1 || state === 3;
}

/**
 * Learning/relearning cards that are due first, then today's reviews, then new cards up to the daily limit.
 * A review or new card is left out while another card of its note was answered today, is in learning today, or is
 * already in this queue; limits count only the cards that are shown.
 */
export function buildQueue(input: QueueInput): QueueItem[] {
  return assembleQueue(queueParts(input), input.now, input.learnAheadMs ?? LEARN_AHEAD_MS);
}

/** What a queue is made of before `now` splits the learning cards: every active learning card, and the picks. */
export interface QueueParts {
  /** Active learning and relearning cards, by due time. */
  learning: QueueCandidate[];
  reviews: QueueCandidate[];
  fresh: QueueCandidate[];
}

export function queueParts(input: QueueInput): QueueParts {
  const { mode = 'normal' } = input;
  const { active, learning, notes } = todaysStart(input, input.learnAheadMs ?? LEARN_AHEAD_MS);
  const reviews = pickReviews(input, active, notes, mode);
  const extra = mode === 'extra-new' ? (input.extraNew ?? 10) : 0;
  const fresh = mode === 'ahead' ? [] : pickNew(input, active, notes, extra);
  return { learning, reviews, fresh };
}

/** Learning cards due now, reviews, new cards, then learning cards due within the learn-ahead window. */
export function assembleQueue(parts: QueueParts, now: number, learnAhead: number): QueueItem[] {
  const item = (s: QueueCandidate, kind: QueueKind): QueueItem => ({ cardId: s.cardId, deckId: s.deckId, kind, due: s.due });
  const learningNow: QueueItem[] = [];
  const learningSoon: QueueItem[] = [];
  for (const s of parts.learning) {
    if (s.due <= now) learningNow.push(item(s, 'learning'));
    else if (s.due <= now + learnAhead) learningSoon.push(item(s, 'learning'));
  }
  return [...learningNow, ...parts.reviews.map((s) => item(s, 'review')), ...parts.fresh.map((s) => item(s, 'new')), ...learningSoon];
}

/** Active cards, learning cards by due time, and the notes already taken today (answered, or in learning today). */
function todaysStart(input: QueueInput, learnAhead: number) {
  const active = input.states.filter((s) => s.inactive === 0);
  const learning = active.filter((s) => isLearning(s.state)).sort(byDue);
  const notes = new TodaysNotes(input.answeredToday);
  const todayEnds = Math.max(input.reviewCutoff, input.now + learnAhead);
  for (const s of learning) if (s.due <= todayEnds) notes.claim(s);
  return { active, learning, notes };
}

function pickReviews(input: QueueInput, active: QueueCandidate[], notes: TodaysNotes, mode: QueueMode): QueueCandidate[] {
  const allowance = (deckId: string) => input.reviewLimit - (input.reviewsDoneToday[deckId] ?? 0);
  if (mode === 'ahead') {
    const notYetDue = active.filter((s) => s.state === 2 && s.due > input.reviewCutoff).sort(byDue);
    return takePerDeck(notYetDue, () => Infinity, notes, input.aheadCount ?? 50);
  }
  if (mode === 'weakest') {
    // A drill on a weak topic: today's due reviews and the weakest others, weakest first.
    const weakness = (s: QueueCandidate) => ((s.last_review === undefined ? 0 : (input.now - s.last_review) / DAY_MS) + 1) / Math.max(s.stability, 0.1);
    const ranked = active.filter((s) => s.state === 2).sort((a, b) => weakness(b) - weakness(a) || byDue(a, b));
    const chosen = new Set(takePerDeck(ranked.filter((s) => s.due <= input.reviewCutoff), allowance, notes).map((s) => s.cardId));
    const extra = Math.max(0, (input.weakestCount ?? 20) - chosen.size);
    const others = ranked.filter((s) => !chosen.has(s.cardId));
    for (const s of takePerDeck(others, () => Infinity, notes, extra)) chosen.add(s.cardId);
    return ranked.filter((s) => chosen.has(s.cardId));
  }
  const dueReviews = active.filter((s) => s.state === 2 && s.due <= input.reviewCutoff).sort(byDue);
  return takePerDeck(dueReviews, allowance, notes);
}

function pickNew(input: QueueInput, active: QueueCandidate[], notes: TodaysNotes, extra: number): QueueCandidate[] {
  const news = active.filter((s) => s.state === 0).sort(byDeckOrder);
  return takePerDeck(news, (deckId) => input.newLimit + extra - (input.newDoneToday[deckId] ?? 0), notes);
}

/**
 * In order, the cards each deck's allowance admits (at most `max` in all), skipping cards whose note is taken
 * today; each card taken takes its note, so a sibling later in the list waits.
 */
function takePerDeck(sorted: QueueCandidate[], allowance: (deckId: string) => number, notes: TodaysNotes, max = Infinity): QueueCandidate[] {
  const left = new Map<string, number>();
  const out: QueueCandidate[] = [];
  for (const s of sorted) {
    if (out.length >= max) break;
    const remaining = left.get(s.deckId) ?? Math.max(0, allowance(s.deckId));
    if (remaining <= 0 || notes.isBuried(s)) continue;
    notes.claim(s);
    out.push(s);
    left.set(s.deckId, remaining - 1);
  }
  return out;
}

export function byDue(a: QueueCandidate, b: QueueCandidate): number {
  return a.due - b.due || a.cardId.localeCompare(b.cardId);
}

function byDeckOrder(a: QueueCandidate, b: QueueCandidate): number {
  return (a.deckRank ?? 0) - (b.deckRank ?? 0) || a.deckId.localeCompare(b.deckId) || (a.order ?? 0) - (b.order ?? 0) || a.cardId.localeCompare(b.cardId);
}

export interface DeckCounts {
  new: number;
  learning: number;
  due: number;
  /** New cards that wait for another day because a card of their note is shown or was answered today. */
  waiting?: number;
}

/**
 * Today's counts for one deck's states (or all decks' states with per-deck limits applied): the cards a normal
 * session shows, picked by the same rules as buildQueue, siblings left out.
 */
export function deckCounts(input: Omit<QueueInput, 'mode' | 'extraNew' | 'aheadCount' | 'weakestCount'>): DeckCounts {
  const { active, learning, notes } = todaysStart(input, input.learnAheadMs ?? LEARN_AHEAD_MS);
  const due = pickReviews(input, active, notes, 'normal').length;
  const fresh = pickNew(input, active, notes, 0);
  const shown = new Set(fresh.map((s) => s.cardId));
  return {
    new: fresh.length,
    learning: learning.filter((s) => s.due <= input.reviewCutoff).length,
    due,
    // Every note shown today is claimed by now, so an unshown new card whose note is claimed waits for its sibling.
    waiting: active.filter((s) => s.state === 0 && !shown.has(s.cardId) && notes.isBuried(s)).length,
  };
}

/** When the next card becomes due after `now`, or null when nothing is scheduled. New cards are not "due". */
export function nextDueAfter(states: readonly QueueCandidate[], now: number): number | null {
  let next: number | null = null;
  for (const s of states) {
    if (s.inactive === 1 || s.state === 0 || s.due <= now) continue;
    if (next === null || s.due < next) next = s.due;
  }
  return next;
}
