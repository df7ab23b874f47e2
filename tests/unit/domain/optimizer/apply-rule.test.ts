// When Apply is offered: only when the new parameters predict the held-out reviews better by more than noise.
import { describe, expect, it } from 'vitest';
import { gainLowerBound } from '../../../../src/lib/domain/optimizer/parameters';
import { fitAndCompare } from '../../../../src/lib/domain/optimizer/optimise';
import { DEFAULT_PARAMETERS } from '../../../../src/lib/domain/optimizer/parameters';
import { simulateLearner, TRUE_PARAMETERS } from '../../../fixtures/simulated-learner';

/** Per-prediction losses: `n` values alternating around `mean` by `spread`. */
const losses = (n: number, mean: number, spread: number, phase = 0) => Array.from({ length: n }, (_, i) => mean + ((i + phase) % 2 ? spread : -spread));

describe('the gain beyond noise (paired bootstrap)', () => {
  it('is above zero for a gain every prediction shares, and at or below zero for a tiny gain among large differences', () => {
    expect(gainLowerBound(losses(300, 0.3, 0.1), losses(300, 0.29, 0.1))).toBeGreaterThan(0.009);
    // The same 0.0002 mean gain, but the two sets disagree a lot prediction by prediction.
    const current = losses(297, 0.3, 0.2);
    const candidate = current.map((x, i) => x - 0.0002 + (i % 3 === 0 ? 0.3 : i % 3 === 1 ? -0.3 : 0));
    expect(gainLowerBound(current, candidate)).toBeLessThanOrEqual(0);
  });

  it('gives the same answer for the same data', () => {
    const current = losses(100, 0.3, 0.2);
    const candidate = current.map((x, i) => x + Math.sin(i) * 0.05 - 0.004);
    expect(gainLowerBound(current, candidate)).toBe(gainLowerBound(current, candidate));
  });
});

describe('fitAndCompare offers Apply only beyond noise', () => {
  const logs = simulateLearner();
  const NOW = Date.UTC(2026, 6, 1);

  it('offers the true parameters over the defaults, and not a set that differs from the current one by a hair', () => {
    const truth = fitAndCompare({ logs, zone: 0, now: NOW, current: null, fit: () => [...TRUE_PARAMETERS] });
    expect(truth.kind).toBe('fitted');
    if (truth.kind !== 'fitted') return;
    expect(truth.gainLowerBound).toBeGreaterThan(0);
    expect(truth.better).toBe(true);
    // A hair away from the defaults: better or worse by a sliver, never offered.
    const hair = fitAndCompare({ logs, zone: 0, now: NOW, current: null, fit: () => DEFAULT_PARAMETERS.map((x, i) => (i === 0 ? x * 1.01 : x)) });
    if (hair.kind !== 'fitted') throw new Error('not fitted');
    expect(Math.abs(hair.gain)).toBeLessThan(0.001);
    expect(hair.better).toBe(false);
    expect(hair.reviewsBeforeTest).toBeGreaterThan(hair.trainItems);
    expect(hair.reviewsBeforeTest).toBeLessThan(logs.length);
  });
});
