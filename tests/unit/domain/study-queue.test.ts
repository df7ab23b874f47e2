import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildQueue, type QueueCandidate, type QueueInput, type QueueMode, type QueueState } from '../../../src/lib/domain/queue';
import { StudyQueue } from '../../../src/lib/domain/study-queue';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime(); // local 09:00
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CUTOFF = new Date(2026, 10, 3).getTime() - 1;

/** A small collection where siblings, limits and learning steps all matter: 2 decks, notes of 1-3 cards. */
const collection = fc
  .array(
    fc.record({
      deck: fc.constantFrom('a', 'b'),
      note: fc.integer({ min: 0, max: 8 }),
      state: fc.constantFrom<QueueState>(0, 0, 1, 2, 2, 3),
      dueMin: fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
      inactive: fc.constantFrom<0 | 1>(0, 0, 0, 1),
      stability: fc.double({ min: 0.5, max: 50, noNaN: true }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((rows) =>
    rows.map((r, i): QueueCandidate => ({
      cardId: `c${String(i).padStart(2, '0')}`,
      deckId: r.deck,
      noteId: `n${r.note}`,
      state: r.state,
      due: NOW + r.dueMin * MIN,
      stability: r.stability,
      difficulty: 5,
      lapses: 0,
      inactive: r.inactive,
      order: i,
      last_review: r.state === 0 ? undefined : NOW - 2 * DAY,
    })),
  );

/** An answer: which queue item (by position), what the card becomes, and how much later it happens. */
const answer = fc.record({
  pick: fc.nat(),
  // learning again in a few minutes (or later today), a review in days, or a review due still today (rare in FSRS).
  becomes: fc.constantFrom('learning-soon', 'learning-later', 'review-days', 'review-today', 'suspended'),
  minutes: fc.integer({ min: 0, max: 15 }),
  offQueue: fc.boolean(),
});

function after(s: QueueCandidate, becomes: string, now: number): QueueCandidate {
  if (becomes === 'learning-soon') return { ...s, state: s.state === 2 ? 3 : 1, due: now + 10 * MIN };
  if (becomes === 'learning-later') return { ...s, state: 1, due: now + 3 * HOUR };
  if (becomes === 'review-days') return { ...s, state: 2, due: now + 3 * DAY, last_review: now };
  if (becomes === 'review-today') return { ...s, state: 2, due: now + 2 * HOUR, last_review: now };
  return { ...s, inactive: 1 };
}

describe('StudyQueue', () => {
  it.each<QueueMode>(['normal', 'extra-new', 'ahead', 'weakest'])('gives the same queue as a rebuild after any sequence of answers (%s)', (mode) => {
    fc.assert(
      fc.property(collection, fc.array(answer, { maxLength: 25 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 6 }), (states, answers, newLimit, reviewLimit) => {
        const base: QueueInput = { states, newDoneToday: {}, reviewsDoneToday: { a: 1 }, answeredToday: [], now: NOW, newLimit, reviewLimit, reviewCutoff: CUTOFF, mode, extraNew: 2, aheadCount: 3, weakestCount: 4 };
        const queue = new StudyQueue(base);
        let now = NOW;
        let current = new Map(states.map((s) => [s.cardId, s]));
        let newDone: Record<string, number> = {};
        let reviewsDone: Record<string, number> = { a: 1 };
        let answered: { cardId: string; deckId: string; noteId: string }[] = [];
        for (const a of answers) {
          const items = queue.items(now);
          const pool = a.offQueue ? [...current.keys()] : items.map((q) => q.cardId);
          if (pool.length === 0) break;
          const cardId = pool[a.pick % pool.length];
          const before = current.get(cardId)!;
          const next = after(before, a.becomes, now);
          queue.answer(cardId, before, next, now);
          // The rebuild's side: the same state change and counts, as the review log would give them.
          current = new Map(current).set(cardId, next);
          if (before.state === 0) newDone = { ...newDone, [before.deckId]: (newDone[before.deckId] ?? 0) + 1 };
          if (before.state === 2) reviewsDone = { ...reviewsDone, [before.deckId]: (reviewsDone[before.deckId] ?? 0) + 1 };
          answered = [...answered, { cardId, deckId: before.deckId, noteId: before.noteId! }];
          now += a.minutes * MIN;
          const rebuilt = buildQueue({ ...base, states: [...current.values()], newDoneToday: newDone, reviewsDoneToday: reviewsDone, answeredToday: answered, now });
          expect(queue.items(now)).toEqual(rebuilt);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("ranks a 'weakest' drill at the time it is asked for: two cards' weakness can cross as minutes pass", () => {
    // c00 was just reviewed but is fragile (stability 0.5); c01 was reviewed two days ago and is sturdier. Just after
    // the answer c01 is the weaker; twelve minutes later c00 is (its weakness grows three times as fast).
    const card = (cardId: string, stability: number, lastReview: number): QueueCandidate => ({ cardId, deckId: 'a', noteId: cardId, state: 2, due: NOW + 3 * DAY, stability, difficulty: 5, lapses: 0, inactive: 0, last_review: lastReview });
    const states = [card('c00', 0.5, NOW), card('c01', 1.495, NOW - 2 * DAY)];
    const input: QueueInput = { states, newDoneToday: {}, reviewsDoneToday: {}, now: NOW, newLimit: 1, reviewLimit: 1, reviewCutoff: CUTOFF, mode: 'weakest', weakestCount: 4 };
    const queue = new StudyQueue(input);
    expect(queue.items(NOW).map((q) => q.cardId)).toEqual(['c01', 'c00']);
    const later = NOW + 12 * MIN;
    expect(queue.items(later)).toEqual(buildQueue({ ...input, now: later }));
    expect(queue.items(later).map((q) => q.cardId)).toEqual(['c00', 'c01']);
  });

  it('moves an answered card, buries its siblings and re-inserts it when due again today', () => {
    const card = (cardId: string, noteId: string, state: QueueState, due = NOW): QueueCandidate => ({ cardId, deckId: 'a', noteId, state, due, stability: 5, difficulty: 5, lapses: 0, inactive: 0, order: Number(cardId.slice(1)) });
    const states = [card('c1', 'n1', 0), card('c2', 'n1', 0), card('c3', 'n2', 0), card('c4', 'n3', 2, NOW - HOUR)];
    const queue = new StudyQueue({ states, newDoneToday: {}, reviewsDoneToday: {}, now: NOW, newLimit: 20, reviewLimit: 200, reviewCutoff: CUTOFF });
    expect(queue.items(NOW).map((q) => q.cardId)).toEqual(['c4', 'c1', 'c3']);
    queue.answer('c1', states[0], { ...states[0], state: 1, due: NOW + 10 * MIN }, NOW);
    // c1 is learning in 10 minutes (shown at the end, within the learn-ahead window); its sibling c2 waits for tomorrow.
    expect(queue.items(NOW).map((q) => `${q.cardId}:${q.kind}`)).toEqual(['c4:review', 'c3:new', 'c1:learning']);
    expect(queue.items(NOW + 11 * MIN)[0].cardId).toBe('c1');
  });
});
