import { describe, expect, it } from 'vitest';
import { createScheduler, formatInterval, toFsrsSteps, type FsrsStateFields } from '../../../src/lib/domain/scheduler';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';

const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);
const DAY = 86_400_000;
const fresh = (cardId = 'card-1'): FsrsStateFields & { cardId: string } => ({
  cardId,
  due: NOW,
  stability: 0,
  difficulty: 0,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 0,
  lapses: 0,
  state: 0,
});

describe('scheduler wrapper', () => {
  const scheduler = createScheduler(DEFAULT_SETTINGS);

  it('shows the learning steps on a new card and a day or more for Easy', () => {
    const preview = scheduler.previewIntervals(fresh(), NOW);
    expect(preview[1].intervalLabel).toBe('1m');
    expect(preview[3].intervalLabel).toBe('10m');
    expect(preview[4].intervalMs).toBeGreaterThanOrEqual(DAY);
    expect(preview[1].intervalMs).toBeLessThan(preview[2].intervalMs);
  });

  it('grows the interval with each Good and shrinks it after Again', () => {
    let state = fresh();
    let now = NOW;
    const intervals: number[] = [];
    for (let i = 0; i < 6; i++) {
      state = scheduler.applyRating(state, 3, now).next;
      intervals.push(state.due - now);
      now = state.due;
    }
    // After the learning steps (1m? 10m), every Good sets a longer interval than the one before.
    const reviews = intervals.slice(2);
    for (let i = 1; i < reviews.length; i++) expect(reviews[i]).toBeGreaterThan(reviews[i - 1]);
    expect(state.state).toBe(2);
    const lapse = scheduler.applyRating(state, 1, now).next;
    expect(lapse.state).toBe(3);
    expect(lapse.lapses).toBe(1);
    expect(lapse.due - now).toBeLessThan(reviews[reviews.length - 1]);
    expect(lapse.stability).toBeLessThan(state.stability);
  });

  it('logs the state before the answer', () => {
    const { next, log } = scheduler.applyRating(fresh(), 3, NOW);
    expect(log).toMatchObject({ rating: 3, state: 0, review: NOW });
    expect(next.reps).toBe(1);
    expect(next.last_review).toBe(NOW);
  });

  it('sets the interval shown in the preview when answered seconds later', () => {
    let state = fresh('abc');
    for (const at of [0, 60_000, 11 * 60_000]) state = scheduler.applyRating(state, 3, NOW + at).next;
    const shownAt = state.due;
    const shown = scheduler.previewIntervals(state, shownAt);
    const answered = scheduler.applyRating(state, 3, shownAt + 7_000).next;
    expect(formatInterval(answered.due - (shownAt + 7_000))).toBe(shown[3].intervalLabel);
  });

  it('keeps intervals within the maximum interval', () => {
    const short = createScheduler({ ...DEFAULT_SETTINGS, maximumInterval: 3 });
    let state = fresh();
    let now = NOW;
    for (let i = 0; i < 8; i++) {
      state = short.applyRating(state, 4, now).next;
      now = state.due;
    }
    expect(state.scheduled_days).toBeLessThanOrEqual(3);
  });

  it('asks for shorter intervals at a higher desired retention', () => {
    const low = createScheduler({ ...DEFAULT_SETTINGS, desiredRetention: 0.7 });
    const high = createScheduler({ ...DEFAULT_SETTINGS, desiredRetention: 0.99 });
    const reviewed: FsrsStateFields & { cardId: string } = { ...fresh(), state: 2, stability: 20, difficulty: 5, reps: 5, last_review: NOW - 20 * DAY, due: NOW, scheduled_days: 20 };
    expect(high.applyRating(reviewed, 3, NOW).next.due).toBeLessThan(low.applyRating(reviewed, 3, NOW).next.due);
  });
});

describe('formatInterval', () => {
  it('uses minutes, hours, days, months and years', () => {
    expect(formatInterval(10 * 60_000)).toBe('10m');
    expect(formatInterval(5 * 3_600_000)).toBe('5h');
    expect(formatInterval(DAY)).toBe('1d');
    expect(formatInterval(4 * DAY)).toBe('4d');
    expect(formatInterval(45 * DAY)).toBe('1.5mo');
    expect(formatInterval(730 * DAY)).toBe('2y');
    expect(formatInterval(0)).toBe('1m');
  });

  it('turns second steps into fractional minutes for ts-fsrs', () => {
    expect(toFsrsSteps(['30s', '10m', '1d'])).toEqual(['0.5m', '10m', '1d']);
  });
});
