import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { newCardRecord, newStateRecord } from '../../../src/lib/db/records';
import { MockSession, MS_PER_QUESTION, localRoundStore, type RoundStore, type SavedRound } from '../../../src/views/mock/mock-session.svelte';
import { seededRandom } from '../../../src/lib/domain/mock-interview';
import type { Card } from '../../../src/lib/domain/model';

const NOW = Date.parse('2026-11-27T09:00:00Z');

const cards: Card[] = [
  { id: 'choice1', kind: 'choice', tags: [], prompt: 'Which flag runs detached?', options: ['-d', '-i', '-t'], correct: [0], explanation: '-d detaches.' },
  { id: 'typed1', kind: 'typed', tags: [], prompt: 'Command to list containers?', answers: ['docker ps'] },
  { id: 'tf1', kind: 'truefalse', tags: [], statement: 'Images are mutable.', isTrue: false, explanation: 'Layers are read-only.' },
  { id: 'basic1', kind: 'basic', tags: [], prompt: 'What is a namespace?', answer: 'Kernel isolation of a resource.' },
];

async function seed() {
  await db.decks.put({ id: 'docker', title: 'Docker', description: '', tags: [], source: 't', origin: 'user', createdAt: NOW, updatedAt: NOW });
  await db.cards.bulkPut(cards.map((c, i) => newCardRecord(c, 'docker', i, NOW)));
  await db.states.bulkPut(cards.map((c) => newStateRecord(c.id, 'docker', NOW)));
}

// Bundled decks stay out of these tests: only the seeded cards are asked.
function memoryStore(): RoundStore & { saved: SavedRound | null } {
  return {
    saved: null,
    load() {
      return this.saved && structuredClone(this.saved);
    },
    save(round) {
      this.saved = structuredClone(round);
    },
    clear() {
      this.saved = null;
    },
  };
}
const session = (store: RoundStore = memoryStore()) => new MockSession({ random: seededRandom(1), ensureDecks: async () => {}, store });

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function answerCurrent(s: MockSession, right: boolean, now: number) {
  const card = s.current!;
  if (card.kind === 'choice') s.response.choice = right ? [0] : [1];
  else if (card.kind === 'typed') s.response.typed = right ? 'Docker PS' : 'docker images';
  else if (card.kind === 'truefalse') s.response.truefalse = right ? false : true;
  if (s.selfMarked) {
    s.reveal();
    await s.mark(right, now);
  } else {
    expect(s.canCheck).toBe(true);
    await s.check(now);
  }
}

