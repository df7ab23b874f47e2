// True retention: of the answers to cards that were in review (not new, not being (re)learned), the share that
// were not "Again". Per week, beside the retention the learner asked FSRS for.
import { dayOf, weekStartOf, type DayNumber } from './days';
import { fold, type LogAccumulator, type StatsClock, type StatsLog } from './types';

export const RETENTION_WEEKS = 12;

export interface RetentionWeek {
  /** Monday of the week. */
  weekStart: DayNumber;
  passed: number;
  total: number;
  /** passed / total, or null for a week without reviews. */
  rate: number | null;
}

export interface Retention {
  weeks: RetentionWeek[];
  passed: number;
  total: number;
  rate: number | null;
  desired: number;
}

export function retentionAccumulator({ now, zone }: StatsClock, desired: number, weeks = RETENTION_WEEKS): LogAccumulator<Retention> {
  const day = dayOf(zone);
  const thisWeek = weekStartOf(day(now));
  const firstWeek = thisWeek - (weeks - 1) * 7;
  const passed = new Array<number>(weeks).fill(0);
  const total = new Array<number>(weeks).fill(0);
  return {
    add(log: StatsLog) {
      if (log.state !== 2) return;
      const w = Math.floor((weekStartOf(day(log.review)) - firstWeek) / 7);
      if (w < 0 || w >= weeks) return;
      total[w]++;
      if (log.rating > 1) passed[w]++;
    },
    result() {
      const rows = total.map((t, i) => ({ weekStart: firstWeek + i * 7, passed: passed[i], total: t, rate: t ? passed[i] / t : null }));
      const p = passed.reduce((a, b) => a + b, 0);
      const t = total.reduce((a, b) => a + b, 0);
      return { weeks: rows, passed: p, total: t, rate: t ? p / t : null, desired };
    },
  };
}

export function computeRetention(logs: Iterable<StatsLog>, clock: StatsClock, desired: number, weeks = RETENTION_WEEKS): Retention {
  return fold(retentionAccumulator(clock, desired, weeks), logs);
}
