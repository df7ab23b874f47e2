// "Optimise my scheduler" and the retention cost: what the learner has (reviews, cards, parameter sets), a run of
// the optimiser in its worker with progress and Cancel, the before/after figures, and applying or restoring a set.
import { applyParameters, loadParameterHistory, loadSettings } from '../../lib/db/settings';
import { countActiveCards, countReviews } from '../../lib/db/optimizer';
import { DEFAULT_PARAMETERS, MIN_REVIEWS, type ParameterSet } from '../../lib/domain/optimizer/parameters';
import { simulateRetentionCost, RETENTION_CHOICES, type RetentionCost } from '../../lib/domain/optimizer/retention-cost';
import type { OptimiseOutcome } from '../../lib/domain/optimizer/optimise';
import { localZone } from '../../lib/domain/stats/days';
import { OptimiserCancelled, startOptimiser, type OptimiserRun, type StartOptimiser } from '../../lib/workers/optimizer-client';

export type OptimiserStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export class OptimizerState {
  loaded = $state(false);
  reviewCount = $state(0);
  cardCount = $state(0);
  desiredRetention = $state(0.9);
  maximumInterval = $state(36500);
  active = $state<ParameterSet | null>(null);
  history = $state<ParameterSet[]>([]);
  costs = $state<RetentionCost[]>([]);
  status = $state<OptimiserStatus>('idle');
  progress = $state({ fraction: 0, label: '' });
  outcome = $state<OptimiseOutcome | null>(null);
  error = $state('');
  /** What the last apply or restore did, for the live region. */
  message = $state('');
  #run: OptimiserRun | null = null;
  #start: StartOptimiser;

  constructor(start: StartOptimiser = startOptimiser) {
    this.#start = start;
  }

  get reviewsNeeded(): number {
    return Math.max(0, MIN_REVIEWS - this.reviewCount);
  }

  /** `stopped`: the Settings screen has closed, and the counts (long walks at 100,000 cards) stop; nothing is set. */
  async load(stopped: () => boolean = () => false): Promise<void> {
    const [reviewCount, cardCount, settings, history] = await Promise.all([countReviews(stopped), countActiveCards(stopped), loadSettings(), loadParameterHistory()]);
    if (reviewCount === null || cardCount === null) return;
    this.reviewCount = reviewCount;
    this.cardCount = cardCount;
    this.desiredRetention = settings.desiredRetention;
    this.maximumInterval = settings.maximumInterval;
    this.active = settings.fsrsParameters;
    this.history = history;
    this.costs = simulateRetentionCost({
      w: settings.fsrsParameters?.w ?? DEFAULT_PARAMETERS,
      cardCount,
      maximumInterval: settings.maximumInterval,
      retentions: [...new Set([...RETENTION_CHOICES, settings.desiredRetention])].sort((a, b) => a - b),
    });
    this.loaded = true;
  }

  async optimise(now = Date.now()): Promise<void> {
    if (this.status === 'running') return;
    this.status = 'running';
    this.outcome = null;
    this.error = '';
    this.message = '';
    this.progress = { fraction: 0, label: 'Starting' };
    const run = this.#start({ now, zone: localZone() }, (fraction, label) => (this.progress = { fraction, label }));
    this.#run = run;
    try {
      this.outcome = await run.outcome;
      this.status = 'done';
    } catch (error) {
      if (error instanceof OptimiserCancelled) {
        this.status = 'cancelled';
      } else {
        this.status = 'failed';
        this.error = error instanceof Error ? error.message : String(error);
      }
    } finally {
      if (this.#run === run) this.#run = null;
    }
  }

  cancel(): void {
    this.#run?.cancel();
  }

  /** What the figures are measured on: predictions at later-day reviews, and how many reviews the fit drew on. */
  get resultCaption(): string {
    const o = this.outcome;
    if (o?.kind !== 'fitted') return '';
    const n = (x: number) => x.toLocaleString('en');
    return (
      `How well each set predicted your latest ${n(o.testItems)} later-day reviews (reviews on a later day than the card's previous one; ` +
      `lower is better). The new set was fitted on the ${n(o.trainItems)} later-day reviews before them, out of ${n(o.reviewsBeforeTest)} reviews in all.`
    );
  }

  /** Why Apply is not offered, when it is not. */
  get noApplyReason(): string {
    const o = this.outcome;
    if (o?.kind !== 'fitted' || o.better) return '';
    if (o.gain > 0) {
      return (
        `The new parameters predicted your latest reviews only slightly better (log loss ${o.gain.toFixed(4)} lower), ` +
        `which ${o.testItems.toLocaleString('en')} reviews cannot tell from chance, so nothing changes.`
      );
    }
    return 'The new parameters did not predict your latest reviews better, so nothing changes.';
  }

  /** Applies the new parameters; only offered (and only done) when they predicted the later reviews better. */
  async apply(): Promise<void> {
    const outcome = this.outcome;
    if (outcome?.kind !== 'fitted' || !outcome.better) return;
    const { w, createdAt, reviewCount, evaluation } = outcome.candidate;
    await applyParameters({ w: [...w], createdAt, reviewCount, evaluation: { logLoss: evaluation.logLoss, rmseBins: evaluation.rmseBins } });
    this.outcome = null;
    this.status = 'idle';
    await this.load();
    this.message = 'Applied. Your next answer is scheduled with your own parameters.';
  }

  /** Goes back to an earlier set, or to the defaults for null. */
  async restore(set: ParameterSet | null): Promise<void> {
    await applyParameters(set === null ? null : $state.snapshot(set));
    await this.load();
    this.message = set === null ? 'Restored the default parameters.' : `Restored the parameters from ${formatDate(set.createdAt)}.`;
  }
}

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });
}
