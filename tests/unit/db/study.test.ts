import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { db, DrydockDB } from '../../../src/lib/db/db';
import { joinSpace } from '../../../src/lib/db/sync-membership';
import { SYNC_KEYS } from '../../../src/lib/db/sync-outbox';
import { writeVersion } from '../../../src/lib/db/sync-apply';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import { newCardRecord, newStateRecord } from '../../../src/lib/db/records';
import { answerCard, countDoneToday, undoAnswer, UndoConflictError } from '../../../src/lib/db/study';
import type { Card } from '../../../src/lib/domain/model';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime();

async function seed(ids: string[], deckId = 'deck-a') {
  await db.cards.bulkPut(ids.map((id, i) => newCardRecord({ id, kind: 'basic', tags: [], prompt: `Q ${id}`, answer: 'A' } as Card, deckId, i, NOW)));
  await db.states.bulkPut(ids.map((id) => newStateRecord(id, deckId, NOW)));
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

/** Runs `run` while every add to the outbox store goes through `outboxAdd` instead (other stores are untouched). */
async function withOutboxAdd(
  outboxAdd: (store: IDBObjectStore, add: IDBObjectStore['add'], value: unknown) => IDBRequest<IDBValidKey>,
  run: () => Promise<unknown>,
): Promise<void> {
  const realAdd = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    return this.name === 'outbox' ? outboxAdd(this, realAdd, value) : realAdd.call(this, value, key);
  };
  try {
    await run();
  } finally {
    IDBObjectStore.prototype.add = realAdd;
  }
}

