import { describe, expect, it } from 'vitest';
import { buildTrainingItems, flattenItems, splitByTime, type TrainingLog } from '../../../../src/lib/domain/optimizer/training-items';
import { dayOf } from '../../../../src/lib/domain/stats/days';
import { evaluateParameters, logLoss, rmseBins } from '../../../../src/lib/domain/optimizer/evaluation';
import { DEFAULT_PARAMETERS } from '../../../../src/lib/domain/optimizer/parameters';

const DAY = 86_400_000;
const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 10); // 10:00 UTC

let id = 0;
const log = (cardId: string, rating: 1 | 2 | 3 | 4, review: number, state: 0 | 1 | 2 | 3 = 2): TrainingLog => ({ id: ++id, cardId, rating, review, state });

describe('training items from the review log', () => {
  it('one item per later-day review, holding the history before it; same-day steps stay in with delta_t 0', () => {
    const logs = [
      log('a', 3, T0, 0),
      log('a', 3, T0 + 10 * MIN, 1),
      log('a', 3, T0 + DAY),
      log('a', 1, T0 + 4 * DAY),
      log('a', 3, T0 + 4 * DAY + 10 * MIN, 3),
      log('a', 4, T0 + 6 * DAY),
    ];
    const items = buildTrainingItems(logs, dayOf(0));
    expect(items.map((item) => item.reviews.map((r) => `${r.rating}@${r.delta_t}`).join(' '))).toEqual([
      '3@0 3@0 3@1',
      '3@0 3@0 3@1 1@3',
      '3@0 3@0 3@1 1@3 3@0 4@2',
    ]);
    const flat = flattenItems(items);
    expect(Array.from(flat.lengths)).toEqual([3, 4, 6]);
    expect(Array.from(flat.ratings.slice(0, 7))).toEqual([3, 3, 3, 3, 3, 3, 1]);
    expect(Array.from(flat.deltaTs.slice(0, 7))).toEqual([0, 0, 1, 0, 0, 1, 3]);
  });

  it('counts days at the learner’s midnight, not UTC’s', () => {
    // 21:30 and 22:30 UTC are 23:30 and 00:30 in UTC+2: one local day apart, the same UTC day.
    const late = Date.UTC(2026, 2, 2, 21, 30);
    const logs = [log('b', 3, late, 0), log('b', 3, late + 60 * MIN)];
    expect(buildTrainingItems(logs, dayOf(120))).toHaveLength(1);
    expect(buildTrainingItems(logs, dayOf(0))).toHaveLength(0);
  });

  it('starts each card at its last first-learning answer and skips cards whose first answer is missing', () => {
    const logs = [
      log('c', 1, T0, 0),
      log('c', 3, T0 + 3 * DAY),
      log('c', 3, T0 + 10 * DAY, 0), // the card was reset and learnt afresh
      log('c', 3, T0 + 12 * DAY),
      log('d', 3, T0 + DAY, 2), // imported without its first answer
      log('d', 3, T0 + 5 * DAY),
    ];
    const items = buildTrainingItems(logs, dayOf(0));
    expect(items.map((item) => [item.cardId, item.reviews.map((r) => `${r.rating}@${r.delta_t}`).join(' ')])).toEqual([['c', '3@0 3@2']]);
  });

  it('orders items by the time of the predicted review and splits the earlier 80% off', () => {
    const logs = ['x', 'y', 'z', 'w', 'v'].flatMap((card, i) => [log(card, 3, T0 + i * MIN, 0), log(card, 3, T0 + (5 - i) * DAY)]);
    const items = buildTrainingItems(logs, dayOf(0));
    expect(items.map((item) => item.cardId)).toEqual(['v', 'w', 'z', 'y', 'x']);
    const { train, test } = splitByTime(items);
    expect(train.map((i) => i.cardId)).toEqual(['v', 'w', 'z', 'y']);
    expect(test.map((i) => i.cardId)).toEqual(['x']);
  });
});

describe('evaluation', () => {
  it('log loss and RMSE(bins) of known predictions', () => {
    expect(logLoss([0.9, 0.9, 0.5], [1, 0, 1])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.1) + Math.log(0.5)) / 3, 10);
    // One bin holding 0.9, 0.9 with outcomes 1, 0: mean prediction 0.9, mean outcome 0.5.
    expect(rmseBins([0.9, 0.9], [1, 0])).toBeCloseTo(0.4, 10);
    expect(rmseBins([0.2, 0.95], [0, 1])).toBeCloseTo(Math.sqrt((0.2 ** 2 + 0.05 ** 2) / 2), 10);
  });

  it('a longer gap since a good review predicts lower recall', () => {
    const item = (gap: number, rating: 1 | 3) => ({ cardId: 'a', at: 0, reviews: [{ rating: 3 as const, delta_t: 0 }, { rating, delta_t: gap }] });
    const soon = evaluateParameters(DEFAULT_PARAMETERS, [item(1, 3)]);
    const late = evaluateParameters(DEFAULT_PARAMETERS, [item(60, 3)]);
    expect(soon.logLoss).toBeLessThan(late.logLoss);
    expect(evaluateParameters(DEFAULT_PARAMETERS, [item(60, 1)]).logLoss).toBeLessThan(evaluateParameters(DEFAULT_PARAMETERS, [item(1, 1)]).logLoss);
  });
});
