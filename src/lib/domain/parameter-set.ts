// A learner's own FSRS parameters: versioned with the date and how many reviews they came from, and checked
// wherever they are read, so a bad backup or a failed fit can never reach the scheduler. Settings store a set and the
// optimiser makes one; both import this module, which imports neither.

export const PARAMETER_COUNT = 21;

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
