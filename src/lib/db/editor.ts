// Deck editor writes. Each is one transaction; editing keeps the card id and its progress and marks it edited, so a
// later bundled-deck update leaves the learner's wording alone (the merge checks CardRecord.editedAt).
import type { Card, Deck } from '../domain/model';
import { FORMAT_VERSION, noteOf } from '../domain/model';
import { slugify, stableId } from '../domain/ids';
import { cardOfRecord, newCardRecord, newStateRecord } from './records';
import { dismissBundledDeck } from './bundled';
import { deleteImagesOfDeck } from './media';
import { db, type CardRecord, type DeckRecord } from './db';

export async function createDeck(title: string, now: number, description = ''): Promise<string> {
  const clean = title.trim() || 'Untitled deck';
  return db.transaction('rw', db.decks, async () => {
    let id = `user-${slugify(clean) || 'deck'}`;
    for (let n = 2; await db.decks.get(id); n++) id = `user-${slugify(clean) || 'deck'}-${n}`;
    await db.decks.add({ id, title: clean, description: description.trim(), tags: [], source: 'drydock editor', origin: 'user', createdAt: now, updatedAt: now });
    return id;
  });
}

export async function renameDeck(deckId: string, changes: { title?: string; description?: string }, now: number): Promise<void> {
  const update: Partial<DeckRecord> = { updatedAt: now };
  if (changes.title !== undefined) {
    if (!changes.title.trim()) throw new Error('A deck needs a title.');
    update.title = changes.title.trim();
  }
  if (changes.description !== undefined) update.description = changes.description.trim();
  const n = await db.decks.update(deckId, update);
  if (n === 0) throw new Error('This deck no longer exists.');
}

/** Deletes the deck with its cards, their states, their review history and the images only they show. */
export async function deleteDeck(deckId: string): Promise<void> {
  await db.transaction('rw', [db.decks, db.cards, db.states, db.reviews, db.settings, db.media], async () => {
    const deck = await db.decks.get(deckId);
    // A deleted built-in deck stays deleted: the start-up merge must not bring it back behind the learner's back.
    if (deck?.origin === 'bundled') await dismissBundledDeck(deckId);
    await deleteImagesOfDeck(deckId);
    await db.reviews.where('deckId').equals(deckId).delete();
    await db.states.where('deckId').equals(deckId).delete();
    await db.cards.where('deckId').equals(deckId).delete();
    await db.decks.delete(deckId);
  });
}

/** A fresh id for a card written in the editor: unique, not derived from content that will be edited later. */
export function newCardId(deckId: string, now: number): string {
  return stableId('editor', deckId, String(now), Math.random().toString(36));
}

export async function addCard(deckId: string, card: Card, now: number): Promise<string> {
  return (await addCards(deckId, [card], now))[0];
}

/** Adds cards at the end of the deck, in order, in one transaction; an empty or taken id gets a fresh one. */
export async function addCards(deckId: string, cards: Card[], now: number): Promise<string[]> {
  return db.transaction('rw', db.decks, db.cards, db.states, async () => {
    if (!(await db.decks.get(deckId))) throw new Error('This deck no longer exists.');
    const last = await db.cards.where('[deckId+order]').between([deckId, -Infinity], [deckId, Infinity]).last();
    let order = (last?.order ?? -1) + 1;
    const ids: string[] = [];
    for (const card of cards) {
      const id = card.id && !(await db.cards.get(card.id)) ? card.id : newCardId(deckId, now);
      await db.cards.add(newCardRecord({ ...card, id }, deckId, order++, now));
      await db.states.add(newStateRecord(id, deckId, now, noteOf({ ...card, id })));
      ids.push(id);
    }
    await db.decks.update(deckId, { updatedAt: now });
    return ids;
  });
}

/** Edits a card and adds the siblings its new content calls for (a cloze given more gaps), in one transaction; gives the siblings' ids. */
export async function editCardAddingSiblings(cardId: string, content: Card, siblings: Card[], now: number): Promise<string[]> {
  return db.transaction('rw', db.decks, db.cards, db.states, async () => {
    await editCard(cardId, content, now);
    const deckId = (await db.cards.get(cardId))!.deckId;
    return siblings.length ? addCards(deckId, siblings, now) : [];
  });
}

/**
 * Replaces the content; id, deck, order, suspension, the FSRS state and the note id (siblings) stay as they were.
 * The editor's form has no note id; content that brings one regroups the card, and its state follows.
 */
