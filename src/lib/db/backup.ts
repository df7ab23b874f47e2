// Full backup and restore of the collection, images included. Restore replaces every table in one transaction: all or
// nothing.
import type { CollectionSnapshot } from '../io/backup';
import { db } from './db';
import { estimateBytes, writeFailureMessage } from './storage-errors';

const TABLES = ['decks', 'cards', 'states', 'reviews', 'settings'] as const;

export async function snapshotCollection(): Promise<CollectionSnapshot> {
  return db.transaction('r', [db.decks, db.cards, db.states, db.reviews, db.settings, db.media], async () => ({
    decks: await db.decks.toArray(),
    cards: await db.cards.toArray(),
    states: await db.states.toArray(),
    reviews: await db.reviews.toArray(),
    settings: await db.settings.toArray(),
    media: await db.media.toArray(),
  }));
}

export type CollectionCounts = Record<(typeof TABLES)[number], number>;

export async function countCollection(): Promise<CollectionCounts> {
  return db.transaction('r', [db.decks, db.cards, db.states, db.reviews, db.settings], async () => ({
    decks: await db.decks.count(),
    cards: await db.cards.count(),
    states: await db.states.count(),
    reviews: await db.reviews.count(),
    settings: await db.settings.count(),
  }));
}

export const countsOf = (s: CollectionSnapshot): CollectionCounts => ({
  decks: s.decks.length,
  cards: s.cards.length,
  states: s.states.length,
  reviews: s.reviews.length,
  settings: s.settings.length,
});

export class RestoreError extends Error {}

/**
 * Replaces the whole collection with the (already validated) snapshot. Reviews get fresh keys in snapshot order: an id
 * from a file never reaches the key generator. On any failure the transaction rolls back and a RestoreError carries a
 * message for the learner (how much space was needed, when the quota was hit).
 */
export async function restoreCollection(snapshot: CollectionSnapshot): Promise<void> {
  try {
    await db.transaction('rw', [db.decks, db.cards, db.states, db.reviews, db.settings, db.media], async () => {
      await Promise.all([...TABLES, 'media'].map((t) => db.table(t).clear()));
      await db.decks.bulkAdd(snapshot.decks);
      await db.cards.bulkAdd(snapshot.cards);
      await db.states.bulkAdd(snapshot.states);
      await db.reviews.bulkAdd(snapshot.reviews.map(({ id: _id, ...review }) => review));
      await db.settings.bulkAdd(snapshot.settings);
      await db.media.bulkAdd(snapshot.media ?? []);
    });
  } catch (e) {
    throw new RestoreError(await writeFailureMessage('this restore', e, estimateBytes(snapshot)));
  }
}
