// Cards falling due over the next 30 days. Overdue cards count on today, because that is when they will be shown.
import { dayOf, type DayNumber } from './days';
import type { StatsCard, StatsClock } from './types';

export const FORECAST_DAYS = 30;

export interface Forecast {
  today: DayNumber;
  /** Cards due per day, today first. */
  due: number[];
  /** Of today's, how many were already overdue. */
  overdue: number;
  total: number;
  max: number;
}

export function computeForecast(cards: Iterable<StatsCard>, { now, zone }: StatsClock, span = FORECAST_DAYS): Forecast {
  const day = dayOf(zone);
  const today = day(now);
  const due = new Array<number>(span).fill(0);
  let overdue = 0;
  for (const card of cards) {
    // New cards are introduced by the daily new-card limit, not by a due date.
    if (card.suspended || card.state === 0) continue;
    const d = day(card.due);
    if (d < today) overdue++;
    const offset = Math.max(0, d - today);
    if (offset < span) due[offset]++;
  }
  let total = 0;
  let max = 0;
  for (const n of due) {
    total += n;
    if (n > max) max = n;
  }
  return { today, due, overdue, total, max };
}
