// One optimisation, start to finish, with the fitting itself passed in (fsrs-browser in the worker and in tests):
// build the items, split them by time, refuse what cannot be fitted, fit on the earlier part, and judge the current
// and the new parameters on the later part.
import { dayOf, type TimeZone } from '../stats/days';
import { evaluationOf, itemLogLosses, outcomesOf, predictRecall, type Evaluation } from './evaluation';
import { DEFAULT_PARAMETERS, gainLowerBound, isImprovement, MIN_MATERIAL_GAIN, isParameterVector, notReadyReason, type NotReady, type ParameterSet } from './parameters';
import { buildTrainingItems, flattenItems, splitByTime, type TrainingLog } from './training-items';

export type FlatItems = ReturnType<typeof flattenItems>;

export interface OptimiseInput {
  logs: readonly TrainingLog[];
  zone: TimeZone;
  now: number;
  /** The parameters in use, or null for the defaults. */
  current: readonly number[] | null;
  fit: (items: FlatItems) => number[];
  onStage?: (fraction: number, label: string) => void;
}

export type OptimiseOutcome =
  | { kind: 'not-ready'; why: NotReady; reviewCount: number }
  | {
      kind: 'fitted';
      reviewCount: number;
      /** Predictions at later-day reviews (a review on a later day than the card's previous one) fitted on. */
      trainItems: number;
      /** The latest predictions, held out to judge both sets. */
      testItems: number;
      /** Reviews of every kind (same-day learning steps too) answered before the first held-out one. */
      reviewsBeforeTest: number;
      /** Mean gain in log loss of the new set over the current one on the held-out predictions (above 0: better). */
      gain: number;
      /** The gain beyond noise (gainLowerBound); Apply is offered only when it is above 0. */
      gainLowerBound: number;
      /** The parameters in use, judged on the later reviews. */
      current: Evaluation;
      /** The new parameters (fitted on the earlier reviews), judged on the same later reviews. */
      candidate: ParameterSet & { evaluation: Evaluation };
      /** The new set predicts better, and by more than noise: Apply is offered. */
      better: boolean;
    };

export function fitAndCompare({ logs, zone, now, current, fit, onStage = () => {} }: OptimiseInput): OptimiseOutcome {
  const items = buildTrainingItems(logs, dayOf(zone));
  const { train, test } = splitByTime(items);
  const why = notReadyReason(logs.length, items, test);
  if (why) return { kind: 'not-ready', why, reviewCount: logs.length };
  onStage(0.35, `Fitting to your earlier ${train.length.toLocaleString('en')} predictions`);
  const w = fit(flattenItems(train));
  if (!isParameterVector(w)) throw new Error('The optimiser returned no usable parameters.');
  onStage(0.9, `Comparing on your latest ${test.length.toLocaleString('en')} predictions`);
  const outcomes = outcomesOf(test);
  const predictedBefore = predictRecall(current ?? DEFAULT_PARAMETERS, test);
  const predictedAfter = predictRecall(w, test);
  const before = evaluationOf(predictedBefore, outcomes);
  const after = evaluationOf(predictedAfter, outcomes);
  const bound = gainLowerBound(itemLogLosses(predictedBefore, outcomes), itemLogLosses(predictedAfter, outcomes));
  const testStart = test[0]?.at ?? Infinity;
  return {
    kind: 'fitted',
    reviewCount: logs.length,
    trainItems: train.length,
    testItems: test.length,
    reviewsBeforeTest: logs.filter((log) => log.review < testStart).length,
    gain: before.logLoss - after.logLoss,
    gainLowerBound: bound,
    current: before,
    candidate: { w, createdAt: now, reviewCount: logs.length, evaluation: after },
    better: isImprovement(before, after) && bound > 0 && before.logLoss - after.logLoss >= MIN_MATERIAL_GAIN,
  };
}
