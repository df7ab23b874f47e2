// The four grades and the interval labels the rating buttons show. Apart from scheduler.ts so the study screen can
// paint its first card without ts-fsrs, which it first needs when the card is revealed (scheduler-lazy.ts).

export type RatingValue = 1 | 2 | 3 | 4;
export const RATINGS: readonly RatingValue[] = [1, 2, 3, 4];
export const RATING_LABELS: Record<RatingValue, 'Again' | 'Hard' | 'Good' | 'Easy'> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A short label for an interval: "1m", "10m", "5h", "4d", "1.5mo", "2.1y". */
export function formatInterval(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  const days = Math.round(ms / DAY);
  if (days < 30) return `${days}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

function trim(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
