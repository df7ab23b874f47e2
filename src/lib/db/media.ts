// Stored images for the card renderer (src/lib/ui/media-images.ts) and the .apkg export.
import type { Deck } from '../domain/model';
import { mediaIdsIn } from '../io/media';
import { db, type MediaRecord } from './db';

export async function mediaById(id: string): Promise<MediaRecord | undefined> {
  return db.media.get(id);
}

/**
 * Inside the transaction that deletes a deck (before its cards go): removes the images only its cards show, and those
 * its import brought that no other card shows. An image a card of another deck shows stays.
 */
export async function deleteImagesOfDeck(deckId: string): Promise<void> {
  const unused = new Set(await db.media.where('deckId').equals(deckId).primaryKeys());
  await db.cards.where('deckId').equals(deckId).each((card) => mediaIdsIn(JSON.stringify(card)).forEach((id) => unused.add(id)));
  if (unused.size === 0) return;
  await db.cards.where('deckId').notEqual(deckId).each((card) => mediaIdsIn(JSON.stringify(card)).forEach((id) => unused.delete(id)));
  await db.media.bulkDelete([...unused]);
}

/** Ids of the stored images no card shows ("Check the collection" removes them). */
export function orphanImages(mediaIds: string[], cards: object[]): string[] {
  const shown = new Set(cards.flatMap((card) => mediaIdsIn(JSON.stringify(card))));
  return mediaIds.filter((id) => !shown.has(id));
}

/** The stored images the decks' cards show, for an export that carries them. */
export async function mediaOfDecks(decks: Deck[]): Promise<MediaRecord[]> {
  const ids = [...new Set(decks.flatMap((d) => d.cards.flatMap((c) => mediaIdsIn(JSON.stringify(c)))))];
  return (await db.media.bulkGet(ids)).filter((m): m is MediaRecord => m !== undefined);
}
