// Time spent answering cards per day over the last 30 days.
import { dayOf, type DayNumber } from './days';
import { RECENT_DAYS } from './grades-per-day';
import { fold, type LogAccumulator, type StatsClock, type StatsLog } from './types';

export interface TimePerDay {
  firstDay: DayNumber;
  /** Milliseconds per day, oldest first. */
  ms: number[];
  totalMs: number;
  maxMs: number;
  /** Mean over the days with any study, 0 when none. */
  meanMsPerStudyDay: number;
}

/** A card left open for a long time (phone in a pocket) should not count as an hour of study. */
export const MAX_COUNTED_MS = 5 * 60_000;

export function timePerDayAccumulator({ now, zone }: StatsClock, span = RECENT_DAYS): LogAccumulator<TimePerDay> {
  const day = dayOf(zone);
  const today = day(now);
  const firstDay = today - span + 1;
  const ms = new Array<number>(span).fill(0);
  return {
    add(log: StatsLog) {
      const d = day(log.review);
      if (d < firstDay || d > today) return;
      const spent = Number.isFinite(log.durationMs) ? Math.min(Math.max(0, log.durationMs), MAX_COUNTED_MS) : 0;
      ms[d - firstDay] += spent;
    },
    result() {
      let totalMs = 0;
      let maxMs = 0;
      let studyDays = 0;
      for (const v of ms) {
        totalMs += v;
        if (v > maxMs) maxMs = v;
        if (v > 0) studyDays++;
      }
      return { firstDay, ms, totalMs, maxMs, meanMsPerStudyDay: studyDays ? totalMs / studyDays : 0 };
    },
  };
}

export function computeTimePerDay(logs: Iterable<StatsLog>, clock: StatsClock, span = RECENT_DAYS): TimePerDay {
  return fold(timePerDayAccumulator(clock, span), logs);
}
