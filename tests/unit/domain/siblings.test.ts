// Siblings in the study queue: at most one card of a note per day, new or review, with a fixed `now`.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildQueue, deckCounts, type QueueCandidate, type QueueInput, type QueueState } from '../../../src/lib/domain/queue';
import { noteKey, withoutLastAnswer, type AnsweredCard } from '../../../src/lib/domain/siblings';
import { studyLimits } from '../../../src/lib/domain/study-limits';
import { createScheduler } from '../../../src/lib/domain/scheduler';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import { DAY_MS } from '../../../src/lib/domain/day';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime(); // local 09:00
const HOUR = 3_600_000;

let seq = 0;
function card(noteId: string, partial: Partial<QueueCandidate> = {}): QueueCandidate {
  seq += 1;
  return { cardId: `c${String(seq).padStart(3, '0')}`, deckId: 'a', noteId, due: NOW, state: 0, stability: 0, difficulty: 0, lapses: 0, inactive: 0, order: seq, ...partial };
}

function input(states: QueueCandidate[], over: Partial<QueueInput> = {}): QueueInput {
  return { states, newDoneToday: {}, reviewsDoneToday: {}, now: NOW, ...studyLimits(DEFAULT_SETTINGS, NOW), ...over };
}

const answered = (...cards: QueueCandidate[]): AnsweredCard[] => cards.map((c) => ({ cardId: c.cardId, deckId: c.deckId, noteId: c.noteId! }));
const ids = (queue: { cardId: string }[]) => queue.map((q) => q.cardId);

describe('siblings in the study queue', () => {
  it('introduces one new card per note per day, and the limit counts only the cards shown', () => {
    const create = [card('create'), card('create'), card('create')];
    const start = [card('start'), card('start')];
    const alone = card('alone');
    expect(ids(buildQueue(input([...create, ...start, alone])))).toEqual([create[0].cardId, start[0].cardId, alone.cardId]);
    const states = Array.from({ length: 30 }, (_, i) => card(`note-${Math.floor(i / 3)}`));
    expect(buildQueue(input(states))).toHaveLength(10);
    expect(deckCounts(input(states)).new).toBe(10);
  });

  it('counts the new cards that wait for their siblings, apart from those over the limit', () => {
    // A deck of 30 new cards from 11 facts: 11 new today, 19 after their siblings, though the limit is 20.
    const states = Array.from({ length: 30 }, (_, i) => card(`fact-${i % 11}`));
    expect(deckCounts(input(states))).toMatchObject({ new: 11, waiting: 19 });
    // 40 facts of one card each: 20 today, the rest wait for the limit, not for siblings.
    expect(deckCounts(input(Array.from({ length: 40 }, (_, i) => card(`single-${i}`))))).toMatchObject({ new: 20, waiting: 0 });
  });

  it('keeps a note’s siblings waiting once one of its cards was answered today, and brings them the next day', () => {
    const [first, second] = [card('n', { state: 2, due: NOW + 3 * DAY_MS }), card('n')];
    const other = card('other');
    expect(ids(buildQueue(input([first, second, other], { answeredToday: answered(first) })))).toEqual([other.cardId]);
    const tomorrow = NOW + DAY_MS;
    expect(ids(buildQueue(input([first, second, other], { now: tomorrow, ...studyLimits(DEFAULT_SETTINGS, tomorrow) })))).toEqual([second.cardId, other.cardId]);
  });

  it('shows one review per note per day and buries a review whose sibling was answered or is in learning today', () => {
    const [early, late] = [card('n', { state: 2, due: NOW - 2 * HOUR }), card('n', { state: 2, due: NOW - HOUR })];
    expect(ids(buildQueue(input([early, late])))).toEqual([early.cardId]);
    const review = card('m', { state: 2, due: NOW - HOUR });
    const newSibling = card('m');
    const answeredSibling = card('m', { state: 2, due: NOW + 5 * DAY_MS });
    expect(buildQueue(input([review, answeredSibling], { answeredToday: answered(answeredSibling) }))).toEqual([]);
    const learningSibling = card('m', { state: 1, due: NOW + 3 * HOUR });
    expect(ids(buildQueue(input([review, learningSibling, newSibling])))).toEqual([]);
    expect(deckCounts(input([review, learningSibling, newSibling]))).toEqual({ new: 0, learning: 1, due: 0, waiting: 1 });
    // A due review takes its note, so the new sibling waits.
    expect(ids(buildQueue(input([review, newSibling])))).toEqual([review.cardId]);
  });

  it('never buries a card for its own answer: a learning card comes back the same day', () => {
    const learning = card('n', { state: 1, due: NOW - 1 });
    const sibling = card('n');
    expect(ids(buildQueue(input([learning, sibling], { answeredToday: answered(learning, learning) })))).toEqual([learning.cardId]);
  });

  it('keeps notes apart per deck: the same note id in two decks is two notes', () => {
    const inA = card('shared', { deckId: 'a' });
    const inB = card('shared', { deckId: 'b' });
    expect(ids(buildQueue(input([inA, inB])))).toEqual([inA.cardId, inB.cardId]);
    expect(noteKey(inA)).not.toBe(noteKey(inB));
  });

  it('applies to the extra new cards, review ahead and the weakest-first drill', () => {
    const news = [card('n'), card('n'), card('m')];
    expect(ids(buildQueue(input(news, { mode: 'extra-new', newLimit: 0, extraNew: 10 })))).toEqual([news[0].cardId, news[2].cardId]);
    const ahead = [card('r', { state: 2, due: NOW + 2 * DAY_MS }), card('r', { state: 2, due: NOW + 3 * DAY_MS }), card('s', { state: 2, due: NOW + 4 * DAY_MS })];
    expect(ids(buildQueue(input(ahead, { mode: 'ahead' })))).toEqual([ahead[0].cardId, ahead[2].cardId]);
    expect(ids(buildQueue(input(ahead, { mode: 'ahead', answeredToday: answered(card('r', { state: 2 })) })))).toEqual([ahead[2].cardId]);
    expect(buildQueue(input(ahead, { mode: 'weakest', weakestCount: 10 }))).toHaveLength(2);
  });

  it('forgets an undone answer, so the siblings come back', () => {
    const [a, b] = [card('n'), card('n')];
    const today = answered(a, b, a);
    expect(withoutLastAnswer(today, a.cardId)).toEqual(answered(a, b));
    expect(withoutLastAnswer(answered(b), a.cardId)).toEqual(answered(b));
  });
});

