// The optimiser panel's state with the worker replaced by a scripted run; the database is real (fake-indexeddb).
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { applyParameters, loadParameterHistory, loadSettings, saveSettings } from '../../../src/lib/db/settings';
import { answerCard } from '../../../src/lib/db/study';
import { newStateRecord } from '../../../src/lib/db/records';
import { DEFAULT_SETTINGS, restoreSettings } from '../../../src/lib/domain/settings';
import { DEFAULT_PARAMETERS, type ParameterSet } from '../../../src/lib/domain/optimizer/parameters';
import type { OptimiseOutcome } from '../../../src/lib/domain/optimizer/optimise';
import { OptimiserCancelled, type StartOptimiser } from '../../../src/lib/workers/optimizer-client';
import { OptimizerState } from '../../../src/views/settings/optimizer-state.svelte';
import { TRUE_PARAMETERS } from '../../fixtures/simulated-learner';

const NOW = Date.UTC(2026, 5, 1, 12);
const evaluation = (logLoss: number) => ({ logLoss, rmseBins: 0.03, count: 100 });
const fitted = (better: boolean, newLogLoss = better ? 0.25 : 0.35): OptimiseOutcome => ({
  kind: 'fitted',
  reviewCount: 500,
  trainItems: 320,
  testItems: 80,
  reviewsBeforeTest: 410,
  gain: 0.3 - newLogLoss,
  gainLowerBound: better ? 0.01 : -0.01,
  current: evaluation(0.3),
  candidate: { w: [...TRUE_PARAMETERS], createdAt: NOW, reviewCount: 500, evaluation: evaluation(newLogLoss) },
  better,
});

/** A scripted optimiser: reports one progress step, then answers with `outcome` (or waits to be cancelled). */
function scripted(outcome: OptimiseOutcome | 'hang'): StartOptimiser {
  return (_job, onProgress) => {
    let cancel = () => {};
    const promise = new Promise<OptimiseOutcome>((resolve, reject) => {
      onProgress(0.35, 'Fitting');
      cancel = () => reject(new OptimiserCancelled());
      if (outcome !== 'hang') setTimeout(() => resolve(outcome), 0);
    });
    return { outcome: promise, cancel };
  };
}

