// What a desired retention costs in daily reviews: a quick Monte Carlo of a sample of cards, each learnt today and
// scheduled by FSRS with the learner's parameters for a year; the learner remembers with the probability the same
// model predicts. A forgotten card costs its Again and one relearning step. Scaled to the collection size.
import { FSRSAlgorithm, forgetting_curve, type FSRSState } from 'ts-fsrs';

export const RETENTION_CHOICES: readonly number[] = [0.8, 0.85, 0.9, 0.95];

export interface RetentionCost {
  retention: number;
  /** Expected reviews a day, averaged over the simulated year. */
  reviewsPerDay: number;
}

export interface RetentionCostInput {
  w: readonly number[];
  cardCount: number;
  retentions?: readonly number[];
  maximumInterval?: number;
  days?: number;
  sample?: number;
  seed?: number;
}

export function simulateRetentionCost({ w, cardCount, retentions = RETENTION_CHOICES, maximumInterval = 36500, days = 365, sample = 300, seed = 1 }: RetentionCostInput): RetentionCost[] {
  return retentions.map((retention) => {
    const model = new FSRSAlgorithm({ w, request_retention: retention, maximum_interval: maximumInterval, enable_short_term: true, enable_fuzz: false });
    const clipped = model.parameters.w;
    // The same random draws for every retention, so the differences come from the retention alone.
    const random = seededRandom(seed);
    let reviews = 0;
    for (let c = 0; c < sample; c++) {
      let memory: FSRSState = model.next_state(null, 0, 3);
      let day = 0;
      reviews++;
      for (;;) {
        const interval = Math.max(1, model.next_interval(memory.stability, 0));
        day += interval;
        if (day >= days) break;
        reviews++;
        if (random() < forgetting_curve(clipped, interval, memory.stability)) {
          memory = model.next_state(memory, interval, 3);
        } else {
          reviews++;
          memory = model.next_state(model.next_state(memory, interval, 1), 0, 3);
        }
      }
    }
    return { retention, reviewsPerDay: (reviews / sample / days) * cardCount };
  });
}

/** mulberry32: a small, fast, seeded generator, so simulations repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
