import { describe, expect, it } from 'vitest';
import { default_w, forgetting_curve } from 'ts-fsrs';
import { computeReadiness, readinessHorizon, retrievability, type ReadinessCard } from '../../../src/lib/domain/readiness';
import { createScheduler, type FsrsStateFields } from '../../../src/lib/domain/scheduler';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import { computeStats } from '../../../src/lib/domain/stats';
import type { StatsCard, StatsLog } from '../../../src/lib/domain/stats/types';

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

describe('readiness after a miss (issue 12)', () => {
  const scheduler = createScheduler(DEFAULT_SETTINGS);
  const fresh = (cardId: string, deckId = 'docker'): FsrsStateFields & { cardId: string; deckId: string } => ({
    cardId, deckId, due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0,
  });
  const asStatsCard = (s: FsrsStateFields & { cardId: string; deckId: string }): StatsCard => ({
    id: s.cardId, deckId: s.deckId, tags: [], state: s.state, due: s.due, stability: s.stability, lastReview: s.last_review, suspended: false,
  });

  it('a 9-card topic with 3 of 12 answers Again is well below 100%, and the missed cards count 0', () => {
    const logs: StatsLog[] = [];
    const cards: StatsCard[] = [];
    for (let i = 0; i < 9; i++) {
      const rating = i < 3 ? 1 : 3;
      const { next, log } = scheduler.applyRating(fresh(`c${i}`), rating, NOW);
      logs.push({ review: NOW, rating: log.rating, state: log.state, durationMs: 1000, cardId: `c${i}` });
      cards.push(asStatsCard(next));
    }
    const stats = computeStats(logs, cards, { now: NOW + 60_000, zone: 0, desiredRetention: 0.9, interviewStart: null });
    expect(stats.readinessHorizon).toEqual({ at: NOW + 60_000 + 7 * DAY, interview: false });
    const deck = stats.readiness.topics.find((t) => t.id === 'docker')!;
    const rightOnes = cards.slice(3).reduce((sum, c) => sum + retrievability(c, stats.readinessHorizon.at), 0);
    expect(deck.recall).toBeCloseTo(rightOnes / 9, 9);
    expect(deck.recall).toBeLessThan(0.6);
  });

  it('one wrong mock answer in an unstudied deck leaves it at 0%; a right answer afterwards counts again', () => {
    const cards = Array.from({ length: 9 }, (_, i) => asStatsCard(fresh(`m${i}`)));
    const missed = scheduler.applyRating(fresh('m0'), 1, NOW);
    cards[0] = asStatsCard(missed.next);
    const logs: StatsLog[] = [{ review: NOW, rating: 1, state: 0, durationMs: 1000, cardId: 'm0' }];
    const options = { now: NOW + 60_000, zone: 0, desiredRetention: 0.9, interviewStart: null };
    expect(computeStats(logs, cards, options).readiness.overall.recall).toBe(0);

    const later = NOW + 10 * 60_000;
    const right = scheduler.applyRating(missed.next, 3, later);
    cards[0] = asStatsCard(right.next);
    logs.push({ review: later, rating: 3, state: 1, durationMs: 1000, cardId: 'm0' });
    expect(computeStats(logs, cards, { ...options, now: later }).readiness.overall.recall).toBeGreaterThan(0);
  });

  it('uses the interview day as the horizon when it is ahead, otherwise a week from now', () => {
    expect(readinessHorizon(NOW, NOW + 3 * DAY)).toEqual({ at: NOW + 3 * DAY, interview: true });
    expect(readinessHorizon(NOW, NOW - DAY)).toEqual({ at: NOW + 7 * DAY, interview: false });
    expect(readinessHorizon(NOW, null)).toEqual({ at: NOW + 7 * DAY, interview: false });
  });
});