async function seedReviews(n: number) {
  await db.reviews.bulkAdd(
    Array.from({ length: n }, (_, i) => ({
      cardId: `c${i % 30}`, deckId: 'd', rating: 3 as const, state: 2 as const, due: NOW, stability: 1, difficulty: 5, elapsed_days: 1,
      last_elapsed_days: 1, scheduled_days: 1, learning_steps: 0, review: NOW - i * 3_600_000, durationMs: 1000, source: 'study' as const,
    })),
  );
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('OptimizerState', () => {
  it('below the minimum it says how many more reviews are needed', async () => {
    await seedReviews(150);
    const state = new OptimizerState(scripted(fitted(true)));
    await state.load();
    expect(state.reviewsNeeded).toBe(250);
  });

  it('shows the figures, applies better parameters with one tap, and versions them with the date and review count', async () => {
    await seedReviews(500);
    const state = new OptimizerState(scripted(fitted(true)));
    await state.load();
    expect(state.reviewsNeeded).toBe(0);
    const running = state.optimise(NOW);
    expect(state.status).toBe('running');
    expect(state.progress).toEqual({ fraction: 0.35, label: 'Fitting' });
    await running;
    expect(state.status).toBe('done');
    await state.apply();
    const settings = await loadSettings();
    expect(settings.fsrsParameters).toEqual({ w: [...TRUE_PARAMETERS], createdAt: NOW, reviewCount: 500, evaluation: { logLoss: 0.25, rmseBins: 0.03 } });
    expect(state.active?.createdAt).toBe(NOW);
    expect(state.history.map((s) => s.createdAt)).toEqual([NOW]);
    expect(state.message).toMatch(/Applied/);
  });

  it('does not apply parameters that predicted worse', async () => {
    await seedReviews(500);
    const state = new OptimizerState(scripted(fitted(false)));
    await state.load();
    await state.optimise(NOW);
    expect(state.noApplyReason).toBe('The new parameters did not predict your latest reviews better, so nothing changes.');
    await state.apply();
    expect((await loadSettings()).fsrsParameters).toBeNull();
  });

  it('names what the figures count, and says when a gain is within the noise', async () => {
    await seedReviews(500);
    const state = new OptimizerState(scripted(fitted(false, 0.2998)));
    await state.load();
    await state.optimise(NOW);
    expect(state.resultCaption).toBe(
      "How well each set predicted your latest 80 later-day reviews (reviews on a later day than the card's previous one; lower is better). " +
        'The new set was fitted on the 320 later-day reviews before them, out of 410 reviews in all.',
    );
    expect(state.noApplyReason).toBe('The new parameters predicted your latest reviews only slightly better (log loss 0.0002 lower), which 80 reviews cannot tell from chance, so nothing changes.');
    await state.apply();
    expect((await loadSettings()).fsrsParameters).toBeNull();
  });

  it('Cancel stops the run and changes nothing', async () => {
    await seedReviews(500);
    const state = new OptimizerState(scripted('hang'));
    await state.load();
    const running = state.optimise(NOW);
    state.cancel();
    await running;
    expect(state.status).toBe('cancelled');
    expect((await loadSettings()).fsrsParameters).toBeNull();
  });

  it('restores an earlier set or the defaults', async () => {
    const first: ParameterSet = { w: [...TRUE_PARAMETERS], createdAt: NOW - 86_400_000, reviewCount: 450 };
    const second: ParameterSet = { w: TRUE_PARAMETERS.map((x, i) => (i === 0 ? x * 2 : x)), createdAt: NOW, reviewCount: 600 };
    await applyParameters(first);
    await applyParameters(second);
    const state = new OptimizerState(scripted(fitted(true)));
    await state.load();
    expect(state.history.map((s) => s.reviewCount)).toEqual([600, 450]);
    await state.restore(state.history[1]);
    expect((await loadSettings()).fsrsParameters?.reviewCount).toBe(450);
    await state.restore(null);
    expect((await loadSettings()).fsrsParameters).toBeNull();
    expect((await loadParameterHistory()).length).toBe(2);
  });

  it('the retention cost uses the learner’s parameters and the collection size', async () => {
    await db.states.bulkAdd(Array.from({ length: 100 }, (_, i) => newStateRecord(`c${i}`, 'd', NOW)));
    const state = new OptimizerState(scripted(fitted(true)));
    await state.load();
    const withDefaults = state.costs.map((c) => c.reviewsPerDay);
    expect(state.costs.map((c) => c.retention)).toEqual([0.8, 0.85, 0.9, 0.95]);
    await applyParameters({ w: [...TRUE_PARAMETERS], createdAt: NOW, reviewCount: 500 });
    await state.load();
    expect(state.costs.map((c) => c.reviewsPerDay)).not.toEqual(withDefaults);
  });
});

describe('parameters as a setting', () => {
  it('a stored set travels with the settings and malformed ones fall back to the defaults', () => {
    const set = { w: [...TRUE_PARAMETERS], createdAt: NOW, reviewCount: 500 };
    expect(restoreSettings({ ...DEFAULT_SETTINGS, fsrsParameters: set }).fsrsParameters).toEqual(set);
    expect(restoreSettings({ ...DEFAULT_SETTINGS, fsrsParameters: { ...set, w: set.w.slice(0, 19) } }).fsrsParameters).toBeNull();
    expect(restoreSettings({ ...DEFAULT_SETTINGS, fsrsParameters: { ...set, w: [...set.w.slice(1), Number.NaN] } }).fsrsParameters).toBeNull();
  });

  it('the scheduler uses applied parameters from the next answer', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS });
    await db.states.bulkAdd([newStateRecord('a', 'd', NOW), newStateRecord('b', 'd', NOW)]);
    const withDefaults = await answerCard({ cardId: 'a', rating: 4, now: NOW, durationMs: 1000, source: 'study' });
    // The learner's first memories of an Easy card last 18 days rather than the default 8.3.
    await applyParameters({ w: [...TRUE_PARAMETERS], createdAt: NOW, reviewCount: 500 });
    const withOwn = await answerCard({ cardId: 'b', rating: 4, now: NOW, durationMs: 1000, source: 'study' });
    expect(withDefaults.next.stability).toBeCloseTo(DEFAULT_PARAMETERS[3], 3);
    expect(withOwn.next.stability).toBeCloseTo(TRUE_PARAMETERS[3], 3);
    expect(withOwn.next.due).toBeGreaterThan(withDefaults.next.due);
  });
});
