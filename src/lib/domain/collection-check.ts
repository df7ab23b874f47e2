// "Check the collection", in the spirit of Anki's Check Database: finds what a damaged backup, a crash in an old
// version or a hand edit can leave behind, and works out the repair. Pure: the caller reads the tables, passes a
// scheduler built from the learner's settings, and writes the repair in one transaction. A repaired collection checks
// clean: every repair produces exactly what the next check expects.
import { cardBack, cardFront, noteOf, type Card } from './model';
import type { FsrsLogFields, FsrsStateFields, Scheduler } from './scheduler';
import { isPlausibleTime } from './time-range';
import { replayReviews } from './sync/replay';

export type CheckCard = Card & { deckId: string; suspended: 0 | 1; retired: 0 | 1; order: number; createdAt: number; updatedAt: number; editedAt?: number };
export type CheckState = FsrsStateFields & { cardId: string; deckId: string; inactive: 0 | 1 };
export type CheckReview = FsrsLogFields & { id?: number; cardId: string; deckId: string };

export interface CheckInput<C extends CheckCard, S extends CheckState, R extends CheckReview> {
  cards: C[];
  states: S[];
  reviews: R[];
}

export const FINDINGS = {
  'orphan-state': 'card states without a card (removed)',
  'orphan-review': 'reviews without a card (removed)',
  'missing-state': 'cards without a study state (rebuilt from their reviews)',
  'state-mismatch': 'study states that did not match their review history (replayed from the reviews)',
  'bad-review': 'reviews with a date outside 1970–2200 or an unknown grade (removed)',
  'bad-date': 'out-of-range dates or numbers (corrected)',
  'out-of-step': 'suspended, retired or deck fields out of step (aligned with the card)',
  'duplicate-sibling': 'duplicate sibling cards (the extra copies were retired, their history kept)',
} as const;
export type FindingKind = keyof typeof FINDINGS;

export interface CheckReport {
  counts: Partial<Record<FindingKind, number>>;
  total: number;
}

export interface CollectionRepair<C extends CheckCard, S extends CheckState> {
  report: CheckReport;
  putCards: C[];
  putStates: S[];
  deleteStates: string[];
  deleteReviews: number[];
}

const numbersOk = (s: FsrsStateFields) =>
  [s.stability, s.difficulty, s.elapsed_days, s.scheduled_days, s.learning_steps, s.reps, s.lapses].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) &&
  [0, 1, 2, 3].includes(s.state) &&
  isPlausibleTime(s.due) &&
  (s.last_review === undefined || isPlausibleTime(s.last_review));

/**
 * A card's state agrees with its reviews when it is New exactly when there are none and, when there are, its last
 * review is the latest one. (Counts and intervals depend on the settings at the time of each answer, so they are not
 * compared.)
 */
function matchesReviews(state: FsrsStateFields, times: number[]): boolean {
  if (times.length === 0) return state.state === 0 && state.last_review === undefined;
  return state.state !== 0 && state.last_review === times[times.length - 1];
}

/** The state the reviews lead to from a new card, with the current settings. */
function replay(scheduler: Scheduler, cardId: string, times: { review: number; rating: FsrsLogFields['rating'] }[], newDue: number): FsrsStateFields {
  return replayReviews(scheduler, cardId, times, newDue).state;
}

/** Siblings (same note, same deck) that say exactly the same thing: same kind, same front, same back. */
const siblingKey = (c: CheckCard) => `${c.deckId}\u241f${noteOf(c)}\u241f${c.kind}\u241f${cardFront(c).trim()}\u241f${cardBack(c).trim()}`;

export function checkCollection<C extends CheckCard, S extends CheckState, R extends CheckReview>(
  input: CheckInput<C, S, R>,
  now: number,
  scheduler: Scheduler,
): CollectionRepair<C, S> {
  const counts: Partial<Record<FindingKind, number>> = {};
  const found = (kind: FindingKind) => (counts[kind] = (counts[kind] ?? 0) + 1);
  const cards = new Map<string, C>();
  const putCards = new Map<string, C>();
  for (const card of input.cards) {
    let c = card;
    const fixTime = (v: number | undefined) => (v === undefined || isPlausibleTime(v) ? v : now);
    if (fixTime(c.createdAt) !== c.createdAt || fixTime(c.updatedAt) !== c.updatedAt || fixTime(c.editedAt) !== c.editedAt) {
      found('bad-date');
      c = { ...c, createdAt: fixTime(c.createdAt)!, updatedAt: fixTime(c.updatedAt)! };
      if (card.editedAt !== undefined) c.editedAt = fixTime(card.editedAt);
      putCards.set(c.id, c);
    }
    cards.set(c.id, c);
  }

  // Reviews: those of no card, or dated outside the believable range, go; the rest are grouped per card in time order.
  const deleteReviews: number[] = [];
  const history = new Map<string, CheckReview[]>();
  for (const r of input.reviews) {
    const kind: FindingKind | null = !cards.has(r.cardId) ? 'orphan-review' : !isPlausibleTime(r.review) || ![1, 2, 3, 4].includes(r.rating) ? 'bad-review' : null;
    if (kind) {
      found(kind);
      if (r.id !== undefined) deleteReviews.push(r.id);
      continue;
    }
    const list = history.get(r.cardId) ?? [];
    list.push(r);
    history.set(r.cardId, list);
  }
  for (const list of history.values()) list.sort((a, b) => a.review - b.review || (a.id ?? 0) - (b.id ?? 0));

  // Duplicate siblings: keep the copy with the most history (then the first in deck order); retire the others.
  const groups = new Map<string, C[]>();
  for (const c of cards.values()) {
    if (c.retired) continue;
    const key = siblingKey(c);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => (history.get(b.id)?.length ?? 0) - (history.get(a.id)?.length ?? 0) || a.order - b.order || (a.id < b.id ? -1 : 1));
    for (const extra of group.slice(1)) {
      found('duplicate-sibling');
      const retired = { ...extra, retired: 1 as const, updatedAt: now };
      cards.set(extra.id, retired);
      putCards.set(extra.id, retired);
    }
  }

  const deleteStates: string[] = [];
  const putStates: S[] = [];
  const states = new Map<string, S>();
  for (const s of input.states) {
    if (!cards.has(s.cardId)) {
      found('orphan-state');
      deleteStates.push(s.cardId);
    } else states.set(s.cardId, s);
  }
  for (const card of cards.values()) {
    const reviews = history.get(card.id) ?? [];
    const times = reviews.map((r) => r.review);
    const inactive: 0 | 1 = card.suspended || card.retired ? 1 : 0;
    const stored = states.get(card.id);
    if (stored && numbersOk(stored) && matchesReviews(stored, times)) {
      if (stored.deckId === card.deckId && stored.inactive === inactive) continue;
      found('out-of-step');
      putStates.push({ ...stored, deckId: card.deckId, inactive });
      continue;
    }
    found(!stored ? 'missing-state' : !numbersOk(stored) ? 'bad-date' : 'state-mismatch');
    const fields = replay(scheduler, card.id, reviews, card.createdAt);
    putStates.push({ ...fields, cardId: card.id, deckId: card.deckId, inactive } as S);
  }

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { report: { counts, total }, putCards: [...putCards.values()], putStates, deleteStates, deleteReviews };
}

/** One line per kind of finding, for the Settings screen. */
export function describeReport(report: CheckReport): string[] {
  return (Object.keys(FINDINGS) as FindingKind[]).filter((k) => report.counts[k]).map((k) => `${report.counts[k]} ${FINDINGS[k]}`);
}