const DECK_DAYS = 12;

/** Studies a deck of notes day by day as a learner would, answering every shown card. */
function studyDays(notes: number, perNote: number, rating: 1 | 3 | 4) {
  const scheduler = createScheduler(DEFAULT_SETTINGS);
  const fresh = { elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0 };
  let states = Array.from({ length: notes * perNote }, (_, i) => ({ ...fresh, ...card(`note-${i % notes}`, { deckId: 'sim', order: i }) }));
  const shown: { day: number; cardId: string; noteId: string }[] = [];
  for (let day = 0; day < DECK_DAYS; day++) {
    const start = NOW + day * DAY_MS;
    const limits = studyLimits({ ...DEFAULT_SETTINGS, newPerDay: 8 }, start);
    const today: AnsweredCard[] = [];
    const newDone: Record<string, number> = {};
    const reviewsDone: Record<string, number> = {};
    let now = start;
    for (let step = 0; step < 500; step++) {
      const queue = buildQueue({ states, newDoneToday: newDone, reviewsDoneToday: reviewsDone, answeredToday: today, now, ...limits });
      const next = queue.find((q) => q.due <= now || q.kind !== 'learning') ?? queue[0];
      if (!next) break;
      now = Math.max(now, next.due) + 10_000;
      const state = states.find((s) => s.cardId === next.cardId)!;
      if (state.state === 0) newDone.sim = (newDone.sim ?? 0) + 1;
      if (state.state === 2) reviewsDone.sim = (reviewsDone.sim ?? 0) + 1;
      // After a first Again, the card is remembered, so learning ends within the day.
      const { next: after } = scheduler.applyRating(state, state.state === 0 ? rating : 3, now);
      states = states.map((s) => (s.cardId === state.cardId ? { ...s, ...after } : s));
      today.push({ cardId: state.cardId, deckId: 'sim', noteId: state.noteId! });
      shown.push({ day, cardId: state.cardId, noteId: state.noteId! });
    }
  }
  return shown;
}

describe('studying a deck with siblings over several days', () => {
  for (const rating of [1, 3, 4] as const) {
    it(`never shows two cards of one note on the same day, and introduces siblings on different days (first answer ${rating})`, () => {
      const shown = studyDays(10, 3, rating);
      const perDay = new Map<string, Set<string>>();
      for (const s of shown) {
        const key = `${s.day}/${s.noteId}`;
        perDay.set(key, (perDay.get(key) ?? new Set()).add(s.cardId));
      }
      expect([...perDay.values()].filter((cards) => cards.size > 1)).toEqual([]);
      const introduced = new Map<string, number>();
      for (const s of shown) if (!introduced.has(s.cardId)) introduced.set(s.cardId, s.day);
      // Every card was introduced within the simulated days, siblings each on a day of its own.
      expect(introduced.size).toBe(30);
      for (let n = 0; n < 10; n++) {
        const days = shown.filter((s) => s.noteId === `note-${n}`).map((s) => introduced.get(s.cardId)!);
        expect(new Set(days).size).toBe(3);
      }
    });
  }
});

describe('counts and the queue agree', () => {
  const stateArb = fc.record({
    note: fc.integer({ min: 0, max: 5 }),
    deckId: fc.constantFrom('a', 'b'),
    state: fc.constantFrom<QueueState>(0, 0, 1, 2, 2, 3),
    dueHours: fc.integer({ min: -48, max: 72 }),
    inactive: fc.constantFrom<0 | 1>(0, 0, 0, 1),
  });

  it('counts exactly the new and due cards a session shows, and never two cards of one note', () => {
    fc.assert(
      fc.property(fc.array(stateArb, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 5 }), fc.integer({ min: 1, max: 6 }), (raw, answeredIdx, newLimit) => {
        const states = raw.map((r, i) => card(`n${r.note}`, { deckId: r.deckId, state: r.state, due: NOW + r.dueHours * HOUR, inactive: r.inactive, order: i }));
        const today = answered(...answeredIdx.filter((i) => i < states.length).map((i) => states[i]));
        const q = input(states, { answeredToday: today, newLimit, reviewLimit: 3 });
        const queue = buildQueue(q);
        const counts = deckCounts(q);
        expect(queue.filter((x) => x.kind === 'new')).toHaveLength(counts.new);
        expect(queue.filter((x) => x.kind === 'review')).toHaveLength(counts.due);
        const byId = new Map(states.map((s) => [s.cardId, s]));
        const newOrReview = queue.filter((x) => x.kind !== 'learning').map((x) => byId.get(x.cardId)!);
        const keys = newOrReview.map(noteKey);
        expect(new Set(keys).size).toBe(keys.length);
        // A card answered today buries every other card of its note.
        for (const s of newOrReview) expect(today.filter((t) => noteKey(t) === noteKey(s)).every((t) => t.cardId === s.cardId)).toBe(true);
      }),
    );
  });
});
