// Runs the real optimiser (fsrs-browser, fsrs-rs in wasm) in Node, initialised from the wasm's bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PARAMETERS } from '../../../../src/lib/domain/optimizer/parameters';
import { fitAndCompare, type FlatItems } from '../../../../src/lib/domain/optimizer/optimise';
import { evaluateParameters } from '../../../../src/lib/domain/optimizer/evaluation';
import { buildTrainingItems, splitByTime } from '../../../../src/lib/domain/optimizer/training-items';
import { dayOf } from '../../../../src/lib/domain/stats/days';
import { simulateLearner, TRUE_PARAMETERS } from '../../../fixtures/simulated-learner';

// Fitting takes seconds on a quiet machine and much longer on a busy one; this is not a timing test.
vi.setConfig({ testTimeout: 180_000 });

let fit: (items: FlatItems) => number[];

beforeAll(async () => {
  const { initSync, Fsrs } = await import('fsrs-browser');
  const wasm = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
  initSync({ module: readFileSync(wasm) });
  // fsrs-rs logs each epoch's loss to the console; the figures that matter are asserted below.
  fit = (flat) => {
    const quiet = (['log', 'info', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
    try {
      return Array.from(new Fsrs().computeParameters(flat.ratings, flat.deltaTs, flat.lengths, undefined, true));
    } finally {
      for (const spy of quiet) spy.mockRestore();
    }
  };
});

describe('optimising a simulated learner whose memory follows known FSRS parameters', () => {
  const logs = simulateLearner();
  const NOW = Date.UTC(2026, 6, 1);

  it('fits on the earlier 80% and predicts the later 20% better than the defaults, close to the truth', () => {
    const outcome = fitAndCompare({ logs, zone: 0, now: NOW, current: null, fit });
    expect(outcome.kind).toBe('fitted');
    if (outcome.kind !== 'fitted') return;
    const { test } = splitByTime(buildTrainingItems(logs, dayOf(0)));
    const truth = evaluateParameters(TRUE_PARAMETERS, test);
    expect(logs.length).toBeGreaterThan(2000);
    // Whether Apply is offered for this gain is the noise rule's call (apply-rule.test.ts); here, the fit itself.
    expect(outcome.gain).toBeGreaterThan(0);
    expect(outcome.candidate.evaluation.logLoss).toBeLessThan(outcome.current.logLoss);
    // The truth is the best possible predictor; the fit should land between it and the defaults, nearer the truth.
    const gap = outcome.current.logLoss - truth.logLoss;
    expect(outcome.candidate.evaluation.logLoss - truth.logLoss).toBeLessThan(gap / 2);
    expect(outcome.candidate.w).not.toEqual([...DEFAULT_PARAMETERS]);
  });
});

describe('guards: what cannot be fitted is refused before fsrs-rs sees it', () => {
  const NOW = Date.UTC(2026, 6, 1);
  const DAY = 86_400_000;
  const run = (logs: Parameters<typeof fitAndCompare>[0]['logs']) => fitAndCompare({ logs, zone: 0, now: NOW, current: null, fit });

  it('too few reviews: says how many more are needed', () => {
    const logs = simulateLearner({ cards: 20, days: 20 });
    const outcome = run(logs);
    expect(outcome).toEqual({ kind: 'not-ready', why: { reason: 'too-few-reviews', needed: 400 - logs.length }, reviewCount: logs.length });
  });

  it('a single card, however often reviewed, is not enough', () => {
    const logs = Array.from({ length: 500 }, (_, i) => ({ id: i + 1, cardId: 'only', rating: (i % 5 === 0 ? 1 : 3) as 1 | 3, state: (i === 0 ? 0 : 2) as 0 | 2, review: NOW - (600 - i) * DAY }));
    expect(run(logs)).toMatchObject({ kind: 'not-ready', why: { reason: 'too-few-cards', cards: 1 } });
  });

  it('only Again: nothing was ever remembered, so there is no forgetting curve to fit', () => {
    const logs = simulateLearner().map((log) => ({ ...log, rating: 1 as const }));
    expect(run(logs)).toMatchObject({ kind: 'not-ready', why: { reason: 'one-sided', recalled: 0 } });
  });

  it('a clock that went backwards gives no negative gaps and still fits', () => {
    const logs = simulateLearner();
    // For a stretch of answers the device clock ran five days behind; the log order is still the true order.
    const skewed = logs.map((log, i) => (i > 1000 && i < 1400 ? { ...log, review: log.review - 5 * DAY } : log));
    const items = buildTrainingItems(skewed, dayOf(0));
    expect(items.every((item) => item.reviews.every((r) => r.delta_t >= 0 && r.delta_t < 1000))).toBe(true);
    const outcome = run(skewed);
    expect(outcome.kind).toBe('fitted');
    if (outcome.kind === 'fitted') expect(outcome.candidate.w.every(Number.isFinite)).toBe(true);
  });
});

describe('the evaluation replays memory as fsrs-rs does', () => {
  it('gives the stability fsrs-browser computes for the same history and parameters', async () => {
    const { Fsrs } = await import('fsrs-browser');
    const { FSRSAlgorithm } = await import('ts-fsrs');
    const history = [
      { rating: 3, delta_t: 0 },
      { rating: 3, delta_t: 0 },
      { rating: 3, delta_t: 4 },
      { rating: 1, delta_t: 9 },
      { rating: 3, delta_t: 0 },
      { rating: 4, delta_t: 3 },
    ] as const;
    const model = new FSRSAlgorithm({ w: TRUE_PARAMETERS, enable_short_term: true });
    let memory = null as ReturnType<typeof model.next_state> | null;
    for (const r of history) memory = model.next_state(memory, r.delta_t, r.rating);
    const [stability, difficulty] = new Fsrs(new Float32Array(TRUE_PARAMETERS)).memoryState(new Uint32Array(history.map((r) => r.rating)), new Uint32Array(history.map((r) => r.delta_t)));
    expect(memory!.stability).toBeCloseTo(stability, 1);
    expect(memory!.difficulty).toBeCloseTo(difficulty, 1);
  });
});
