import { describe, expect, it } from 'vitest';
import { simulateRetentionCost } from '../../../../src/lib/domain/optimizer/retention-cost';
import { DEFAULT_PARAMETERS } from '../../../../src/lib/domain/optimizer/parameters';
import { TRUE_PARAMETERS } from '../../../fixtures/simulated-learner';

describe('the daily cost of a desired retention', () => {
  it('grows with the retention and scales with the collection', () => {
    const costs = simulateRetentionCost({ w: DEFAULT_PARAMETERS, cardCount: 1000 });
    const perDay = costs.map((c) => c.reviewsPerDay);
    for (let i = 1; i < perDay.length; i++) expect(perDay[i]).toBeGreaterThan(perDay[i - 1]);
    // 0.95 costs far more than 0.85: the point of showing it.
    expect(perDay[3] / perDay[1]).toBeGreaterThan(1.5);
    const half = simulateRetentionCost({ w: DEFAULT_PARAMETERS, cardCount: 500 });
    half.forEach((c, i) => expect(c.reviewsPerDay).toBeCloseTo(perDay[i] / 2, 6));
    expect(simulateRetentionCost({ w: DEFAULT_PARAMETERS, cardCount: 0 }).every((c) => c.reviewsPerDay === 0)).toBe(true);
  });

  it('depends on the learner’s parameters: longer-lasting first memories need fewer reviews', () => {
    const defaults = simulateRetentionCost({ w: DEFAULT_PARAMETERS, cardCount: 1000, retentions: [0.9] })[0];
    const learner = simulateRetentionCost({ w: TRUE_PARAMETERS, cardCount: 1000, retentions: [0.9] })[0];
    expect(learner.reviewsPerDay).not.toBeCloseTo(defaults.reviewsPerDay, 0);
  });
});
