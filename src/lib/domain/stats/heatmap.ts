// Calendar heatmap of reviews over the last 6 months (whole weeks, Monday first) and the study streak.
import { dayOf, weekStartOf, type DayNumber } from './days';
import { fold, type LogAccumulator, type StatsClock, type StatsLog } from './types';

export interface Heatmap {
  /** The Monday of the first column. */
  firstDay: DayNumber;
  today: DayNumber;
  /** Reviews per day from firstDay to today inclusive. */
  counts: number[];
  max: number;
  total: number;
  activeDays: number;
  /** Consecutive days with at least one review, ending today (or yesterday, while today is still open). */
  currentStreak: number;
  longestStreak: number;
}

const HEATMAP_DAYS = 183;

export function heatmapAccumulator({ now, zone }: StatsClock): LogAccumulator<Heatmap> {
  const day = dayOf(zone);
  const today = day(now);
  const firstDay = weekStartOf(today - HEATMAP_DAYS + 1);
  const counts = new Array<number>(today - firstDay + 1).fill(0);
  // Every day with a review, for streaks that began before the window.
  const studied = new Set<DayNumber>();
  return {
    add(log: StatsLog) {
      const d = day(log.review);
      if (d > today) return;
      studied.add(d);
      if (d >= firstDay) counts[d - firstDay]++;
    },
    result() {
      let max = 0;
      let total = 0;
      let activeDays = 0;
      for (const c of counts) {
        if (c > max) max = c;
        total += c;
        if (c > 0) activeDays++;
      }
      let currentStreak = 0;
      for (let d = studied.has(today) ? today : today - 1; studied.has(d); d--) currentStreak++;
      let longestStreak = 0;
      for (const d of studied) {
        if (studied.has(d - 1)) continue;
        let run = 1;
        while (studied.has(d + run)) run++;
        if (run > longestStreak) longestStreak = run;
      }
      return { firstDay, today, counts, max, total, activeDays, currentStreak, longestStreak };
    },
  };
}

export function computeHeatmap(logs: Iterable<StatsLog>, clock: StatsClock): Heatmap {
  return fold(heatmapAccumulator(clock), logs);
}
