// Reads the collection and computes the stats pictures or the interview plan off the main thread,
// so a million review logs never freeze the page.
import { computeStatsFromDb, loadInterviewPlan } from '../db/stats';
import type { StatsJob, StatsWorkerMessage } from './stats-protocol';

const post = (message: StatsWorkerMessage) => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', async (event: MessageEvent<StatsJob>) => {
  const job = event.data;
  try {
    if (job.kind === 'stats') {
      const value = await computeStatsFromDb(job.request, (progress) => post({ id: job.id, type: 'progress', progress }));
      post({ id: job.id, type: 'done', value });
    } else {
      post({ id: job.id, type: 'done', value: await loadInterviewPlan(job.now, job.zone) });
    }
  } catch (error) {
    post({ id: job.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
