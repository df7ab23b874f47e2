// The span of instants the app believes: anything a learner could have done or scheduled. Dates outside it (a restored
// review time of 1e300, a due date of 1e308) are clamped or refused before they reach Date, Intl or the charts.

export const EARLIEST_TIME = Date.UTC(1970, 0, 1);
export const LATEST_TIME = Date.UTC(2200, 0, 1);

export function isPlausibleTime(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= EARLIEST_TIME && ms <= LATEST_TIME;
}

/** The nearest plausible instant; NaN becomes the earliest. */
export function clampTime(ms: number): number {
  if (Number.isNaN(ms)) return EARLIEST_TIME;
  return Math.min(LATEST_TIME, Math.max(EARLIEST_TIME, ms));
}
