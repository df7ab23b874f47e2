// Reads for the deck list and the study session: states (with new-card order) without loading card content,
// and card content only for the cards about to be shown.
import Dexie from 'dexie';
import { db, type CardRecord, type CardStateRecord, type DeckRecord } from './db';

export type StudyState = CardStateRecord & { order: number; deckRank?: number };

/** Decks as the deck list orders them: by title. */
export const byDeckTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);

/** Card ids of a deck in deck order, read from the [deckId+order] index alone. */
async function orderedIds(deckId: string): Promise<string[]> {
  return (await db.cards.where('[deckId+order]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).primaryKeys()) as string[];
}

/** States of one deck, or of every deck when deckId is null; optionally only cards with a tag. */
export async function loadStudyStates(deckId: string | null, tag?: string): Promise<StudyState[]> {
  return db.transaction('r', db.decks, db.cards, db.states, async () => {
    const states = deckId ? await db.states.where('deckId').equals(deckId).toArray() : await db.states.toArray();
    const deckIds = [...new Set(states.map((s) => s.deckId))];
    const order = new Map<string, number>();
    for (const id of deckIds) (await orderedIds(id)).forEach((cardId, i) => order.set(cardId, i));
    const rank = new Map((await db.decks.toArray()).sort(byDeckTitle).map((d, i) => [d.id, i]));
    let result = states.map((s) => ({ ...s, order: order.get(s.cardId) ?? Number.MAX_SAFE_INTEGER, deckRank: rank.get(s.deckId) ?? Number.MAX_SAFE_INTEGER }));
    if (tag) {
      const tagged = new Set((await db.cards.where('tags').equals(tag).primaryKeys()) as string[]);
      result = result.filter((s) => tagged.has(s.cardId));
    }
    return result;
  });
}

export async function loadCards(ids: string[]): Promise<Map<string, CardRecord>> {
  const cards = await db.cards.bulkGet(ids);
  return new Map(cards.filter((c): c is CardRecord => !!c).map((c) => [c.id, c]));
}

export function listDecks(): Promise<DeckRecord[]> {
  return db.decks.toArray();
}
