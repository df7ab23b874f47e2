import { describe, expect, test } from 'vitest';
import { computeStats } from '../../../src/lib/domain/stats';
import type { StatsCard, StatsLog } from '../../../src/lib/domain/stats/types';

const NOW = Date.parse('2026-11-27T09:00:00Z');
const options = { now: NOW, zone: 'Europe/Berlin', desiredRetention: 0.9, interviewStart: null };
const card = (over: Partial<StatsCard>): StatsCard => ({ id: 'c', deckId: 'd', tags: ['t'], state: 2, due: NOW, stability: 5, lastReview: NOW - 86_400_000, suspended: false, ...over });

describe('stats with out-of-range dates (from a damaged backup)', () => {
  test('a review time of 1e300 and a due date of 1e308 do not break the pictures', () => {
    const logs: StatsLog[] = [
      { review: 1e300, rating: 3, state: 2, durationMs: 1000 },
      { review: -1e300, rating: 1, state: 2, durationMs: 1000 },
      { review: NOW - 3_600_000, rating: 3, state: 2, durationMs: 5000 },
    ];
    const result = computeStats(logs, [card({ due: 1e308 }), card({ id: 'b', due: NaN, lastReview: 1e300 }), card({ id: 'e' })], options);
    expect(result.heatmap.total).toBe(1);
    // The unreadable due date counts as overdue (shown today); 1e308 lands in 2200, outside the 30 days.
    expect(result.forecast.due[0]).toBe(2);
    expect(result.states.total).toBe(3);
  });
});
