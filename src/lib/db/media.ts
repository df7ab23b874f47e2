// Stored images for the card renderer (src/lib/ui/media-images.ts) and the .apkg export.
import type { Deck } from '../domain/model';
import { mediaIdsIn } from '../io/media';
import { db, type MediaRecord } from './db';

export async function mediaById(id: string): Promise<MediaRecord | undefined> {
  return db.media.get(id);
}

/** The stored images the decks' cards show, for an export that carries them. */
export async function mediaOfDecks(decks: Deck[]): Promise<MediaRecord[]> {
  const ids = [...new Set(decks.flatMap((d) => d.cards.flatMap((c) => mediaIdsIn(JSON.stringify(c)))))];
  return (await db.media.bulkGet(ids)).filter((m): m is MediaRecord => m !== undefined);
}
