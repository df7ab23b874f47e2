// The study slice: what a session reads through the indexes must give the same queue as every state of its decks.
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Dexie from 'dexie';
import { db, DrydockDB, type CardStateRecord } from '../../../src/lib/db/db';
import { loadStudySlice, loadStudyStates, nextDueOf } from '../../../src/lib/db/study-data';
import { buildQueue, nextDueAfter, type QueueInput, type QueueMode } from '../../../src/lib/domain/queue';
import { V6_STORES } from './schema-v6';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime();
const MIN = 60_000;
const DAY = 86_400_000;
const CUTOFF = new Date(2026, 10, 3).getTime() - 1;

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

interface Row {
  deck: 'a' | 'b';
  note: number;
  state: 0 | 1 | 2 | 3;
  dueMin: number;
  inactive: 0 | 1;
}

async function seed(rows: Row[]): Promise<void> {
  await db.decks.bulkPut(['a', 'b'].map((id) => ({ id, title: id === 'a' ? 'Zeta' : 'Alpha', description: '', tags: [], source: 't', origin: 'user' as const, createdAt: NOW, updatedAt: NOW })));
  // Deck order is not id order: new cards must come in deck order.
  await db.cards.bulkPut(rows.map((r, i) => ({ id: `c${String(i).padStart(3, '0')}`, kind: 'basic' as const, tags: [], prompt: 'q', answer: 'a', noteId: `n${r.note}`, deckId: r.deck, order: (i * 7) % rows.length, suspended: r.inactive, retired: 0, createdAt: NOW, updatedAt: NOW })));
  await db.states.bulkPut(
    rows.map((r, i): CardStateRecord => ({
      cardId: `c${String(i).padStart(3, '0')}`,
      deckId: r.deck,
      noteId: `n${r.note}`,
      state: r.state,
      due: r.state === 0 ? NOW - DAY : NOW + r.dueMin * MIN,
      stability: 1 + (i % 7),
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reps: r.state === 0 ? 0 : 2,
      lapses: 0,
      last_review: r.state === 0 ? undefined : NOW - ((i % 5) + 1) * DAY,
      inactive: r.inactive,
    })),
  );
}

const rows = fc.array(
  fc.record({
    deck: fc.constantFrom<'a' | 'b'>('a', 'b'),
    note: fc.integer({ min: 0, max: 12 }),
    state: fc.constantFrom<0 | 1 | 2 | 3>(0, 0, 0, 1, 2, 2, 2, 3),
    dueMin: fc.integer({ min: -5 * 24 * 60, max: 5 * 24 * 60 }),
    inactive: fc.constantFrom<0 | 1>(0, 0, 0, 1),
  }),
  { minLength: 1, maxLength: 120 },
);

