// Runs the real optimiser (fsrs-browser, fsrs-rs in wasm) in Node, initialised from the wasm's bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../../../../src/lib/domain/optimizer/parameters';
import { fitAndCompare, type FlatItems } from '../../../../src/lib/domain/optimizer/optimise';
import { evaluateParameters } from '../../../../src/lib/domain/optimizer/evaluation';
import { buildTrainingItems, splitByTime } from '../../../../src/lib/domain/optimizer/training-items';
import { dayOf } from '../../../../src/lib/domain/stats/days';
import { simulateLearner, TRUE_PARAMETERS } from '../../../fixtures/simulated-learner';

let fit: (items: FlatItems) => number[];

beforeAll(async () => {
  const { initSync, Fsrs } = await import('fsrs-browser');
  const wasm = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
  initSync({ module: readFileSync(wasm) });
  fit = (flat) => Array.from(new Fsrs().computeParameters(flat.ratings, flat.deltaTs, flat.lengths, undefined, true));
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
    console.log(
      `simulated learner: ${logs.length} reviews, ${outcome.trainItems}/${outcome.testItems} items; log loss on the last 20%: ` +
        `defaults ${outcome.current.logLoss.toFixed(4)}, optimised ${outcome.candidate.evaluation.logLoss.toFixed(4)}, truth ${truth.logLoss.toFixed(4)}; ` +
        `RMSE(bins): ${outcome.current.rmseBins.toFixed(4)}, ${outcome.candidate.evaluation.rmseBins.toFixed(4)}, ${truth.rmseBins.toFixed(4)}`,
    );
    expect(logs.length).toBeGreaterThan(2000);
    expect(outcome.better).toBe(true);
    expect(outcome.candidate.evaluation.logLoss).toBeLessThan(outcome.current.logLoss);
    // The truth is the best possible predictor; the fit should land between it and the defaults, nearer the truth.
    const gap = outcome.current.logLoss - truth.logLoss;
    expect(outcome.candidate.evaluation.logLoss - truth.logLoss).toBeLessThan(gap / 2);
    expect(outcome.candidate.w).not.toEqual([...DEFAULT_PARAMETERS]);
  });
});
