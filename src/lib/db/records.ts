// Constructors for stored rows, so every writer (bundled merge, import, editor, restore) creates them alike.
import type { Card } from '../domain/model';
import type { CardRecord, CardStateRecord } from './db';

export function newCardRecord(card: Card, deckId: string, order: number, now: number): CardRecord {
  return { ...structuredClone(card), deckId, order, suspended: 0, retired: 0, createdAt: now, updatedAt: now } as CardRecord;
}

/** A never-studied card: FSRS state New, due now. Pass the card's noteOf(card) when it has siblings. */
export function newStateRecord(cardId: string, deckId: string, now: number, noteId = cardId): CardStateRecord {
  return {
    cardId,
    deckId,
    noteId,
    due: now,
    stability: 0,
    difficulty: 0,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
    inactive: 0,
  };
}

/** The exchange-format card inside a stored record, without collection bookkeeping. */
export function cardOfRecord(record: CardRecord): Card {
  const { deckId: _d, order: _o, suspended: _s, retired: _r, editedAt: _e, createdAt: _c, updatedAt: _u, ...card } = record;
  return card as Card;
}
