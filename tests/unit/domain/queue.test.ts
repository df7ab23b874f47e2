import { describe, expect, it } from 'vitest';
import { buildQueue, deckCounts, nextDueAfter, type QueueCandidate, type QueueInput } from '../../../src/lib/domain/queue';
import { studyLimits } from '../../../src/lib/domain/study-limits';
import { endOfLearnerDay, startOfLearnerDay } from '../../../src/lib/domain/day';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime(); // local 09:00
const MIN = 60_000;
const HOUR = 60 * MIN;

let seq = 0;
function card(partial: Partial<QueueCandidate>): QueueCandidate {
  seq += 1;
  return { cardId: `c${String(seq).padStart(3, '0')}`, deckId: 'a', due: NOW, state: 0, stability: 0, difficulty: 0, lapses: 0, inactive: 0, order: seq, ...partial };
}

function input(states: QueueCandidate[], over: Partial<QueueInput> = {}): QueueInput {
  return { states, newDoneToday: {}, reviewsDoneToday: {}, now: NOW, ...studyLimits(DEFAULT_SETTINGS, NOW), ...over };
}

describe('buildQueue', () => {
  it('shows due learning cards first, then today’s reviews, then new cards', () => {
    const fresh = card({ state: 0 });
    const review = card({ state: 2, due: NOW - HOUR, stability: 5 });
    const laterToday = card({ state: 2, due: NOW + 3 * HOUR, stability: 5 });
    const tomorrow = card({ state: 2, due: NOW + 30 * HOUR, stability: 5 });
    const learning = card({ state: 1, due: NOW - MIN });
    const relearning = card({ state: 3, due: NOW - 2 * MIN });
    const queue = buildQueue(input([fresh, review, laterToday, tomorrow, learning, relearning]));
    expect(queue.map((q) => q.cardId)).toEqual([relearning.cardId, learning.cardId, review.cardId, laterToday.cardId, fresh.cardId]);
    expect(queue.map((q) => q.kind)).toEqual(['learning', 'learning', 'review', 'review', 'new']);
  });

  it('limits new cards per deck per day, counting those already introduced today', () => {
    const states = [...Array.from({ length: 30 }, () => card({ deckId: 'a' })), ...Array.from({ length: 30 }, () => card({ deckId: 'b' }))];
    const all = buildQueue(input(states));
    expect(all.filter((q) => q.deckId === 'a')).toHaveLength(20);
    expect(all.filter((q) => q.deckId === 'b')).toHaveLength(20);
    const later = buildQueue(input(states, { newDoneToday: { a: 15, b: 25 } }));
    expect(later.filter((q) => q.deckId === 'a')).toHaveLength(5);
    expect(later.filter((q) => q.deckId === 'b')).toHaveLength(0);
    expect(buildQueue(input(states, { newLimit: 3 }))).toHaveLength(6);
  });

  it('introduces new cards in deck order', () => {
    const second = card({ order: 2 });
    const first = card({ order: 1 });
    expect(buildQueue(input([second, first])).map((q) => q.cardId)).toEqual([first.cardId, second.cardId]);
  });

  it('limits reviews per deck, and honours a later review cutoff', () => {
    const reviews = Array.from({ length: 5 }, (_, i) => card({ state: 2, due: NOW - i * HOUR }));
    expect(buildQueue(input(reviews, { reviewLimit: 3 }))).toHaveLength(3);
    expect(buildQueue(input(reviews, { reviewLimit: 3, reviewsDoneToday: { a: 2 } }))).toHaveLength(1);
    const nextWeek = card({ state: 2, due: NOW + 5 * 24 * HOUR });
    expect(buildQueue(input([nextWeek]))).toHaveLength(0);
    expect(buildQueue(input([nextWeek], { reviewCutoff: NOW + 7 * 24 * HOUR }))).toHaveLength(1);
  });

  it('leaves out suspended and retired cards', () => {
    expect(buildQueue(input([card({ inactive: 1 }), card({ state: 2, due: NOW - HOUR, inactive: 1 })]))).toEqual([]);
  });

  it('keeps a learning card due in a few minutes at the end instead of ending the session', () => {
    const soon = card({ state: 1, due: NOW + 5 * MIN });
    const later = card({ state: 1, due: NOW + HOUR });
    const fresh = card({});
    expect(buildQueue(input([soon, later, fresh])).map((q) => q.cardId)).toEqual([fresh.cardId, soon.cardId]);
  });

  it('reviews ahead: not-yet-due reviews in due order, no new cards', () => {
    const inTwoDays = card({ state: 2, due: NOW + 48 * HOUR });
    const inOneDay = card({ state: 2, due: NOW + 26 * HOUR });
    const queue = buildQueue(input([card({}), inTwoDays, inOneDay], { mode: 'ahead' }));
    expect(queue.map((q) => q.cardId)).toEqual([inOneDay.cardId, inTwoDays.cardId]);
  });

  it('learns extra new cards beyond today’s limit', () => {
    const states = Array.from({ length: 40 }, () => card({}));
    expect(buildQueue(input(states, { newDoneToday: { a: 20 } }))).toHaveLength(0);
    expect(buildQueue(input(states, { newDoneToday: { a: 20 }, mode: 'extra-new', extraNew: 10 }))).toHaveLength(10);
  });

  it('drills the weakest reviewed cards first, due or not, in weakest mode', () => {
    const DAY = 24 * HOUR;
    const strongDue = card({ state: 2, due: NOW - HOUR, stability: 30, last_review: NOW - 5 * DAY });
    const weakNotDue = card({ state: 2, due: NOW + 3 * DAY, stability: 2, last_review: NOW - DAY });
    const middling = card({ state: 2, due: NOW + 10 * DAY, stability: 20, last_review: NOW - 10 * DAY });
    const fresh = card({});
    const queue = buildQueue(input([strongDue, weakNotDue, middling, fresh], { mode: 'weakest' }));
    // Ranked by time since the last review against stability (what recall depends on): 1/2, then 10/20, then 5/30.
    expect(queue.map((q) => q.cardId)).toEqual([weakNotDue.cardId, middling.cardId, strongDue.cardId, fresh.cardId]);
    expect(buildQueue(input([strongDue, weakNotDue, middling], { mode: 'weakest', weakestCount: 1 })).map((q) => q.cardId)).toEqual([strongDue.cardId]);
    expect(buildQueue(input([weakNotDue, middling], { mode: 'weakest', weakestCount: 1 })).map((q) => q.cardId)).toEqual([weakNotDue.cardId]);
  });
});

