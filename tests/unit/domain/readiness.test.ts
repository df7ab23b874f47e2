import { describe, expect, it } from 'vitest';
import { default_w, forgetting_curve } from 'ts-fsrs';
import { computeReadiness, retrievability, type ReadinessCard } from '../../../src/lib/domain/readiness';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-27T09:00:00Z');
const card = (over: Partial<ReadinessCard>): ReadinessCard => ({
  deckId: 'docker',
  tags: [],
  state: 2,
  stability: 10,
  lastReview: NOW - 10 * DAY,
  suspended: false,
  ...over,
});

describe('retrievability', () => {
  it('follows the FSRS forgetting curve: 90% after one stability, 100% just after a review', () => {
    expect(retrievability(card({}), NOW)).toBeCloseTo(0.9, 6);
    expect(retrievability(card({ lastReview: NOW }), NOW)).toBe(1);
    const r = retrievability(card({ stability: 3.2, lastReview: NOW - 7.5 * DAY }), NOW);
    expect(r).toBeCloseTo(forgetting_curve(default_w, 7.5, 3.2), 6);
    expect(r).toBeLessThan(0.9);
  });

  it('is 0 for a card never studied', () => {
    expect(retrievability(card({ state: 0, stability: 0, lastReview: undefined }), NOW)).toBe(0);
  });

  it('falls as the moment moves later', () => {
    const c = card({});
    expect(retrievability(c, NOW + 30 * DAY)).toBeLessThan(retrievability(c, NOW));
  });
});

describe('topic readiness', () => {
  it('is the mean predicted recall per deck and per tag, never-studied cards counting as not known, weakest first', () => {
    const cards = [
      card({ deckId: 'docker', tags: ['networking'] }), // 0.9
      card({ deckId: 'docker', tags: ['networking'], state: 0, stability: 0, lastReview: undefined }), // 0
      card({ deckId: 'k8s', tags: ['pods'], lastReview: NOW }), // 1
      card({ deckId: 'k8s', tags: ['pods'], suspended: true, state: 0, lastReview: undefined }), // left out
    ];
    const report = computeReadiness(cards, NOW, { docker: 'Docker basics', k8s: 'Kubernetes' });
    expect(report.overall.cards).toBe(3);
    expect(report.overall.studied).toBe(2);
    expect(report.overall.recall).toBeCloseTo(1.9 / 3, 6);
    expect(report.topics.map((t) => [t.kind, t.label, t.cards, Number(t.recall.toFixed(3))])).toEqual([
      ['deck', 'Docker basics', 2, 0.45],
      ['tag', '#networking', 2, 0.45],
      ['deck', 'Kubernetes', 1, 1],
      ['tag', '#pods', 1, 1],
    ]);
  });

  it('predicts lower readiness for a later date', () => {
    const cards = [card({}), card({ stability: 2, lastReview: NOW - DAY })];
    const today = computeReadiness(cards, NOW).overall.recall;
    const inTwoWeeks = computeReadiness(cards, NOW + 14 * DAY).overall.recall;
    expect(inTwoWeeks).toBeLessThan(today);
  });

  it('reports 0 and no topics without cards', () => {
    expect(computeReadiness([], NOW)).toEqual({ overall: { cards: 0, studied: 0, recall: 0 }, topics: [] });
  });
});
