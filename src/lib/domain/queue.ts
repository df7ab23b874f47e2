// The study queue: which cards a session shows, in which order. Pure; the session rebuilds it after every answer.
import { DAY_MS } from './day';

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

/** Learning/relearning cards that are due first, then today's reviews, then new cards up to the daily limit. */
export function buildQueue(input: QueueInput): QueueItem[] {
  const { now, mode = 'normal' } = input;
  const active = input.states.filter((s) => s.inactive === 0);
  const learnAhead = input.learnAheadMs ?? LEARN_AHEAD_MS;
  const item = (s: QueueCandidate, kind: QueueKind): QueueItem => ({ cardId: s.cardId, deckId: s.deckId, kind, due: s.due });

  const learning = active.filter((s) => isLearning(s.state)).sort(byDue);
  const learningNow = learning.filter((s) => s.due <= now).map((s) => item(s, 'learning'));
  const learningSoon = learning.filter((s) => s.due > now && s.due <= now + learnAhead).map((s) => item(s, 'learning'));

  let reviews: QueueItem[];
  if (mode === 'ahead') {
    const notYetDue = active.filter((s) => s.state === 2 && s.due > input.reviewCutoff).sort(byDue);
    reviews = notYetDue.slice(0, input.aheadCount ?? 50).map((s) => item(s, 'review'));
  } else if (mode === 'weakest') {
    // A drill on a weak topic: today's due reviews and the weakest others, weakest first.
    const weakness = (s: QueueCandidate) => ((s.last_review === undefined ? 0 : (now - s.last_review) / DAY_MS) + 1) / Math.max(s.stability, 0.1);
    const ranked = active.filter((s) => s.state === 2).sort((a, b) => weakness(b) - weakness(a) || byDue(a, b));
    const due = takePerDeck(
      ranked.filter((s) => s.due <= input.reviewCutoff),
      (deckId) => input.reviewLimit - (input.reviewsDoneToday[deckId] ?? 0),
    );
    const chosen = new Set(due.map((s) => s.cardId));
    const extra = Math.max(0, (input.weakestCount ?? 20) - chosen.size);
    for (const s of ranked.filter((r) => !chosen.has(r.cardId)).slice(0, extra)) chosen.add(s.cardId);
    reviews = ranked.filter((s) => chosen.has(s.cardId)).map((s) => item(s, 'review'));
  } else {
    const dueReviews = active.filter((s) => s.state === 2 && s.due <= input.reviewCutoff).sort(byDue);
    reviews = takePerDeck(dueReviews, (deckId) => input.reviewLimit - (input.reviewsDoneToday[deckId] ?? 0)).map((s) => item(s, 'review'));
  }

  let fresh: QueueItem[] = [];
  if (mode !== 'ahead') {
    const extra = mode === 'extra-new' ? (input.extraNew ?? 10) : 0;
    const news = active.filter((s) => s.state === 0).sort(byDeckOrder);
    fresh = takePerDeck(news, (deckId) => input.newLimit + extra - (input.newDoneToday[deckId] ?? 0)).map((s) => item(s, 'new'));
  }

  return [...learningNow, ...reviews, ...fresh, ...learningSoon];
}

function takePerDeck(sorted: QueueCandidate[], allowance: (deckId: string) => number): QueueCandidate[] {
  const left = new Map<string, number>();
  const out: QueueCandidate[] = [];
  for (const s of sorted) {
    const remaining = left.get(s.deckId) ?? Math.max(0, allowance(s.deckId));
    if (remaining > 0) out.push(s);
    left.set(s.deckId, remaining - 1);
  }
  return out;
}

function byDue(a: QueueCandidate, b: QueueCandidate): number {
  return a.due - b.due || a.cardId.localeCompare(b.cardId);
}

function byDeckOrder(a: QueueCandidate, b: QueueCandidate): number {
  return (a.deckRank ?? 0) - (b.deckRank ?? 0) || a.deckId.localeCompare(b.deckId) || (a.order ?? 0) - (b.order ?? 0) || a.cardId.localeCompare(b.cardId);
}

export interface DeckCounts {
  new: number;
  learning: number;
  due: number;
}

/** Today's counts for one deck's states (or all decks' states with per-deck limits applied). */
export function deckCounts(input: Omit<QueueInput, 'mode' | 'extraNew' | 'aheadCount' | 'weakestCount' | 'learnAheadMs'>): DeckCounts {
  const active = input.states.filter((s) => s.inactive === 0);
  const learning = active.filter((s) => isLearning(s.state) && s.due <= input.reviewCutoff).length;
  const dueReviews = takePerDeck(
    active.filter((s) => s.state === 2 && s.due <= input.reviewCutoff),
    (deckId) => input.reviewLimit - (input.reviewsDoneToday[deckId] ?? 0),
  ).length;
  const news = takePerDeck(
    active.filter((s) => s.state === 0),
    (deckId) => input.newLimit - (input.newDoneToday[deckId] ?? 0),
  ).length;
  return { new: news, learning, due: dueReviews };
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
