// The learner's day: local midnight to midnight, the same days the stats screen counts in.

export const DAY_MS = 24 * 60 * 60 * 1000;
export const ROLLOVER_HOUR = 0;

/** Epoch ms when the learner's day containing `now` began (local time). */
export function startOfLearnerDay(now: number, rolloverHour = ROLLOVER_HOUR): number {
  const d = new Date(now);
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), rolloverHour, 0, 0, 0);
  if (start.getTime() > now) start.setDate(start.getDate() - 1);
  return start.getTime();
}

/** Epoch ms of the last moment of the learner's day containing `now`. */
export function endOfLearnerDay(now: number, rolloverHour = ROLLOVER_HOUR): number {
  const start = new Date(startOfLearnerDay(now, rolloverHour));
  start.setDate(start.getDate() + 1);
  return start.getTime() - 1;
}

/** "2026-12-02": the learner's local date at `now`, for the names of files saved that day (not the UTC date). */
export function localIsoDate(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
