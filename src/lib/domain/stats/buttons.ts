// How often each answer button is pressed, split by whether the card was still being learned or was a review.
import { fold, type LogAccumulator, type StatsLog } from './types';

export interface ButtonCounts {
  /** [again, hard, good, easy] for answers to new, learning and relearning cards. */
  learning: [number, number, number, number];
  /** [again, hard, good, easy] for answers to cards in review. */
  review: [number, number, number, number];
  total: number;
}

export function buttonsAccumulator(): LogAccumulator<ButtonCounts> {
  const learning: [number, number, number, number] = [0, 0, 0, 0];
  const review: [number, number, number, number] = [0, 0, 0, 0];
  let total = 0;
  return {
    add(log: StatsLog) {
      (log.state === 2 ? review : learning)[log.rating - 1]++;
      total++;
    },
    result: () => ({ learning, review, total }),
  };
}

export function computeButtons(logs: Iterable<StatsLog>): ButtonCounts {
  return fold(buttonsAccumulator(), logs);
}
