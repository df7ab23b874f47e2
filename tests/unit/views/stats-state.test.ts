import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROGRESS_DELAY_MS, StatsState, type StatsCompute } from '../../../src/views/stats/stats-state.svelte';
import { computeStats } from '../../../src/lib/domain/stats';
import type { StatsResponse } from '../../../src/lib/db/stats';
import { computeStats as computeInPlace } from '../../../src/lib/workers/stats-client';

const NOW = Date.parse('2026-11-27T09:00:00Z');
const response = (): StatsResponse => ({
  result: computeStats([{ review: NOW, rating: 3, state: 0, durationMs: 1000 }], [], { now: NOW, zone: 0, desiredRetention: 0.9, interviewStart: null }),
  deckTitles: {},
  desiredRetention: 0.9,
  interviewDate: null,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('stats screen state', () => {
  it('shows progress only when the computation takes longer than 200 ms', async () => {
    vi.useFakeTimers();
    let finish!: (r: StatsResponse) => void;
    const compute: StatsCompute = (_req, onProgress) => {
      onProgress({ fraction: 0.5, label: 'Read 5 of 10 reviews' });
      return new Promise((resolve) => (finish = resolve));
    };
    const state = new StatsState(compute);
    const loading = state.load(NOW, 0);
    expect(state.status).toBe('loading');
    expect(state.showProgress).toBe(false);
    vi.advanceTimersByTime(PROGRESS_DELAY_MS - 1);
    expect(state.showProgress).toBe(false);
    vi.advanceTimersByTime(2);
    expect(state.showProgress).toBe(true);
    expect(state.progress.fraction).toBe(0.5);
    finish(response());
    await loading;
    expect(state.status).toBe('ready');
    expect(state.showProgress).toBe(false);
    expect(state.hasReviews).toBe(true);
  });

  it('never shows progress for a quick computation', async () => {
    vi.useFakeTimers();
    const state = new StatsState(async () => response());
    await state.load(NOW, 0);
    vi.advanceTimersByTime(1000);
    expect(state.showProgress).toBe(false);
    expect(state.data?.result.logCount).toBe(1);
  });

  it('reports a failure and can try again', async () => {
    let fail = true;
    const state = new StatsState(async () => {
      if (fail) throw new Error('disk on fire');
      return response();
    });
    await state.load(NOW, 0);
    expect(state.status).toBe('error');
    expect(state.error).toBe('disk on fire');
    fail = false;
    await state.load(NOW, 0);
    expect(state.status).toBe('ready');
  });

  it('computes from the database in place when no worker is available', async () => {
    const state = new StatsState(computeInPlace);
    await state.load(NOW, 'Europe/Berlin');
    expect(state.status).toBe('ready');
    expect(state.hasReviews).toBe(false);
  });
});
