// One optimisation, start to finish, with the fitting itself passed in (fsrs-browser in the worker and in tests):
// build the items, split them by time, refuse what cannot be fitted, fit on the earlier part, and judge the current
// and the new parameters on the later part.
import { dayOf, type TimeZone } from '../stats/days';
import { evaluateParameters, type Evaluation } from './evaluation';
import { DEFAULT_PARAMETERS, isImprovement, isParameterVector, notReadyReason, type NotReady, type ParameterSet } from './parameters';
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
      trainItems: number;
      testItems: number;
      /** The parameters in use, judged on the later reviews. */
      current: Evaluation;
      /** The new parameters (fitted on the earlier reviews), judged on the same later reviews. */
      candidate: ParameterSet & { evaluation: Evaluation };
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
  const before = evaluateParameters(current ?? DEFAULT_PARAMETERS, test);
  const after = evaluateParameters(w, test);
  return {
    kind: 'fitted',
    reviewCount: logs.length,
    trainItems: train.length,
    testItems: test.length,
    current: before,
    candidate: { w, createdAt: now, reviewCount: logs.length, evaluation: after },
    better: isImprovement(before, after),
  };
}
