import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { checkCollection, describeReport, type CheckCard, type CheckInput, type CheckReview, type CheckState, type CollectionRepair } from '../../../src/lib/domain/collection-check';
import { createScheduler, type RatingValue } from '../../../src/lib/domain/scheduler';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import { isPlausibleTime } from '../../../src/lib/domain/time-range';

const NOW = Date.UTC(2026, 10, 20, 9);
const DAY = 86_400_000;
const scheduler = createScheduler(DEFAULT_SETTINGS);
type Collection = CheckInput<CheckCard, CheckState, CheckReview>;

/** A collection as the app writes it: each studied card's state is what its answers produced. */
const collection: fc.Arbitrary<Collection> = fc
  .array(fc.record({ deck: fc.constantFrom('a', 'b'), note: fc.integer({ min: 0, max: 3 }), kind: fc.constantFrom('basic', 'truefalse'), ratings: fc.array(fc.constantFrom<RatingValue>(1, 2, 3, 4), { maxLength: 4 }), suspended: fc.boolean() }), { minLength: 1, maxLength: 6 })
  .map((specs) => {
    const c: Collection = { cards: [], states: [], reviews: [] };
    let reviewId = 1;
    specs.forEach((spec, i) => {
      const id = `card${i}`;
      const createdAt = NOW - 30 * DAY;
      const content = spec.kind === 'basic' ? { kind: 'basic' as const, prompt: `Question ${i}`, answer: `Answer ${i}` } : { kind: 'truefalse' as const, statement: `Statement ${i}`, isTrue: true, explanation: '' };
      c.cards.push({ id, noteId: `note${spec.note}`, tags: [], ...content, deckId: spec.deck, order: i, suspended: spec.suspended ? 1 : 0, retired: 0, createdAt, updatedAt: createdAt });
      let state = { cardId: id, deckId: spec.deck, due: createdAt, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0 as const, inactive: (spec.suspended ? 1 : 0) as 0 | 1 } as CheckState;
      spec.ratings.forEach((rating, n) => {
        const at = createdAt + (n + 1) * 3 * DAY + i;
        const { next, log } = scheduler.applyRating(state, rating, at);
        c.reviews.push({ ...log, id: reviewId++, cardId: id, deckId: spec.deck });
        state = next;
      });
      c.states.push(state);
    });
    return c;
  });

type Corruption = (c: Collection, pick: number) => void;
const at = <T,>(list: T[], pick: number): T | undefined => list[pick % Math.max(1, list.length)];
const CORRUPTIONS: Record<string, Corruption> = {
  'delete a state': (c, p) => void c.states.splice(p % c.states.length, 1),
  'orphan state': (c) => void c.states.push({ ...c.states[0] ?? at(c.states, 0)!, cardId: `ghost${c.states.length}` }),
  'orphan review': (c) => void c.reviews.push({ cardId: 'ghost', deckId: 'a', rating: 3, state: 0, due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review: NOW, id: 10_000 + c.reviews.length }),
  'due 1e308': (c, p) => { const s = at(c.states, p); if (s) s.due = 1e308; },
  'due NaN': (c, p) => { const s = at(c.states, p); if (s) s.due = NaN; },
  'review time 1e300': (c, p) => { const r = at(c.reviews, p); if (r) r.review = 1e300; },
  'review grade 9': (c, p) => { const r = at(c.reviews, p); if (r) r.rating = 9 as RatingValue; },
  'negative stability': (c, p) => { const s = at(c.states, p); if (s) s.stability = -1; },
  'flip inactive': (c, p) => { const s = at(c.states, p); if (s) s.inactive = s.inactive ? 0 : 1; },
  'state in another deck': (c, p) => { const s = at(c.states, p); if (s) s.deckId = 'elsewhere'; },
  'state reset to new, or a new card made studied': (c, p) => {
    const s = at(c.states, p);
    if (s?.state) Object.assign(s, { state: 0, reps: 0, last_review: undefined });
    else if (s) Object.assign(s, { state: 2, reps: 3, last_review: NOW - 5 });
  },
  'last review moved': (c, p) => { const s = at(c.states, p); if (s) s.last_review = (s.last_review ?? NOW) - 1000; },
  'reviews lost': (c, p) => { const card = at(c.cards, p); if (card) c.reviews = c.reviews.filter((r) => r.cardId !== card.id); },
  'card created at NaN': (c, p) => { const card = at(c.cards, p); if (card) card.createdAt = NaN; },
  'duplicate sibling': (c, p) => {
    const card = at(c.cards, p)!;
    const copy = { ...card, id: `${card.id}-copy${c.cards.length}`, retired: 0 as const, order: card.order + 100 };
    c.cards.push(copy);
    c.states.push({ cardId: copy.id, deckId: copy.deckId, due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0, inactive: copy.suspended });
  },
};
const corruption = fc.tuple(fc.constantFrom(...Object.keys(CORRUPTIONS)), fc.nat(50));

