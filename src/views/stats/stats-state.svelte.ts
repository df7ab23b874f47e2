// Screen state for the stats screen: starts the computation (in a worker), shows progress only when it takes
// longer than PROGRESS_DELAY_MS, and keeps the result.
import type { StatsProgress, StatsRequest, StatsResponse } from '../../lib/db/stats';
import { computeStats } from '../../lib/workers/stats-client';
import { ensureBundledDecks } from '../../lib/db/first-run';
import { localZone, type TimeZone } from '../../lib/domain/stats/days';

export const PROGRESS_DELAY_MS = 200;

export type StatsCompute = (request: StatsRequest, onProgress: (p: StatsProgress) => void) => Promise<StatsResponse>;

const computeWithDecks: StatsCompute = async (request, onProgress) => {
  await ensureBundledDecks(request.now);
  return computeStats(request, onProgress);
};

export class StatsState {
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  /** True once loading has taken longer than PROGRESS_DELAY_MS. */
  showProgress = $state(false);
  progress = $state<StatsProgress>({ fraction: 0, label: 'Starting' });
  data = $state.raw<StatsResponse | null>(null);
  error = $state('');
  /** How long the last computation took, ms. */
  elapsedMs = $state(0);

  constructor(private readonly compute: StatsCompute = computeWithDecks) {}

  async load(now = Date.now(), zone: TimeZone = localZone()): Promise<void> {
    this.status = 'loading';
    this.showProgress = false;
    this.error = '';
    const started = performance.now();
    const timer = setTimeout(() => (this.showProgress = true), PROGRESS_DELAY_MS);
    try {
      this.data = await this.compute({ now, zone }, (p) => (this.progress = p));
      this.status = 'ready';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.status = 'error';
    } finally {
      clearTimeout(timer);
      this.showProgress = false;
      this.elapsedMs = performance.now() - started;
    }
  }

  /** Nothing studied yet: every log-based picture shows its empty state. */
  get hasReviews(): boolean {
    return (this.data?.result.logCount ?? 0) > 0;
  }
}
