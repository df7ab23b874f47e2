// Starts an optimisation in its own Web Worker and ends it when it answers, fails or is cancelled:
// terminating the worker is the only way to stop fsrs-rs mid-fit, and it frees the wasm memory too.
import type { OptimiseOutcome } from '../domain/optimizer/optimise';
import type { OptimiserJob, OptimiserMessage } from './optimizer-protocol';

export interface OptimiserRun {
  outcome: Promise<OptimiseOutcome>;
  cancel(): void;
}

export class OptimiserCancelled extends Error {
  constructor() {
    super('Optimisation cancelled.');
    this.name = 'OptimiserCancelled';
  }
}

export type StartOptimiser = (job: Omit<OptimiserJob, 'type'>, onProgress: (fraction: number, label: string) => void) => OptimiserRun;

export const startOptimiser: StartOptimiser = (job, onProgress) => {
  const worker = new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (o: OptimiseOutcome) => void; reject: (e: Error) => void } | null = null;
  const outcome = new Promise<OptimiseOutcome>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (result: OptimiseOutcome | Error) => {
    worker.terminate();
    const s = settle;
    settle = null;
    if (!s) return;
    if (result instanceof Error) s.reject(result);
    else s.resolve(result);
  };
  worker.addEventListener('message', (event: MessageEvent<OptimiserMessage>) => {
    const message = event.data;
    if (message?.type === 'progress') onProgress(message.fraction, message.label);
    else if (message?.type === 'done') finish(message.outcome);
    else if (message?.type === 'error') finish(new Error(message.message));
  });
  worker.addEventListener('error', (event) => finish(new Error(event.message || 'The optimiser failed to start.')));
  worker.postMessage({ ...job, type: 'optimise' } satisfies OptimiserJob);
  return { outcome, cancel: () => finish(new OptimiserCancelled()) };
};
