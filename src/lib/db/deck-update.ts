// Writes one deck update planned by domain/deck-update.ts (the rule built-in and class decks share). Call it inside a
// read-write transaction over decks, cards and states, so the whole version lands or none of it.
import { planDeckUpdate, type DeckUpdatePlan, type StoredCard } from '../domain/deck-update';
import type { Card } from '../domain/model';
import { db, type CardRecord, type CardStateRecord } from './db';
import { newStateRecord } from './records';

/** Reads what the update touches, plans it and writes the plan. The caller owns the transaction. */
export async function applyDeckUpdate(deckId: string, cards: readonly Card[], now: number): Promise<DeckUpdatePlan> {
  const ids = cards.map((c) => c.id);
  const [versionCards, versionStates, deckCards] = await Promise.all([
    db.cards.bulkGet(ids),
    db.states.bulkGet(ids),
    db.cards.where('deckId').equals(deckId).toArray(),
  ]);
  const stored = new Map<string, StoredCard>();
  for (const card of [...deckCards, ...versionCards]) if (card) stored.set(card.id, card);
  const states = new Map<string, CardStateRecord>();
  for (const state of versionStates) if (state) states.set(state.cardId, state);
  const inVersion = new Set(ids);
  const gone = deckCards.filter((c) => !inVersion.has(c.id));
  for (const state of await db.states.bulkGet(gone.map((c) => c.id))) if (state) states.set(state.cardId, state);

  const plan = planDeckUpdate({ deckId, cards, stored, states, now });
  await db.cards.bulkPut(plan.cards as CardRecord[]);
  await db.states.bulkPut(
    plan.states.map((write) => (write.create ? newStateRecord(write.cardId, deckId, now, write.noteId) : { ...states.get(write.cardId)!, noteId: write.noteId, inactive: write.inactive })),
  );
  return plan;
}