describe('loadStudySlice', () => {
  it.each<QueueMode>(['normal', 'extra-new', 'ahead', 'weakest'])('gives the queue every state would give, one deck or all (%s)', async (mode) => {
    await fc.assert(
      fc.asyncProperty(rows, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), async (collection, newLimit, reviewLimit, doneA) => {
        await Promise.all([db.decks.clear(), db.cards.clear(), db.states.clear()]);
        await seed(collection);
        // Today's answers bury siblings: the first rows' notes were answered today.
        const answeredToday = collection.slice(0, 3).map((r, i) => ({ cardId: `x${i}`, deckId: r.deck, noteId: `n${r.note}` }));
        const input: Omit<QueueInput, 'states'> = { newDoneToday: { a: doneA }, reviewsDoneToday: { b: doneA }, answeredToday, now: NOW, newLimit, reviewLimit, reviewCutoff: CUTOFF, mode, extraNew: 2, aheadCount: 3, weakestCount: 4 };
        for (const deckIds of [['a'], ['a', 'b']]) {
          const every = deckIds.length === 1 ? await loadStudyStates('a') : await loadStudyStates(null);
          const slice = await loadStudySlice(deckIds, input);
          expect(buildQueue({ ...input, states: slice })).toEqual(buildQueue({ ...input, states: every }));
          expect(slice.length).toBeLessThanOrEqual(every.length);
          expect(await nextDueOf(deckIds, NOW)).toBe(nextDueAfter(every, NOW));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reads a bounded slice of a large deck: the due reviews and new cards today allows, not every state', async () => {
    await seed(Array.from({ length: 2000 }, (_, i): Row => ({ deck: 'a', note: i, state: i % 2 === 0 ? 0 : 2, dueMin: (i % 20) * 60 * 24 - 24 * 60, inactive: 0 })));
    const input: Omit<QueueInput, 'states'> = { newDoneToday: {}, reviewsDoneToday: {}, now: NOW, newLimit: 20, reviewLimit: 200, reviewCutoff: CUTOFF };
    const slice = await loadStudySlice(['a'], input);
    expect(buildQueue({ ...input, states: slice })).toEqual(buildQueue({ ...input, states: await loadStudyStates('a') }));
    expect(slice.length).toBeLessThan(200);
  });

  it('reads further when siblings buried past the first bound would leave today short', async () => {
    // The 80 earliest reviews and the first 80 new cards belong to two notes each; the cards after them to their own.
    const crowded = Array.from({ length: 80 }, (_, i): Row => ({ deck: 'a', note: i % 2, state: 2, dueMin: -2000 + i, inactive: 0 }));
    const spread = Array.from({ length: 10 }, (_, i): Row => ({ deck: 'a', note: 100 + i, state: 2, dueMin: -100 + i, inactive: 0 }));
    const newCrowd = Array.from({ length: 80 }, (_, i): Row => ({ deck: 'a', note: 200 + (i % 2), state: 0, dueMin: 0, inactive: 0 }));
    const newSpread = Array.from({ length: 10 }, (_, i): Row => ({ deck: 'a', note: 300 + i, state: 0, dueMin: 0, inactive: 0 }));
    await seed([...crowded, ...spread, ...newCrowd, ...newSpread]);
    // Deck order follows the row order here.
    await db.cards.toCollection().modify((c) => {
      c.order = Number(c.id.slice(1));
    });
    const input: Omit<QueueInput, 'states'> = { newDoneToday: {}, reviewsDoneToday: {}, now: NOW, newLimit: 5, reviewLimit: 5, reviewCutoff: CUTOFF };
    const queue = buildQueue({ ...input, states: await loadStudySlice(['a'], input) });
    expect(queue).toEqual(buildQueue({ ...input, states: await loadStudyStates('a') }));
    expect(queue.filter((q) => q.kind === 'review')).toHaveLength(5);
    expect(queue.filter((q) => q.kind === 'new')).toHaveLength(5);
  });
});

describe('version 7: the [deckId+inactive+state+due] index', () => {
  it('is built from states a version-6 database wrote, and the slice reads through it', async () => {
    const name = `drydock-v6-${Math.random()}`;
    const v6 = new Dexie(name);
    v6.version(6).stores(V6_STORES);
    const state = (cardId: string, s: 0 | 2, due: number, inactive: 0 | 1 = 0) => ({ cardId, deckId: 'd', noteId: cardId, state: s, due, stability: 3, difficulty: 5, elapsed_days: 0, scheduled_days: 3, learning_steps: 0, reps: s ? 2 : 0, lapses: 0, inactive });
    await v6.table('states').bulkAdd([state('due', 2, NOW - DAY), state('later', 2, NOW + 3 * DAY), state('new', 0, NOW - DAY), state('off', 2, NOW - DAY, 1)]);
    v6.close();

    const upgraded = new DrydockDB(name);
    try {
      const due = await upgraded.states.where('[deckId+inactive+state+due]').between(['d', 0, 2, -Infinity], ['d', 0, 2, CUTOFF]).primaryKeys();
      expect(due).toEqual(['due']);
      expect(await upgraded.states.count()).toBe(4);
      expect(await upgraded.states.get('later')).toEqual(state('later', 2, NOW + 3 * DAY));
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});
