// "When is the next card due", in words a learner reads at a glance.
import { formatInterval } from '../../lib/domain/ratings';
import { startOfLearnerDay, DAY_MS } from '../../lib/domain/day';

export function describeNextDue(due: number, now: number): string {
  const time = new Date(due).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const days = Math.round((startOfLearnerDay(due) - startOfLearnerDay(now)) / DAY_MS);
  if (days === 0) return `in ${formatInterval(due - now)}, at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  const date = new Date(due).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  return `in ${days} days, ${date}`;
}
