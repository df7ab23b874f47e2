// A restore on a syncing device reaches its other devices: the outbox carries what it changes (the deleted deck card
// comes back, answers made after the backup go), so the other device ends with the same collection.
import { afterEach, describe, expect, it } from 'vitest';
import { db, DrydockDB } from '../../../src/lib/db/db';
import { newCardRecord, newStateRecord } from '../../../src/lib/db/records';
import { answerCard } from '../../../src/lib/db/study';
import { restoreCollection, snapshotCollection } from '../../../src/lib/db/backup';
import { createSpace, joinWithCode, syncRound } from '../../../src/lib/sync/engine';
import type { Card } from '../../../src/lib/domain/model';
import { MemoryServer } from './memory-transport';

const BASE = 'http://127.0.0.1:4173/';
const T0 = new Date(2026, 10, 2, 9, 0, 0).getTime();
const other = new DrydockDB(`restore-other-${Math.random()}`);

afterEach(async () => {
  await Promise.all([...db.tables, ...other.tables].map((t) => t.clear()));
});

const reviewsOf = async (d: DrydockDB) => (await d.reviews.toArray()).map((r) => `${r.cardId} ${r.rating} ${r.review}`).sort();
const cardsOf = async (d: DrydockDB) => (await d.cards.toArray()).map(({ retired: _r, ...c }) => c).sort((a, b) => (a.id < b.id ? -1 : 1));

describe('restore under sync', () => {
  it('the other device ends with the restored collection: answers made after the backup go, the deck comes back', async () => {
    const server = new MemoryServer();
    await db.transaction('rw', [db.decks, db.cards, db.states], async () => {
      await db.decks.put({ id: 'd1', title: 'Deck', description: '', tags: [], source: 'test', origin: 'user', createdAt: T0, updatedAt: T0 });
      await db.cards.bulkPut(['c1', 'c2', 'c3'].map((id, i) => newCardRecord({ id, kind: 'basic', tags: [], prompt: `Q ${id}?`, answer: 'A.' } as Card, 'd1', i, T0)));
      await db.states.bulkPut(['c1', 'c2', 'c3'].map((id) => newStateRecord(id, 'd1', T0)));
    });
    const { code } = await createSpace({ transport: server.transport(), database: db }, 'Phone', BASE);
    await answerCard({ cardId: 'c1', rating: 3, now: T0 + 60_000, durationMs: 1000, source: 'study' });
    await answerCard({ cardId: 'c2', rating: 1, now: T0 + 120_000, durationMs: 1000, source: 'study' });
    const backup = await snapshotCollection();

    await answerCard({ cardId: 'c3', rating: 4, now: T0 + 180_000, durationMs: 1000, source: 'study' });
    await db.transaction('rw', [db.cards, db.states, db.reviews], async () => {
      await db.reviews.where('cardId').equals('c2').delete();
      await db.states.delete('c2');
      await db.cards.delete('c2');
    });
    await syncRound({ transport: server.transport(), database: db });
    await joinWithCode({ transport: server.transport(), database: other }, code, 'Laptop');
    await syncRound({ transport: server.transport(), database: other });
    expect(await reviewsOf(other)).toHaveLength(2);
    expect(await other.cards.get('c2')).toBeUndefined();

    await restoreCollection(backup);
    await syncRound({ transport: server.transport(), database: db });
    await syncRound({ transport: server.transport(), database: other });

    expect(await reviewsOf(other)).toEqual(await reviewsOf(db));
    expect(await reviewsOf(other)).toHaveLength(2);
    expect(await cardsOf(other)).toEqual(await cardsOf(db));
    expect(await other.states.get('c2')).toMatchObject({ reps: 1, lapses: 0 });
  });
});
