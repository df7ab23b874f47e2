import { beforeEach, describe, expect, test } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { checkAndRepairCollection, startupSelfCheck } from '../../../src/lib/db/check';
import { applyImport, planImport } from '../../../src/lib/db/imports';
import { answerCard } from '../../../src/lib/db/study';
import type { Card } from '../../../src/lib/domain/model';

const NOW = Date.UTC(2026, 10, 20, 9);

beforeEach(async () => {
  await db.delete();
  await db.open();
  const cards: Card[] = ['a', 'b', 'c'].map((id) => ({ id, kind: 'basic', tags: [], prompt: `Q ${id}`, answer: 'A' }));
  await applyImport(await planImport([{ formatVersion: 1, id: 'd', title: 'D', description: '', tags: [], source: 's', cards }]), 'skip', NOW);
  await answerCard({ cardId: 'a', rating: 3, now: NOW + 1000, durationMs: 1000, source: 'study' });
});

describe('check the collection (database)', () => {
  test('a collection the app wrote checks clean', async () => {
    expect(await checkAndRepairCollection(NOW + 2000, { repair: true })).toEqual({ counts: {}, total: 0 });
  });

  test('finds and repairs in one transaction; the second run finds nothing and studying works', async () => {
    await db.states.delete('b');
    await db.states.put({ ...(await db.states.get('c'))!, cardId: 'ghost' });
    await db.states.update('c', { due: 1e308, inactive: 1 });
    await db.reviews.add({ cardId: 'ghost', deckId: 'd', rating: 3, state: 0, due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review: NOW, durationMs: 1, source: 'study' });
    await db.states.update('a', { state: 0, last_review: undefined });

    expect((await startupSelfCheck(NOW + 2000))?.total).toBe(5);
    expect(await db.states.get('b')).toBeUndefined(); // the start-up check only finds

    const first = await checkAndRepairCollection(NOW + 2000, { repair: true });
    expect(first.counts).toEqual({ 'orphan-state': 1, 'orphan-review': 1, 'missing-state': 1, 'bad-date': 1, 'state-mismatch': 1 });
    expect(await checkAndRepairCollection(NOW + 3000, { repair: true })).toEqual({ counts: {}, total: 0 });
    expect(await db.states.get('a')).toMatchObject({ state: expect.any(Number), last_review: NOW + 1000 });
    expect((await db.states.get('a'))!.state).not.toBe(0);
    await answerCard({ cardId: 'b', rating: 3, now: NOW + 4000, durationMs: 1000, source: 'study' });
  });

  test('the start-up check reads page by page and finds what the one-transaction check finds', async () => {
    await db.states.delete('b');
    await db.reviews.add({ cardId: 'ghost', deckId: 'd', rating: 3, state: 0, due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review: NOW, durationMs: 1, source: 'study' });
    let pauses = 0;
    const report = await startupSelfCheck(NOW + 2000, { page: 1, between: async () => void pauses++ });
    expect(report).toEqual(await checkAndRepairCollection(NOW + 2000, { repair: false }));
    expect(report?.counts).toEqual({ 'missing-state': 1, 'orphan-review': 1 });
    // One short transaction per row here: the check gave way between them.
    expect(pauses).toBeGreaterThan(10);
  });

  test('the start-up check stops counting, and skips, once the collection is over its row budget', async () => {
    // 3 cards and 1 review.
    expect(await startupSelfCheck(NOW + 2000, { maxRows: 3, page: 1 })).toBeNull();
    expect(await startupSelfCheck(NOW + 2000, { maxRows: 4, page: 1 })).toEqual({ counts: {}, total: 0 });
  });

  test('an answer given while the start-up check reads between its pages is not reported as a problem', async () => {
    let answered = false;
    const answerOnce = async () => {
      if (answered) return;
      answered = true;
      await answerCard({ cardId: 'b', rating: 3, now: NOW + 5000, durationMs: 1000, source: 'study' });
    };
    // The answer lands after the states were read and before the reviews are: the pages disagree, the collection does not.
    let statesRead = 0;
    const between = async () => {
      if (statesRead === 3) await answerOnce();
    };
    const readStates = <T>(state: T) => (statesRead++, state);
    db.states.hook('reading', readStates);
    try {
      expect(await startupSelfCheck(NOW + 6000, { page: 1, between })).toEqual({ counts: {}, total: 0 });
    } finally {
      db.states.hook('reading').unsubscribe(readStates);
    }
    expect(answered).toBe(true);
  });
});