function applyRepair(c: Collection, r: CollectionRepair<CheckCard, CheckState>): Collection {
  const cards = new Map(c.cards.map((x) => [x.id, x]));
  for (const x of r.putCards) cards.set(x.id, x);
  const states = new Map(c.states.map((x) => [x.cardId, x]));
  for (const id of r.deleteStates) states.delete(id);
  for (const x of r.putStates) states.set(x.cardId, x);
  const gone = new Set(r.deleteReviews);
  return { cards: [...cards.values()], states: [...states.values()], reviews: c.reviews.filter((x) => !gone.has(x.id!)) };
}

describe('check the collection', () => {
  test('a collection written by the app checks clean', () => {
    fc.assert(fc.property(collection, (c) => {
      expect(checkCollection(c, NOW, scheduler).report).toEqual({ counts: {}, total: 0 });
    }), { numRuns: 200 });
  });

  test('property: randomly corrupted collections are found, repaired in one pass, and the second run finds nothing (at least 500 corruptions)', () => {
    let corruptions = 0;
    fc.assert(fc.property(collection, fc.array(corruption, { minLength: 1, maxLength: 4 }), (original, damage) => {
      const c = structuredClone(original);
      for (const [name, pick] of damage) CORRUPTIONS[name](c, pick);
      corruptions += damage.length;
      const first = checkCollection(c, NOW, scheduler);
      // One corruption is always found. Several can add up to a sound collection (a card that lost its reviews and
      // had its state reset reads as never studied), which nothing could tell apart; those must still repair cleanly.
      if (damage.length === 1 && JSON.stringify(c) !== JSON.stringify(original)) expect(first.report.total).toBeGreaterThan(0);
      const repaired = applyRepair(c, first);
      expect(checkCollection(repaired, NOW, scheduler).report.total).toBe(0);
      // What the learner relies on: every card has one state that agrees with its flags, nothing dangles, dates are real.
      const cardIds = new Set(repaired.cards.map((x) => x.id));
      expect(repaired.states.map((s) => s.cardId).sort()).toEqual([...cardIds].sort());
      expect(repaired.reviews.every((r) => cardIds.has(r.cardId) && isPlausibleTime(r.review))).toBe(true);
      for (const s of repaired.states) {
        const card = repaired.cards.find((x) => x.id === s.cardId)!;
        expect(s.inactive).toBe(card.suspended || card.retired ? 1 : 0);
        expect(isPlausibleTime(s.due)).toBe(true);
      }
    }), { numRuns: 300 });
    expect(corruptions).toBeGreaterThanOrEqual(500);
  });

  test('the report names each kind of problem; a duplicate sibling is retired, keeping the copy with history', () => {
    const c: Collection = { cards: [], states: [], reviews: [] };
    const card = (id: string, order: number): CheckCard => ({ id, noteId: 'n', kind: 'basic', tags: [], prompt: 'Default driver?', answer: 'bridge', deckId: 'a', order, suspended: 0, retired: 0, createdAt: NOW, updatedAt: NOW });
    c.cards.push(card('first', 0), card('studied', 1));
    const fresh = { due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0 as const, deckId: 'a', inactive: 0 as const };
    const { next, log } = scheduler.applyRating({ ...fresh, cardId: 'studied' }, 3, NOW + DAY);
    c.states.push({ ...fresh, cardId: 'first' }, next);
    c.reviews.push({ ...log, id: 1, cardId: 'studied', deckId: 'a' });
    c.states.push({ ...fresh, cardId: 'ghost' });
    const result = checkCollection(c, NOW + 2 * DAY, scheduler);
    expect(result.putCards).toEqual([expect.objectContaining({ id: 'first', retired: 1 })]);
    expect(describeReport(result.report)).toEqual(['1 card states without a card (removed)', '1 suspended, retired or deck fields out of step (aligned with the card)', '1 duplicate sibling cards (the extra copies were retired, their history kept)']);
  });
});
