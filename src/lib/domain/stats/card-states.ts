// How many cards are new, being learned, in review, being relearned, or suspended.
import type { StatsCard } from './types';

export interface CardStates {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
  total: number;
}

const BY_STATE = ['new', 'learning', 'review', 'relearning'] as const;

export function computeCardStates(cards: Iterable<StatsCard>): CardStates {
  const counts: CardStates = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, total: 0 };
  for (const card of cards) {
    counts[card.suspended ? 'suspended' : BY_STATE[card.state]]++;
    counts.total++;
  }
  return counts;
}