describe('mock interview session', () => {
  it('asks every available card, checks or self-marks each, stores reviews from the mock, and scores it', async () => {
    await seed();
    const s = session();
    s.size = 10;
    await s.start(NOW);
    expect(s.phase).toBe('question');
    expect(s.questions).toHaveLength(4);
    expect(new Set(s.questions.map((q) => q.kind)).size).toBe(4);
    let t = NOW;
    const rightIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      t += 20_000;
      const right = i % 2 === 0;
      if (right) rightIds.push(s.current!.id);
      await answerCurrent(s, right, t);
      expect(s.verdict).toBe(right);
      s.next(t);
    }
    expect(s.phase).toBe('results');
    expect(s.score).toMatchObject({ correct: 2, total: 4, durationMs: 80_000 });
    expect(s.score!.topics).toEqual([{ deckId: 'docker', label: 'Docker', correct: 2, total: 4 }]);
    expect(s.score!.missed).toHaveLength(2);
    const logs = await db.reviews.toArray();
    expect(logs).toHaveLength(4);
    expect(logs.every((l) => l.source === 'mock')).toBe(true);
    for (const log of logs) expect(log.rating).toBe(rightIds.includes(log.cardId) ? 3 : 1);
    expect(logs.every((l) => l.durationMs === 20_000)).toBe(true);
  });

  it('does not check an empty answer and does not let a self-marked card be marked before it is shown', async () => {
    await seed();
    const s = session();
    await s.start(NOW);
    while (!s.selfMarked) {
      expect(s.canCheck).toBe(false);
      await s.check(NOW);
      expect(s.verdict).toBeNull();
      await answerCurrent(s, true, NOW);
      s.next(NOW);
    }
    await s.mark(true, NOW);
    expect(s.verdict).toBeNull();
  });

  it('ends when the time is up, listing unanswered questions without storing them', async () => {
    await seed();
    const s = session();
    await s.start(NOW);
    await answerCurrent(s, true, NOW + 1000);
    s.next(NOW + 1000);
    s.tick(NOW + 4 * MS_PER_QUESTION + 1);
    expect(s.phase).toBe('results');
    expect(s.score!.total).toBe(1);
    expect(s.unanswered).toHaveLength(3);
    expect(s.score!.durationMs).toBe(4 * MS_PER_QUESTION);
    expect(await db.reviews.count()).toBe(1);
  });

  it('shows no question, at the start or after a reload, before the text of every question can render', async () => {
    await seed();
    const store = memoryStore();
    const prepared: string[] = [];
    const s = new MockSession({ random: seededRandom(1), ensureDecks: async () => {}, store, prepareText: async (card) => void prepared.push(card.id) });
    await s.start(NOW);
    expect(s.phase).toBe('question');
    expect(prepared.sort()).toEqual(cards.map((c) => c.id).sort());

    // After a reload the round stays off screen until the renderer has loaded.
    let rendererLoaded = () => {};
    const loading = new Promise<void>((resolve) => (rendererLoaded = resolve));
    const asked: string[] = [];
    const reloaded = new MockSession({ random: seededRandom(1), ensureDecks: async () => {}, store, prepareText: (card) => (asked.push(card.id), loading) });
    const resumed = reloaded.resume(NOW + 1000);
    await expect.poll(() => asked.length).toBe(4);
    expect(reloaded.phase).toBe('start');
    rendererLoaded();
    expect(await resumed).toBe(true);
    expect(reloaded.phase).toBe('question');
  });

  it('says so when there are no cards', async () => {
    const s = session();
    await s.start(NOW);
    expect(s.phase).toBe('start');
    expect(s.error).toMatch(/no cards/);
  });

  it('comes back after a reload on the next unanswered question, with the same clock and answers, and forgets the round once scored', async () => {
    await seed();
    const store = memoryStore();
    const first = session(store);
    await first.start(NOW);
    const ids = first.questions.map((q) => q.id);
    await answerCurrent(first, false, NOW + 5000);
    // Reloaded before "Next question": the answered question is not asked again.
    const again = session(store);
    expect(await again.resume(NOW + 60_000)).toBe(true);
    expect(again.phase).toBe('question');
    expect(again.questions.map((q) => q.id)).toEqual(ids);
    expect(again.index).toBe(1);
    expect(again.results).toHaveLength(1);
    expect(again.deadline).toBe(NOW + 4 * MS_PER_QUESTION);
    await answerCurrent(again, true, NOW + 70_000);
    again.finish(NOW + 80_000);
    expect(again.score).toMatchObject({ correct: 1, total: 2 });
    expect(again.missedIds).toEqual([ids[0]]);
    expect(store.saved).toBeNull();
    expect(await session(store).resume(NOW + 90_000)).toBe(false);
    expect(await db.reviews.count()).toBe(2);
  });

  it('scores a kept round whose time ran out while away, and ignores a malformed one', async () => {
    await seed();
    const store = memoryStore();
    const first = session(store);
    await first.start(NOW);
    const later = session(store);
    expect(await later.resume(NOW + 10 * MS_PER_QUESTION)).toBe(true);
    expect(later.phase).toBe('results');
    expect(later.unanswered).toHaveLength(4);
    localStorage.setItem('drydock:mock-round', '{"ids": "nope"}');
    expect(localRoundStore.load()).toBeNull();
    localStorage.setItem('drydock:mock-round', 'not json');
    expect(localRoundStore.load()).toBeNull();
  });
});
