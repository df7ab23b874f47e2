// When the optimiser offers new FSRS parameters: enough reviews, cards and outcomes to fit, and a gain worth having.
// The parameter set itself (its shape and its check) lives in ../parameter-set.ts, below both settings and the optimiser.
import { default_w } from 'ts-fsrs';
import type { Evaluation } from './evaluation';
import type { TrainingItem } from './training-items';

export {
  HISTORY_LENGTH,
  isParameterSet,
  isParameterVector,
  PARAMETER_COUNT,
  restoreParameterHistory,
  type ParameterSet,
} from '../parameter-set';

/** ts-fsrs's own parameters, used until the learner has a set of their own. Here, not in parameter-set.ts, which settings
 * (and so the first screen) import: ts-fsrs loads after the first card. */
export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

/** Reviews needed before optimising is offered. */
export const MIN_REVIEWS = 400;
/** Fewer distinct cards than this cannot show how memory differs between cards. */
export const MIN_CARDS = 20;
/** The later part of the split needs enough predictions for the figures to mean something. */
export const MIN_TEST_ITEMS = 40;
/** Both remembered and forgotten answers are needed to fit a forgetting curve. */
export const MIN_OF_EACH_OUTCOME = 5;

export type NotReady =
  | { reason: 'too-few-reviews'; needed: number }
  | { reason: 'too-few-later-reviews'; items: number }
  | { reason: 'too-few-cards'; cards: number }
  | { reason: 'one-sided'; recalled: number; forgotten: number };

/** Why the items cannot be fitted and judged, or null when they can. */
export function notReadyReason(reviewCount: number, items: readonly TrainingItem[], test: readonly TrainingItem[]): NotReady | null {
  if (reviewCount < MIN_REVIEWS) return { reason: 'too-few-reviews', needed: MIN_REVIEWS - reviewCount };
  // Reviews on a later day than the card's previous one are what the model predicts; same-day steps are not.
  if (test.length < MIN_TEST_ITEMS) return { reason: 'too-few-later-reviews', items: items.length };
  const cards = new Set(items.map((item) => item.cardId)).size;
  if (cards < MIN_CARDS) return { reason: 'too-few-cards', cards };
  let recalled = 0;
  for (const item of items) if (item.reviews[item.reviews.length - 1].rating > 1) recalled++;
  const forgotten = items.length - recalled;
  if (recalled < MIN_OF_EACH_OUTCOME || forgotten < MIN_OF_EACH_OUTCOME) return { reason: 'one-sided', recalled, forgotten };
  return null;
}

/** New parameters are applied only when they predict the later reviews better than the current ones. */
export function isImprovement(current: Evaluation, candidate: Evaluation): boolean {
  return Number.isFinite(candidate.logLoss) && candidate.logLoss < current.logLoss;
}

/**
 * Below this mean gain in log loss (nats per prediction) a new set is not worth applying even when the gain is real:
 * a set a hair away from the current one can predict every review a sliver better, consistently enough to clear the
 * bootstrap, and change no interval a learner would notice.
 */
export const MIN_MATERIAL_GAIN = 0.001;

/** Resamples in the paired bootstrap below. */
export const BOOTSTRAP_RESAMPLES = 1000;

/**
 * How much better the candidate predicts, beyond noise: the 5th percentile of the mean gain in log loss (current minus
 * candidate, prediction by prediction) over paired bootstrap resamples of the held-out predictions. Above zero, the
 * gain is unlikely to be luck of which reviews were held out (a one-sided 95% bound); at or below zero, Apply is not
 * offered. Paired, because both sets predict the same reviews and most of the noise is in the reviews themselves; a
 * bootstrap, because per-review log-loss differences are far from normal. Seeded, so the same data gets the same answer.
 */
export function gainLowerBound(current: ArrayLike<number>, candidate: ArrayLike<number>, resamples = BOOTSTRAP_RESAMPLES, seed = 0x5eed): number {
  const n = current.length;
  if (n === 0 || candidate.length !== n) return Number.NaN;
  const gains = new Float64Array(n);
  for (let i = 0; i < n; i++) gains[i] = current[i] - candidate[i];
  const random = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += gains[Math.floor(random() * n)];
    means[r] = sum / n;
  }
  means.sort();
  return means[Math.floor(0.05 * resamples)];
}

/** A small, fast seeded generator (Mulberry32): the bootstrap must not depend on Math.random. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
