// Counting in steps must give exactly what count() gives (ties in the index included, around every step boundary),
// let another screen's read through before it ends, and stop when the screen that asked has closed.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { countInSteps } from '../../../src/lib/db/count-in-steps';
import { countActiveCards, countReviews } from '../../../src/lib/db/optimizer';
import { newStateRecord } from '../../../src/lib/db/records';

const NOW = Date.UTC(2026, 11, 3, 9);
const ACTIVE = IDBKeyRange.bound([0, -Infinity], [0, Infinity]);

/** `n` states: a third due at one moment (as an import leaves them), every fifth suspended. */
async function seedStates(n: number) {
  await db.states.bulkPut(
    Array.from({ length: n }, (_, i) => ({ ...newStateRecord(`c${String(i).padStart(5, '0')}`, 'd', i % 3 === 0 ? NOW : NOW + i * 1000), inactive: i % 5 === 0 ? 1 : 0 })),
  );
}

const activeByCount = () => db.states.where('[inactive+due]').between([0, -Infinity], [0, Infinity]).count();

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('countInSteps', () => {
  it('counts what count() counts, for sizes around the step and ties in the index', async () => {
    for (const n of [0, 1, 2, 7, 8, 9, 15, 16, 17, 40, 123]) {
      await db.states.clear();
      await seedStates(n);
      const expected = await activeByCount();
      for (const step of [1, 3, 8, 16, 1024]) {
        expect(await countInSteps('states', '[inactive+due]', ACTIVE, { step }), `${n} states, step ${step}`).toBe(expected);
      }
      expect(await countInSteps('states', null, null, { step: 8 }), `${n} states, the whole store`).toBe(n);
      expect(await countInSteps('states', null, null, { step: 8, limit: 11 }), `${n} states, up to 11`).toBe(Math.min(n, 11));
      expect(await countInSteps('states', '[inactive+due]', ACTIVE, { step: 4, limit: 9 }), `${n} states, up to 9`).toBe(Math.min(expected, 9));
    }
  });

  it("another screen's read is served before a long count ends", async () => {
    await seedStates(600);
    await db.decks.put({ id: 'd', title: 'D', description: '', tags: [], source: 's', origin: 'user', createdAt: NOW, updatedAt: NOW });
    const order: string[] = [];
    const counting = countInSteps('states', '[inactive+due]', ACTIVE, { step: 8 }).then((n) => order.push(`count ${n}`));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const reading = db.decks.get('d').then((d) => order.push(`deck ${d?.title}`));
    await Promise.all([counting, reading]);
    expect(order).toEqual(['deck D', `count ${await activeByCount()}`]);
  });

  it('stops with null once the screen that asked has closed', async () => {
    await seedStates(500);
    let steps = 0;
    expect(await countInSteps('states', '[inactive+due]', ACTIVE, { step: 16, stopped: () => ++steps > 3 })).toBeNull();
    expect(steps).toBe(4);
  });

  it('a count made while answers are written is exact for the moment it began or after', async () => {
    await seedStates(400);
    const before = await activeByCount();
    const counting = countInSteps('states', '[inactive+due]', ACTIVE, { step: 8 });
    const writing = db.states.put({ ...newStateRecord('z-new', 'd', NOW), inactive: 0 });
    const [counted] = await Promise.all([counting, writing]);
    expect([before, before + 1]).toContain(counted);
    expect(await countInSteps('states', '[inactive+due]', ACTIVE, { step: 8 })).toBe(before + 1);
  });
});

describe("the Settings screen's counts", () => {
  it('count the cards in study and the reviews, and stop when Settings closes', async () => {
    await seedStates(50);
    await db.reviews.bulkAdd(Array.from({ length: 30 }, (_, i) => ({ cardId: 'c00001', deckId: 'd', rating: 3 as const, state: 2 as const, due: NOW, stability: 1, difficulty: 5, elapsed_days: 1, last_elapsed_days: 1, scheduled_days: 1, learning_steps: 0, review: NOW + i, durationMs: 1000, source: 'study' as const })));
    expect(await countActiveCards()).toBe(40);
    expect(await countReviews()).toBe(30);
    expect(await countActiveCards(() => true)).toBeNull();
    expect(await countReviews(() => true)).toBeNull();
  });
});
