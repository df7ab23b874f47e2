// Reviews per day over the last 30 days, split by the answer button pressed.
import { dayOf, type DayNumber } from './days';
import { fold, type LogAccumulator, type StatsClock, type StatsLog } from './types';

export const RECENT_DAYS = 30;

export interface GradesPerDay {
  firstDay: DayNumber;
  /** One row per day, oldest first: [again, hard, good, easy]. */
  days: [number, number, number, number][];
  total: number;
  max: number;
}

export function gradesPerDayAccumulator({ now, zone }: StatsClock, span = RECENT_DAYS): LogAccumulator<GradesPerDay> {
  const day = dayOf(zone);
  const today = day(now);
  const firstDay = today - span + 1;
  const days = Array.from({ length: span }, () => [0, 0, 0, 0] as [number, number, number, number]);
  return {
    add(log: StatsLog) {
      const d = day(log.review);
      if (d < firstDay || d > today) return;
      days[d - firstDay][log.rating - 1]++;
    },
    result() {
      let total = 0;
      let max = 0;
      for (const row of days) {
        const sum = row[0] + row[1] + row[2] + row[3];
        total += sum;
        if (sum > max) max = sum;
      }
      return { firstDay, days, total, max };
    },
  };
}

export function computeGradesPerDay(logs: Iterable<StatsLog>, clock: StatsClock, span = RECENT_DAYS): GradesPerDay {
  return fold(gradesPerDayAccumulator(clock, span), logs);
}
