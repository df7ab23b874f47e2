// Runs stats jobs in a Web Worker (one per job, ended when it answers). Where workers are unavailable
// (unit tests under happy-dom) the same code runs in place.
import type { StatsProgress, StatsRequest, StatsResponse } from '../db/stats';
import type { InterviewPlan } from '../domain/interview-plan';
import type { TimeZone } from '../domain/stats/days';
import type { JobBody, StatsJob, StatsWorkerMessage } from './stats-protocol';

let nextId = 1;

function runJob<T>(job: JobBody, onProgress: (p: StatsProgress) => void): Promise<T> {
  const worker = new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<StatsWorkerMessage>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'progress') return onProgress(message.progress);
      worker.terminate();
      if (message.type === 'done') resolve(message.value as T);
      else reject(new Error(message.message));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The stats worker failed to start.'));
    });
    worker.postMessage({ ...job, id } as StatsJob);
  });
}

const workersAvailable = () => typeof Worker !== 'undefined' && typeof window !== 'undefined' && !('happyDOM' in window);

export async function computeStats(request: StatsRequest, onProgress: (p: StatsProgress) => void = () => {}): Promise<StatsResponse> {
  if (workersAvailable()) return runJob<StatsResponse>({ kind: 'stats', request }, onProgress);
  const { computeStatsFromDb } = await import('../db/stats');
  return computeStatsFromDb(request, onProgress);
}

export async function computeInterviewPlan(now: number, zone: TimeZone): Promise<InterviewPlan | null> {
  if (workersAvailable()) return runJob<InterviewPlan | null>({ kind: 'plan', now, zone }, () => {});
  const { loadInterviewPlan } = await import('../db/stats');
  return loadInterviewPlan(now, zone);
}
