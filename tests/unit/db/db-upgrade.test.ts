// Schema upgrades, each tested on data the previous version wrote.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DrydockDB } from '../../../src/lib/db/db';
import { writeV1Database } from '../../fixtures/db-v1';
import { V6_STORES } from './schema-v6';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime();
const NAME = 'drydock-upgrade-test';

const fsrs = { due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0 };
const studied = { ...fsrs, due: NOW + 86_400_000, stability: 3.2, difficulty: 5.1, reps: 2, state: 2, last_review: NOW - 1000 };
const cardRow = (id: string, noteId?: string) => ({ id, kind: 'basic', tags: [], prompt: `Q ${id}`, answer: 'A', ...(noteId ? { noteId } : {}), deckId: 'd', order: 0, suspended: 0, retired: 0, createdAt: NOW, updatedAt: NOW });

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('version 2: note ids on states', () => {
  it('copies each card’s note id onto its state (its own id when it has none) and leaves progress alone', async () => {
    const v1States = [
      { cardId: 'basic', deckId: 'd', inactive: 0, ...studied },
      { cardId: 'cloze', deckId: 'd', inactive: 0, ...fsrs },
      { cardId: 'alone', deckId: 'd', inactive: 1, ...fsrs },
      { cardId: 'orphan', deckId: 'd', inactive: 0, ...fsrs },
    ];
    await writeV1Database(NAME, {
      decks: [{ id: 'd', title: 'D', description: '', tags: [], source: 's', origin: 'bundled', createdAt: NOW, updatedAt: NOW }],
      cards: [cardRow('basic', 'note-create'), cardRow('cloze', 'note-create'), cardRow('alone')],
      states: v1States,
      reviews: [{ cardId: 'basic', deckId: 'd', rating: 3, state: 0, due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review: NOW - 1000, durationMs: 5, source: 'study' }],
    });

    const upgraded = new DrydockDB(NAME);
    const states = await upgraded.states.orderBy('cardId').toArray();
    expect(upgraded.verno).toBeGreaterThanOrEqual(2);
    expect(states.map((s) => [s.cardId, s.noteId])).toEqual([
      ['alone', 'alone'],
      ['basic', 'note-create'],
      ['cloze', 'note-create'],
      ['orphan', 'orphan'],
    ]);
    // Everything else is exactly as version 1 wrote it.
    const byId = new Map(v1States.map((s) => [s.cardId, s]));
    for (const { noteId: _n, ...rest } of states) expect(rest).toEqual(byId.get(rest.cardId));
    expect(await upgraded.cards.count()).toBe(3);
    expect(await upgraded.reviews.count()).toBe(1);
    expect((await upgraded.cards.get('basic'))?.noteId).toBe('note-create');
    upgraded.close();
  });
});

describe('version 4: images table', () => {
  it('opens a version 1 collection unchanged, with an empty media table that takes images', async () => {
    await writeV1Database(NAME, {
      decks: [{ id: 'd', title: 'D', description: '', tags: [], source: 's', origin: 'imported', createdAt: NOW, updatedAt: NOW }],
      cards: [cardRow('a')],
      states: [{ cardId: 'a', deckId: 'd', inactive: 0, ...fsrs }],
      reviews: [],
    });
    const upgraded = new DrydockDB(NAME);
    expect(await upgraded.cards.count()).toBe(1);
    expect(await upgraded.media.count()).toBe(0);
    await upgraded.media.add({ id: 'f'.repeat(64), deckId: 'd', type: 'image/png', name: 'a.png', bytes: new Uint8Array([1]), createdAt: NOW });
    expect(await upgraded.media.where('deckId').equals('d').count()).toBe(1);
    upgraded.close();
  });
});

describe('version 7: states by kind and due time', () => {
  it('indexes the states a version 6 collection holds, so the deck list counts them', async () => {
    const v6 = new Dexie(NAME);
    v6.version(6).stores(V6_STORES);
    const rows = [
      { cardId: 'new', deckId: 'd', noteId: 'new', inactive: 0, ...fsrs },
      { cardId: 'due', deckId: 'd', noteId: 'due', inactive: 0, ...studied, due: NOW - 1000 },
      { cardId: 'later', deckId: 'd', noteId: 'later', inactive: 0, ...studied },
      { cardId: 'suspended', deckId: 'd', noteId: 'suspended', inactive: 1, ...studied, due: NOW - 2000 },
    ];
    await v6.table('states').bulkPut(rows);
    v6.close();

    const upgraded = new DrydockDB(NAME);
    const reviews = await upgraded.states.where('[deckId+inactive+state+due]').between(['d', 0, 2, -Infinity], ['d', 0, 2, NOW]).primaryKeys();
    const fresh = await upgraded.states.where('[deckId+inactive+state+due]').between(['d', 0, 0, -Infinity], ['d', 0, 0, Infinity]).primaryKeys();
    expect(upgraded.verno).toBeGreaterThanOrEqual(7);
    expect(reviews).toEqual(['due']);
    expect(fresh).toEqual(['new']);
    expect((await upgraded.states.orderBy('cardId').toArray()).map(({ cardId, due }) => [cardId, due])).toEqual(rows.map(({ cardId, due }) => [cardId, due]).sort());
    upgraded.close();
  });
});