export async function editCard(cardId: string, content: Card, now: number): Promise<void> {
  await db.transaction('rw', db.cards, db.states, async () => {
    const old = await db.cards.get(cardId);
    if (!old) throw new Error('This card no longer exists.');
    const noteId = content.noteId ?? old.noteId;
    const record = { ...structuredClone(content), ...(noteId ? { noteId } : {}), id: cardId, deckId: old.deckId, order: old.order, suspended: old.suspended, retired: old.retired, createdAt: old.createdAt, updatedAt: now, editedAt: now } as CardRecord;
    await db.cards.put(record);
    await db.states.update(cardId, { noteId: noteOf(record) });
  });
}

export async function deleteCard(cardId: string): Promise<void> {
  await db.transaction('rw', db.cards, db.states, db.reviews, async () => {
    await db.reviews.where('cardId').equals(cardId).delete();
    await db.states.delete(cardId);
    await db.cards.delete(cardId);
  });
}

/** Suspending hides the card from study (state inactive) without touching its progress. */
export async function setSuspended(cardIds: string[], suspended: boolean, now: number): Promise<void> {
  await db.transaction('rw', db.cards, db.states, async () => {
    for (const card of await db.cards.bulkGet(cardIds)) {
      if (!card) continue;
      await db.cards.update(card.id, { suspended: suspended ? 1 : 0, updatedAt: now });
      await db.states.update(card.id, { inactive: suspended || card.retired ? 1 : 0 });
    }
  });
}

export async function cardsOfDeck(deckId: string): Promise<CardRecord[]> {
  return db.cards.where('[deckId+order]').between([deckId, -Infinity], [deckId, Infinity]).toArray();
}

/**
 * One page of the deck's card ids in deck order, retired ones included, each with its order (as cardsOfDeckFrom pages):
 * keys only, so a 100,000-card deck is sized without reading a card, a page at a time.
 */
export async function cardIdsOfDeckFrom(deckId: string, fromOrder: number, skip: number, limit: number): Promise<{ id: string; order: number }[]> {
  const page = () => {
    const range = db.cards.where('[deckId+order]').between([deckId, fromOrder], [deckId, Infinity], true, true);
    return (skip > 0 ? range.offset(skip) : range).limit(limit);
  };
  return db.transaction('r', db.cards, async () => {
    const [keys, ids] = await Promise.all([page().keys(), page().primaryKeys()]);
    return ids.map((id, i) => ({ id: id as string, order: (keys[i] as unknown as [string, number])[1] }));
  });
}

/**
 * One page of a deck read in order: up to `limit` cards from position `fromOrder` on, passing over the first `skip`
 * of them. The index sorts by order then id, so a page that ends inside a run of equal orders (cards added on two
 * devices at once can share one) goes on from that order, skipping the cards of it already read.
 */
export function cardsOfDeckFrom(deckId: string, fromOrder: number, skip: number, limit: number): Promise<CardRecord[]> {
  const range = db.cards.where('[deckId+order]').between([deckId, fromOrder], [deckId, Infinity], true, true);
  return (skip > 0 ? range.offset(skip) : range).limit(limit).toArray();
}

export async function cardsById(ids: string[]): Promise<(CardRecord | undefined)[]> {
  return db.cards.bulkGet(ids);
}

/** Decks in the exchange format, as they are now in the collection (retired cards left out). */
export async function decksForExport(deckIds: string[]): Promise<Deck[]> {
  return db.transaction('r', db.decks, db.cards, async () => {
    const decks: Deck[] = [];
    for (const id of deckIds) {
      const deck = await db.decks.get(id);
      if (!deck) continue;
      const cards = (await cardsOfDeck(id)).filter((c) => !c.retired).map(cardOfRecord);
      decks.push({ formatVersion: FORMAT_VERSION, id: deck.id, title: deck.title, description: deck.description, tags: [...deck.tags], source: deck.source, cards });
    }
    return decks;
  });
}

export interface DeckSummary {
  deck: DeckRecord;
  cards: number;
  suspended: number;
}

export async function listDecks(): Promise<DeckSummary[]> {
  return db.transaction('r', db.decks, db.cards, async () => {
    const decks = await db.decks.toArray();
    const counts = new Map<string, { cards: number; suspended: number }>();
    await db.cards.each((c) => {
      if (c.retired) return;
      const n = counts.get(c.deckId) ?? { cards: 0, suspended: 0 };
      n.cards++;
      n.suspended += c.suspended;
      counts.set(c.deckId, n);
    });
    return decks
      .map((deck) => ({ deck, ...(counts.get(deck.id) ?? { cards: 0, suspended: 0 }) }))
      .sort((a, b) => a.deck.title.localeCompare(b.deck.title));
  });
}

export function getDeck(deckId: string): Promise<DeckRecord | undefined> {
  return db.decks.get(deckId);
}
