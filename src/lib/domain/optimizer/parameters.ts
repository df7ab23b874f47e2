// A learner's own FSRS parameters: versioned with the date and how many reviews they came from, and checked
// wherever they are read, so a bad backup or a failed fit can never reach the scheduler.
import { default_w } from 'ts-fsrs';
import type { Evaluation } from './evaluation';
import type { TrainingItem } from './training-items';

export const PARAMETER_COUNT = 21;
export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

/** Reviews needed before optimising is offered. */
export const MIN_REVIEWS = 400;
/** Fewer distinct cards than this cannot show how memory differs between cards. */
export const MIN_CARDS = 20;
/** The later part of the split needs enough predictions for the figures to mean something. */
export const MIN_TEST_ITEMS = 40;
/** Both remembered and forgotten answers are needed to fit a forgetting curve. */
export const MIN_OF_EACH_OUTCOME = 5;
/** Previous sets kept for restoring. */
export const HISTORY_LENGTH = 10;

export interface ParameterSet {
  /** The 21 FSRS-6 parameters. */
  w: number[];
  /** Epoch ms when they were fitted. */
  createdAt: number;
  /** Reviews in the log when they were fitted. */
  reviewCount: number;
  /** How they predicted the later reviews of the split, when they were fitted. */
  evaluation?: { logLoss: number; rmseBins: number };
}

export function isParameterVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.length === PARAMETER_COUNT && value.every((x) => typeof x === 'number' && Number.isFinite(x));
}

export function isParameterSet(value: unknown): value is ParameterSet {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  const evaluationOk =
    v.evaluation === undefined ||
    (!!v.evaluation && typeof v.evaluation === 'object' && finite((v.evaluation as Record<string, unknown>).logLoss) && finite((v.evaluation as Record<string, unknown>).rmseBins));
  return isParameterVector(v.w) && finite(v.createdAt) && Number.isInteger(v.reviewCount) && (v.reviewCount as number) >= 0 && evaluationOk;
}

/** Stored history, dropping anything malformed, newest first, at most HISTORY_LENGTH. */
export function restoreParameterHistory(raw: unknown): ParameterSet[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isParameterSet).sort((a, b) => b.createdAt - a.createdAt).slice(0, HISTORY_LENGTH);
}

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
