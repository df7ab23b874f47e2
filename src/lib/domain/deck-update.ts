// The one rule for bringing a new version of a deck into a collection that may hold progress on an older one. Both the
// built-in decks shipped with the app and class decks published by an instructor update through it, so a learner's
// progress survives either in the same way:
// - cards are matched by id; a card new to the collection is added, with a New state;
// - a card whose text changed takes the new text and keeps its progress (state and history are never touched here);
// - a card gone from the version is retired: hidden from study, history kept, brought back if a later version has it;
// - a card the learner edited keeps the learner's text and is never retired; the change is reported as skipped;
// - a card id already used by another deck belongs to that deck and is left alone.
// Pure: the caller reads the rows, applies the plan's writes in one transaction, and passes `now`.
import { noteOf, type Card } from './model';
import type { CardRecord } from './records';

/** A card as the collection stores it (the stored record itself, from records.ts). */
export type StoredCard = CardRecord;

/** The part of a card's scheduling row the update looks at. */
export interface StoredStateFlags {
  noteId: string;
  inactive: 0 | 1;
}

export interface DeckUpdateInput {
  deckId: string;
  /** The new version's cards, in deck order. */
  cards: readonly Card[];
  /** Every stored card with an id in `cards` or with this deck id (other decks' cards only when they share an id). */
  stored: ReadonlyMap<string, StoredCard>;
  /** Scheduling rows of those cards, by card id. */
  states: ReadonlyMap<string, StoredStateFlags>;
  now: number;
}

/** A scheduling row to write: a fresh New state, or the existing row with these fields replaced. */
export type StateWrite = { cardId: string; create: true; noteId: string } | { cardId: string; create: false; noteId: string; inactive: 0 | 1 };

export interface DeckUpdatePlan {
  /** Card rows to put (whole rows). */
  cards: StoredCard[];
  states: StateWrite[];
  /** Card ids, each in the new version's order (retired: in the deck's old order). */
  added: string[];
  changed: string[];
  retired: string[];
  /** Retired cards the new version brings back. */
  revived: string[];
  /** Changed in the new version but kept as the learner edited them. */
  skippedEdited: string[];
  /** Ids the new version shares with another deck's cards: left with that deck. */
  foreign: string[];
}

/** Key order does not matter when deciding whether a card's content changed. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The exchange-format card inside a stored row, without collection bookkeeping. */
export function cardOfStored(stored: StoredCard): Card {
  const { deckId: _d, order: _o, suspended: _s, retired: _r, editedAt: _e, createdAt: _c, updatedAt: _u, ...card } = stored;
  return card as Card;
}

const sameContent = (a: StoredCard, b: Card) => canonicalJson(cardOfStored(a)) === canonicalJson(b);

export function planDeckUpdate({ deckId, cards, stored, states, now }: DeckUpdateInput): DeckUpdatePlan {
  const plan: DeckUpdatePlan = { cards: [], states: [], added: [], changed: [], retired: [], revived: [], skippedEdited: [], foreign: [] };
  cards.forEach((card, order) => {
    const existing = stored.get(card.id);
    const state = states.get(card.id);
    if (!existing) {
      plan.cards.push({ ...structuredClone(card), deckId, order, suspended: 0, retired: 0, createdAt: now, updatedAt: now } as StoredCard);
      if (!state) plan.states.push({ cardId: card.id, create: true, noteId: noteOf(card) });
      plan.added.push(card.id);
      return;
    }
    if (existing.deckId !== deckId) {
      plan.foreign.push(card.id);
      return;
    }
    const edited = existing.editedAt !== undefined;
    let next: StoredCard = existing;
    if (!sameContent(existing, card)) {
      if (edited) plan.skippedEdited.push(card.id);
      else {
        next = { ...structuredClone(card), deckId, order, suspended: existing.suspended, retired: existing.retired, createdAt: existing.createdAt, updatedAt: now } as StoredCard;
        plan.changed.push(card.id);
      }
    }
    // The learner's own cards keep the place they gave them.
    if (!edited && next.order !== order) next = { ...next, order };
    const revived = next.retired === 1;
    if (revived) {
      next = { ...next, retired: 0, updatedAt: now };
      plan.revived.push(card.id);
    }
    // A content update may regroup siblings: the state follows the card's note id.
    if (!state) plan.states.push({ cardId: card.id, create: true, noteId: noteOf(next) });
    else if (revived || state.noteId !== noteOf(next)) plan.states.push({ cardId: card.id, create: false, noteId: noteOf(next), inactive: revived ? next.suspended : state.inactive });
    if (next !== existing) plan.cards.push(next);
  });

  const inVersion = new Set(cards.map((c) => c.id));
  const gone = [...stored.values()]
    .filter((c) => c.deckId === deckId && !inVersion.has(c.id) && c.retired === 0 && c.editedAt === undefined)
    .sort((a, b) => a.order - b.order);
  for (const card of gone) {
    plan.cards.push({ ...card, retired: 1, updatedAt: now });
    const state = states.get(card.id);
    if (state) plan.states.push({ cardId: card.id, create: false, noteId: state.noteId, inactive: 1 });
    plan.retired.push(card.id);
  }
  return plan;
}