describe('deckCounts and nextDueAfter', () => {
  it('counts today’s new (within the limit), learning and due cards', () => {
    const states = [
      ...Array.from({ length: 25 }, () => card({})),
      card({ state: 1, due: NOW + 10 * MIN }),
      card({ state: 2, due: NOW - HOUR }),
      card({ state: 2, due: NOW + 2 * HOUR }),
      card({ state: 2, due: NOW + 48 * HOUR }),
      card({ state: 2, due: NOW - HOUR, inactive: 1 }),
    ];
    expect(deckCounts(input(states))).toEqual({ new: 20, learning: 1, due: 2, waiting: 0 });
    expect(deckCounts(input(states, { newDoneToday: { a: 18 } })).new).toBe(2);
  });

  it('finds the next due card after now, ignoring new and inactive cards', () => {
    const states = [card({ state: 2, due: NOW + 48 * HOUR }), card({ state: 1, due: NOW + 5 * MIN, inactive: 1 }), card({ state: 0, due: NOW + MIN })];
    expect(nextDueAfter(states, NOW)).toBe(NOW + 48 * HOUR);
    expect(nextDueAfter([], NOW)).toBeNull();
  });
});

describe('the learner’s day', () => {
  it('runs from local midnight to midnight', () => {
    const lateNight = new Date(2026, 10, 3, 0, 30).getTime();
    expect(startOfLearnerDay(lateNight)).toBe(new Date(2026, 10, 3).getTime());
    expect(startOfLearnerDay(NOW)).toBe(new Date(2026, 10, 2).getTime());
    expect(endOfLearnerDay(NOW)).toBe(new Date(2026, 10, 3).getTime() - 1);
    expect(startOfLearnerDay(new Date(2026, 10, 3, 4, 0).getTime(), 4)).toBe(new Date(2026, 10, 3, 4, 0).getTime());
  });
});
