// How well a set of FSRS parameters predicts reviews: replay each item's history through the FSRS memory model
// (ts-fsrs, the same model the scheduler uses) and score the predicted recall of its last review.
// The metrics are those fsrs-rs reports: log loss, and RMSE over 20 bins of predicted recall.
import { FSRSAlgorithm, forgetting_curve, type FSRSState } from 'ts-fsrs';
import type { TrainingItem } from './training-items';

export interface Evaluation {
  logLoss: number;
  rmseBins: number;
  /** Items scored. */
  count: number;
}

const EPSILON = 1e-4;
const BINS = 20;

/** Predicted probability of recall at each item's last review. */
export function predictRecall(w: readonly number[], items: readonly TrainingItem[]): Float64Array {
  const model = new FSRSAlgorithm({ w, enable_short_term: true });
  const clipped = model.parameters.w;
  const predictions = new Float64Array(items.length);
  items.forEach((item, i) => {
    let memory: FSRSState | null = null;
    const last = item.reviews.length - 1;
    for (let k = 0; k < last; k++) memory = model.next_state(memory, item.reviews[k].delta_t, item.reviews[k].rating);
    predictions[i] = memory ? forgetting_curve(clipped, item.reviews[last].delta_t, memory.stability) : 0.5;
  });
  return predictions;
}

export function evaluateParameters(w: readonly number[], items: readonly TrainingItem[]): Evaluation {
  return evaluationOf(predictRecall(w, items), outcomesOf(items));
}

export function evaluationOf(predictions: ArrayLike<number>, outcomes: ArrayLike<number>): Evaluation {
  return { logLoss: logLoss(predictions, outcomes), rmseBins: rmseBins(predictions, outcomes), count: predictions.length };
}

/** 1 where the predicted review was remembered (any grade but Again), else 0. */
export function outcomesOf(items: readonly TrainingItem[]): number[] {
  return items.map((item) => (item.reviews[item.reviews.length - 1].rating > 1 ? 1 : 0));
}

/** Each prediction's own log loss: what the paired comparison of two parameter sets resamples. */
export function itemLogLosses(predictions: ArrayLike<number>, outcomes: ArrayLike<number>): Float64Array {
  const losses = new Float64Array(predictions.length);
  for (let i = 0; i < predictions.length; i++) {
    const p = Math.min(1 - EPSILON, Math.max(EPSILON, predictions[i]));
    losses[i] = outcomes[i] ? -Math.log(p) : -Math.log(1 - p);
  }
  return losses;
}

export function logLoss(predictions: ArrayLike<number>, outcomes: ArrayLike<number>): number {
  let sum = 0;
  for (const loss of itemLogLosses(predictions, outcomes)) sum += loss;
  return predictions.length ? sum / predictions.length : Number.NaN;
}

/** fsrs-rs's calibration error: predictions grouped in 20 bins (finer near 1), count-weighted RMSE of the bin means. */
export function rmseBins(predictions: ArrayLike<number>, outcomes: ArrayLike<number>): number {
  const sums = new Map<number, { p: number; y: number; n: number }>();
  for (let i = 0; i < predictions.length; i++) {
    const bin = binOf(predictions[i]);
    const group = sums.get(bin) ?? { p: 0, y: 0, n: 0 };
    group.p += predictions[i];
    group.y += outcomes[i];
    group.n++;
    sums.set(bin, group);
  }
  let total = 0;
  for (const { p, y, n } of sums.values()) total += ((p - y) / n) ** 2 * n;
  return predictions.length ? Math.sqrt(total / predictions.length) : Number.NaN;
}

function binOf(p: number): number {
  const binned = Math.floor(Math.exp(p * Math.log(BINS + 1))) - 1;
  return Math.min(BINS - 1, Math.max(0, binned));
}
