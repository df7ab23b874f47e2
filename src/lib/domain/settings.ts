import { isParameterSet, type ParameterSet } from './parameter-set';

// Learner settings: one record, validated against defaults whenever it is read or imported
// so an old or hand-edited backup can never put the scheduler into a bad state.

export interface Settings {
  /** FSRS desired retention, 0.70–0.99. */
  desiredRetention: number;
  /** Longest interval FSRS may set, in days. */
  maximumInterval: number;
  /** Learning steps, e.g. ["1m", "10m"]. */
  learningSteps: string[];
  relearningSteps: string[];
  /** New cards introduced per deck per day. */
  newPerDay: number;
  /** Reviews shown per deck per day. */
  reviewsPerDay: number;
  /** ISO date (YYYY-MM-DD) of the learner's interview, or null. */
  interviewDate: string | null;
  /** Tapping an option on a one-answer choice or true/false card reveals the answer at once. */
  fewerTaps: boolean;
  /** The learner's own FSRS parameters (Settings → Optimise my scheduler), or null for the defaults. */
  fsrsParameters: ParameterSet | null;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  desiredRetention: 0.9,
  maximumInterval: 36500,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  newPerDay: 20,
  reviewsPerDay: 200,
  interviewDate: null,
  fewerTaps: true,
  fsrsParameters: null,
});

export const SETTING_LIMITS = {
  desiredRetention: { min: 0.7, max: 0.99 },
  maximumInterval: { min: 1, max: 36500 },
  newPerDay: { min: 0, max: 9999 },
  reviewsPerDay: { min: 0, max: 99999 },
} as const;

export type SettingsErrors = Partial<Record<keyof Settings, string>>;

const STEP = /^\d+(?:\.\d+)?[smhd]$/;

/** Field-by-field problems with a candidate settings object; empty when it is valid. */
export function validateSettings(input: Settings): SettingsErrors {
  const errors: SettingsErrors = {};
  for (const key of ['desiredRetention', 'maximumInterval', 'newPerDay', 'reviewsPerDay'] as const) {
    const { min, max } = SETTING_LIMITS[key];
    const value = input[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      errors[key] = `Must be a number from ${min} to ${max}.`;
    } else if (key !== 'desiredRetention' && !Number.isInteger(value)) {
      errors[key] = 'Must be a whole number.';
    }
  }
  for (const key of ['learningSteps', 'relearningSteps'] as const) {
    const steps = input[key];
    if (!Array.isArray(steps) || steps.length > 10 || !steps.every((s) => typeof s === 'string' && STEP.test(s))) {
      errors[key] = 'Use steps like "1m 10m" (s, m, h or d), at most 10.';
    }
  }
  if (typeof input.fewerTaps !== 'boolean') errors.fewerTaps = 'Must be on or off.';
  if (input.interviewDate !== null && !isIsoDate(input.interviewDate)) {
    errors.interviewDate = 'Use a date like 2026-12-24.';
  }
  if (input.fsrsParameters !== null && !isParameterSet(input.fsrsParameters)) {
    errors.fsrsParameters = 'Not a valid set of 21 FSRS parameters.';
  }
  return errors;
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** Any stored or imported value, field by field, falling back to the default where a field is missing or invalid. */
export function restoreSettings(raw: unknown): Settings {
  const source = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const result: Settings = { ...DEFAULT_SETTINGS, learningSteps: [...DEFAULT_SETTINGS.learningSteps], relearningSteps: [...DEFAULT_SETTINGS.relearningSteps] };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!(key in source)) continue;
    const candidate = { ...result, [key]: source[key] } as Settings;
    if (!validateSettings(candidate)[key]) Object.assign(result, { [key]: candidate[key] });
  }
  return result;
}
