// The deck list's counts read from bounded index ranges must be the counts the study queue shows: for random
// collections (siblings, learning cards, ties in due time, today's answers, suspended and retired cards, tight and
// loose limits) they are compared with buildQueue and deckCounts over every state, as the deck list computed them.
import { beforeEach, describe, expect, it } from 'vitest';
import { db, type CardRecord, type CardStateRecord, type ReviewLogRecord } from '../../../src/lib/db/db';
import { loadDeckCounts, loadDeckTotals, hasCardsInStudy } from '../../../src/lib/db/deck-counts';
import { listDecks as listLibraryDecks } from '../../../src/lib/db/editor';
import { loadStudyStates } from '../../../src/lib/db/study-data';
import { countDoneToday } from '../../../src/lib/db/study';
import { buildQueue, deckCounts, type QueueState } from '../../../src/lib/domain/queue';
import { endOfLearnerDay, startOfLearnerDay } from '../../../src/lib/domain/day';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime();
const MIN = 60_000;
const DAY = 86_400_000;

/** A small deterministic generator, so a failing seed can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

async function seedCollection(seed: number) {
  const r = random(seed);
  const decks = ['deck-a', 'deck-b', 'deck-c'].slice(0, 1 + r.int(3));
  const cards: CardRecord[] = [];
  const states: CardStateRecord[] = [];
  const reviews: ReviewLogRecord[] = [];
  // A few due times shared by many cards, as an import leaves them, and some spread out.
  const dues = [NOW - 3 * DAY, NOW - DAY, NOW - 5 * MIN, NOW, NOW + 10 * MIN, NOW + 3 * 3_600_000, NOW + DAY];
  for (const deckId of decks) {
    const n = r.int(80);
    // Positions with gaps, shuffled against card ids, so deck order is not id order.
    const orders = Array.from({ length: n }, (_, i) => i * 2 + r.int(2));
    for (let i = orders.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [orders[i], orders[j]] = [orders[j], orders[i]];
    }
    for (let i = 0; i < n; i++) {
      const cardId = `${deckId}-${String(i).padStart(4, '0')}`;
      const noteId = `${deckId}-note-${r.int(Math.max(1, Math.floor(n / 2)))}`;
      const suspended = r.next() < 0.08 ? 1 : 0;
      const retired = r.next() < 0.05 ? 1 : 0;
      const state = r.pick([0, 0, 0, 1, 2, 2, 2, 3] as const) as QueueState;
      const due = state === 0 ? NOW - r.int(3) * DAY : r.next() < 0.5 ? r.pick(dues) : NOW + (r.int(200) - 100) * 30 * MIN;
      cards.push({ id: cardId, kind: 'basic', tags: [], prompt: `Q ${i}`, answer: 'A', noteId, deckId, order: orders[i], suspended, retired, createdAt: NOW, updatedAt: NOW } as CardRecord);
      states.push({ cardId, deckId, noteId, due, state, stability: state === 0 ? 0 : 3, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps: state === 0 ? 0 : 2, lapses: state === 3 ? 1 : 0, inactive: suspended || retired ? 1 : 0 } as CardStateRecord);
      // Some cards were answered today: as new cards (counted against the new limit) or as reviews.
      if (state !== 0 && r.next() < 0.25) {
        reviews.push({ cardId, deckId, rating: 3, state: r.next() < 0.5 ? 0 : 2, due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review: startOfLearnerDay(NOW) + r.int(3 * 3_600_000), durationMs: 1000, source: 'study' } as ReviewLogRecord);
      }
    }
  }
  await db.decks.bulkPut(decks.map((id) => ({ id, title: id, description: '', tags: [], source: 's', origin: 'user' as const, createdAt: NOW, updatedAt: NOW })));
  await db.cards.bulkPut(cards);
  await db.states.bulkPut(states);
  await db.reviews.bulkAdd(reviews);
  const tight = r.next() < 0.7;
  const limits = { newLimit: tight ? r.int(8) : 20, reviewLimit: tight ? r.int(8) : 200, reviewCutoff: endOfLearnerDay(NOW) };
  return { decks, limits };
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('deck counts from index ranges', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('equal what the study queue shows today (random collection %i)', async (seed) => {
    const { decks, limits } = await seedCollection(seed);
    const done = await countDoneToday(NOW);
    const all = await loadStudyStates(null);
    const counted = await loadDeckCounts(decks, limits, done, NOW);
    for (const deckId of decks) {
      const states = all.filter((s) => s.deckId === deckId);
      const input = { states, ...done, now: NOW, ...limits };
      const queue = buildQueue(input);
      const expected = deckCounts(input);
      const got = counted.get(deckId)!;
      expect(got.new, `${deckId} new`).toBe(queue.filter((q) => q.kind === 'new').length);
      expect(got.due, `${deckId} due`).toBe(queue.filter((q) => q.kind === 'review').length);
      expect(got.learning, `${deckId} learning`).toBe(expected.learning);
      // Waiting siblings are told when they are why the deck shows fewer new cards than its limit allows.
      const allowance = Math.max(0, limits.newLimit - (done.newDoneToday[deckId] ?? 0));
      expect(got.waiting, `${deckId} waiting`).toBe(expected.new < allowance ? expected.waiting : 0);
    }
    // Study all: each deck's limit applies to that deck, so the total is the decks' sum.
    const total = deckCounts({ states: all, ...done, now: NOW, ...limits });
    const sum = [...counted.values()].reduce((t, c) => ({ new: t.new + c.new, learning: t.learning + c.learning, due: t.due + c.due }), { new: 0, learning: 0, due: 0 });
    expect(sum).toEqual({ new: total.new, learning: total.learning, due: total.due });
  });

  it('say "11 new, 19 after their siblings" for 30 new cards of 11 notes under a limit of 20', async () => {
    const cards = Array.from({ length: 30 }, (_, i) => ({ id: `c${String(i).padStart(2, '0')}`, note: `n${i % 11}` }));
    await db.cards.bulkPut(cards.map(({ id, note }, i) => ({ id, kind: 'basic', tags: [], prompt: id, answer: 'A', noteId: note, deckId: 'd', order: i, suspended: 0, retired: 0, createdAt: NOW, updatedAt: NOW }) as CardRecord));
    await db.states.bulkPut(cards.map(({ id, note }) => ({ cardId: id, deckId: 'd', noteId: note, due: NOW, state: 0, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, inactive: 0 }) as CardStateRecord));
    const counts = await loadDeckCounts(['d'], { newLimit: 20, reviewLimit: 200, reviewCutoff: endOfLearnerDay(NOW) }, await countDoneToday(NOW), NOW);
    expect(counts.get('d')).toEqual({ new: 11, learning: 0, due: 0, waiting: 19 });
    // With a limit of 5 the limit is why: nothing is said of siblings.
    const limited = await loadDeckCounts(['d'], { newLimit: 5, reviewLimit: 200, reviewCutoff: endOfLearnerDay(NOW) }, await countDoneToday(NOW), NOW);
    expect(limited.get('d')).toEqual({ new: 5, learning: 0, due: 0, waiting: 0 });
  });

  it.each([3, 17, 41])('totals equal the Library’s and the deck list’s figures read from every card (random collection %i)', async (seed) => {
    const { decks } = await seedCollection(seed);
    const totals = await loadDeckTotals(decks);
    const library = await listLibraryDecks();
    const states = await db.states.toArray();
    for (const deckId of decks) {
      const row = library.find((d) => d.deck.id === deckId)!;
      const inStudy = states.filter((s) => s.deckId === deckId && s.inactive === 0).length;
      expect(totals.get(deckId)).toEqual({ cards: row.cards, suspended: row.suspended, inStudy, capped: false });
      expect(await hasCardsInStudy(deckId)).toBe(inStudy > 0);
    }
  });

  it('stop counting a deck’s cards at the cap and say so', async () => {
    await db.cards.bulkPut(Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, kind: 'basic', tags: [], prompt: 'Q', answer: 'A', deckId: 'd', order: i, suspended: 0, retired: 0, createdAt: NOW, updatedAt: NOW }) as CardRecord));
    await db.states.bulkPut(Array.from({ length: 12 }, (_, i) => ({ cardId: `c${i}`, deckId: 'd', noteId: `c${i}`, due: NOW, state: 0, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, inactive: 0 }) as CardStateRecord));
    expect((await loadDeckTotals(['d'], 10)).get('d')).toEqual({ inStudy: 10, cards: 10, suspended: 0, capped: true });
    expect((await loadDeckTotals(['d'], 12)).get('d')).toEqual({ inStudy: 12, cards: 12, suspended: 0, capped: false });
  });

  it('a screen that has closed stops reading totals: no deck after it is read', async () => {
    for (const deckId of ['a', 'b', 'c']) {
      await db.cards.put({ id: `${deckId}1`, kind: 'basic', tags: [], prompt: 'Q', answer: 'A', deckId, order: 0, suspended: 0, retired: 0, createdAt: NOW, updatedAt: NOW } as CardRecord);
      await db.states.put({ cardId: `${deckId}1`, deckId, noteId: `${deckId}1`, due: NOW, state: 0, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, inactive: 0 } as CardStateRecord);
    }
    // Asked before each deck and each step of a count: the screen closes while the first deck is read.
    let closed = false;
    const totals = await loadDeckTotals(['a', 'b', 'c'], 10, () => {
      const was = closed;
      closed = true;
      return was;
    });
    expect([...totals.keys()]).toEqual([]);
    expect((await loadDeckTotals(['a', 'b', 'c'], 10)).size).toBe(3);
  });

  it('page past siblings until the day is full: 10 notes of 10 reviews and 10 notes of 10 new cards, limits of 20', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ id: `c${String(i).padStart(3, '0')}`, review: i < 100, note: `n${i % 20}` }));
    await db.cards.bulkPut(rows.map(({ id, note }, i) => ({ id, kind: 'basic', tags: [], prompt: id, answer: 'A', noteId: note, deckId: 'd', order: i, suspended: 0, retired: 0, createdAt: NOW, updatedAt: NOW }) as CardRecord));
    await db.states.bulkPut(rows.map(({ id, note, review }, i) => ({ cardId: id, deckId: 'd', noteId: note, due: review ? NOW - i * MIN : NOW, state: review ? 2 : 0, stability: review ? 3 : 0, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: review ? 2 : 0, lapses: 0, inactive: 0 }) as CardStateRecord));
    const done = await countDoneToday(NOW);
    const limits = { newLimit: 20, reviewLimit: 20, reviewCutoff: endOfLearnerDay(NOW) };
    // Notes n0..n19 each have reviews and new cards (i % 20): 20 reviews take all 20 notes, so every new card waits.
    const counts = (await loadDeckCounts(['d'], limits, done, NOW)).get('d');
    expect(counts).toEqual({ new: 0, learning: 0, due: 20, waiting: 100 });
    const input = { states: await loadStudyStates('d'), ...done, now: NOW, ...limits };
    expect(counts).toEqual(deckCounts(input));
    // A review limit of 5: 5 notes taken by reviews, the other 15 notes give today's new cards, 85 wait.
    const fewer = (await loadDeckCounts(['d'], { ...limits, reviewLimit: 5 }, done, NOW)).get('d');
    expect(fewer).toEqual({ new: 15, learning: 0, due: 5, waiting: 85 });
    expect(fewer).toEqual(deckCounts({ ...input, reviewLimit: 5 }));
  });

  it('page through due reviews whose notes are taken: 30 reviews of 2 notes come first, then 10 of their own', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ id: `r${String(i).padStart(2, '0')}`, note: i < 30 ? `a${i % 2}` : `b${i}` }));
    await db.cards.bulkPut(rows.map(({ id, note }, i) => ({ id, kind: 'basic', tags: [], prompt: id, answer: 'A', noteId: note, deckId: 'd', order: i, suspended: 0, retired: 0, createdAt: NOW, updatedAt: NOW }) as CardRecord));
    await db.states.bulkPut(rows.map(({ id, note }, i) => ({ cardId: id, deckId: 'd', noteId: note, due: NOW - (100 - i) * MIN, state: 2, stability: 3, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 2, lapses: 0, inactive: 0 }) as CardStateRecord));
    const done = await countDoneToday(NOW);
    const limits = { newLimit: 20, reviewLimit: 5, reviewCutoff: endOfLearnerDay(NOW) };
    const counts = (await loadDeckCounts(['d'], limits, done, NOW)).get('d');
    expect(counts).toEqual({ new: 0, learning: 0, due: 5, waiting: 0 });
    expect(counts!.due).toBe(deckCounts({ states: await loadStudyStates('d'), ...done, now: NOW, ...limits }).due);
  });
});