describe('answerCard', () => {
  it('writes the next state and appends one review log', async () => {
    await seed(['x']);
    const receipt = await answerCard({ cardId: 'x', rating: 3, now: NOW, durationMs: 4200, source: 'study' });
    const stored = await db.states.get('x');
    expect(stored).toEqual(receipt.next);
    expect(stored!.state).toBe(1);
    expect(stored!.reps).toBe(1);
    expect(stored!.due).toBeGreaterThan(NOW);
    const logs = await db.reviews.toArray();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ id: receipt.logId, cardId: 'x', deckId: 'deck-a', rating: 3, state: 0, review: NOW, durationMs: 4200, source: 'study' });
  });

  it('uses the stored settings', async () => {
    await seed(['x']);
    await db.settings.put({ key: 'settings', value: { learningSteps: ['5m'] } });
    const receipt = await answerCard({ cardId: 'x', rating: 1, now: NOW, durationMs: 1, source: 'study' });
    expect(receipt.next.due - NOW).toBe(5 * 60_000);
  });

  it('never answers with settings older than the stored ones: another tab or device sync may change them between answers', async () => {
    await seed(['x', 'y', 'z', 'w']);
    const again = async (cardId: string) => (await answerCard({ cardId, rating: 1, now: NOW, durationMs: 1, source: 'study' })).next.due - NOW;
    expect(await again('x')).toBe(60_000);
    // Another tab: its own connection to the same database, with nothing of this tab's memory.
    const otherTab = new DrydockDB(db.name);
    await otherTab.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, learningSteps: ['7m'] } });
    otherTab.close();
    expect(await again('y')).toBe(7 * 60_000);
    // Device sync writes a version received from another device, field by field.
    await writeVersion(db, { entity: 'setting', key: 'settings', value: { key: 'settings', value: { ...DEFAULT_SETTINGS, learningSteps: ['3m', '10m'] } } });
    expect(await again('z')).toBe(3 * 60_000);
    // A nested field (the steps list) changes while the rest stays alike.
    await db.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, learningSteps: ['4m', '10m'] } });
    expect(await again('w')).toBe(4 * 60_000);
  });

  it('writes nothing when the card has no state', async () => {
    await expect(answerCard({ cardId: 'missing', rating: 3, now: NOW, durationMs: 1, source: 'study' })).rejects.toThrow(/missing/);
    expect(await db.reviews.count()).toBe(0);
  });

  it('with sync on, writes the state, the log and the review operation in one commit, and moves no version clock', async () => {
    await seed(['x']);
    await joinSpace({ code: 'CODE', space: 'space-1', deviceId: 'phone', deviceName: 'Phone', joinedAt: NOW });
    await db.outbox.clear();
    const clockBefore = await db.device.get(SYNC_KEYS.clock);
    const recordClocksBefore = await db.clocks.toArray();
    const receipt = await answerCard({ cardId: 'x', rating: 3, now: NOW, durationMs: 4200, source: 'study' });
    expect(await db.states.get('x')).toEqual(receipt.next);
    const ops = (await db.outbox.toArray()).map((row) => row.op);
    expect(ops).toEqual([expect.objectContaining({ type: 'review', device: 'phone', review: expect.objectContaining({ uid: receipt.log.uid, cardId: 'x', rating: 3, at: NOW, durationMs: 4200 }) })]);
    // A review is not a version: the device's clock and the records' clocks stay as they were.
    expect(await db.device.get(SYNC_KEYS.clock)).toEqual(clockBefore);
    expect(await db.clocks.toArray()).toEqual(recordClocksBefore);
  });

  it('with sync on, writes nothing at all when the outbox refuses the operation: no state, no log', async () => {
    await seed(['x']);
    await joinSpace({ code: 'CODE', space: 'space-1', deviceId: 'phone', deviceName: 'Phone', joinedAt: NOW });
    await db.outbox.clear();
    const before = await db.states.get('x');
    await withOutboxAdd(
      () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      () => expect(answerCard({ cardId: 'x', rating: 3, now: NOW, durationMs: 1, source: 'study' })).rejects.toMatchObject({ name: 'QuotaExceededError' }),
    );
    expect(await db.states.get('x')).toEqual(before);
    expect(await db.reviews.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('with sync on, writes nothing at all when the outbox request itself fails (an error event, not a throw): no state, no log', async () => {
    await seed(['x']);
    await joinSpace({ code: 'CODE', space: 'space-1', deviceId: 'phone', deviceName: 'Phone', joinedAt: NOW });
    await db.outbox.clear();
    const taken = await db.outbox.add({ op: { type: 'unreview', uid: 'earlier', cardId: 'y', id: 'op-earlier', device: 'phone', format: 1 } as never });
    const before = await db.states.get('x');
    // The operation is sent to the store, and the store refuses it when the request runs: its key is taken.
    await withOutboxAdd(
      (store, add, value) => add.call(store, { ...(value as object), seq: taken }),
      () => expect(answerCard({ cardId: 'x', rating: 3, now: NOW, durationMs: 1, source: 'study' })).rejects.toMatchObject({ name: 'ConstraintError' }),
    );
    expect(await db.states.get('x')).toEqual(before);
    expect(await db.reviews.count()).toBe(0);
    expect((await db.outbox.toArray()).map((row) => row.seq)).toEqual([taken]);
  });

  it('announces no change to liveQuery or other tabs: Dexie\'s change tracking is off, since nothing in the app listens', async () => {
    await seed(['x']);
    const announced: unknown[] = [];
    const listener = (parts: unknown) => announced.push(parts);
    Dexie.on('storagemutated', listener);
    try {
      await answerCard({ cardId: 'x', rating: 3, now: NOW, durationMs: 1, source: 'study' });
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
    }
    expect(await db.reviews.count()).toBe(1);
    expect(announced).toEqual([]);
  });
});

describe('undoAnswer', () => {
  it('restores the previous state exactly and removes only that log entry', async () => {
    await seed(['x', 'y']);
    const first = await answerCard({ cardId: 'y', rating: 3, now: NOW, durationMs: 1, source: 'study' });
    const before = structuredClone(await db.states.get('x'));
    const again = await answerCard({ cardId: 'x', rating: 1, now: NOW + 1000, durationMs: 1, source: 'study' });
    const reviewed = await answerCard({ cardId: 'x', rating: 3, now: NOW + 120_000, durationMs: 1, source: 'study' });
    await undoAnswer(reviewed);
    expect(await db.states.get('x')).toEqual(again.next);
    await undoAnswer(again);
    expect(await db.states.get('x')).toEqual(before);
    expect((await db.reviews.toArray()).map((r) => r.id)).toEqual([first.logId]);
  });

  it('refuses to undo an answer that a later answer replaced', async () => {
    await seed(['x']);
    const first = await answerCard({ cardId: 'x', rating: 3, now: NOW, durationMs: 1, source: 'study' });
    await answerCard({ cardId: 'x', rating: 3, now: NOW + 600_000, durationMs: 1, source: 'study' });
    await expect(undoAnswer(first)).rejects.toBeInstanceOf(UndoConflictError);
    expect(await db.reviews.count()).toBe(2);
  });
});

describe('countDoneToday', () => {
  it('counts new cards introduced and reviews done since the day began, per deck', async () => {
    await seed(['a1', 'a2'], 'deck-a');
    await seed(['b1'], 'deck-b');
    await answerCard({ cardId: 'a1', rating: 3, now: NOW, durationMs: 1, source: 'study' });
    await answerCard({ cardId: 'a1', rating: 3, now: NOW + 60_000, durationMs: 1, source: 'study' });
    await answerCard({ cardId: 'b1', rating: 4, now: NOW, durationMs: 1, source: 'study' });
    await db.reviews.add({ cardId: 'a2', deckId: 'deck-a', rating: 3, state: 2, due: 0, stability: 1, difficulty: 5, elapsed_days: 1, last_elapsed_days: 0, scheduled_days: 1, learning_steps: 0, review: NOW - 1000, durationMs: 1, source: 'study' });
    await db.reviews.add({ cardId: 'a2', deckId: 'deck-a', rating: 3, state: 2, due: 0, stability: 1, difficulty: 5, elapsed_days: 1, last_elapsed_days: 0, scheduled_days: 1, learning_steps: 0, review: NOW - 24 * 3_600_000, durationMs: 1, source: 'study' });
    const today = await countDoneToday(NOW + 120_000);
    expect({ newDoneToday: today.newDoneToday, reviewsDoneToday: today.reviewsDoneToday }).toEqual({ newDoneToday: { 'deck-a': 1, 'deck-b': 1 }, reviewsDoneToday: { 'deck-a': 1 } });
  });

  it('lists every answer since the day began with the card’s note id, so the queue can bury its siblings', async () => {
    await seed(['a1', 'a2', 'a3'], 'deck-a');
    await db.states.bulkUpdate(['a1', 'a2'].map((key) => ({ key, changes: { noteId: 'note-1' } })));
    await answerCard({ cardId: 'a1', rating: 3, now: NOW - 25 * 3_600_000, durationMs: 1, source: 'study' });
    await answerCard({ cardId: 'a2', rating: 1, now: NOW, durationMs: 1, source: 'study' });
    await answerCard({ cardId: 'a3', rating: 3, now: NOW + 1000, durationMs: 1, source: 'mock' });
    const { answeredToday } = await countDoneToday(NOW + 120_000);
    expect(answeredToday.sort((x, y) => x.cardId.localeCompare(y.cardId))).toEqual([
      { cardId: 'a2', deckId: 'deck-a', noteId: 'note-1' },
      { cardId: 'a3', deckId: 'deck-a', noteId: 'a3' },
    ]);
  });
});
