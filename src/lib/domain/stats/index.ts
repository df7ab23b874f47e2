// Every stats picture from one pass over the logs (fed in chunks) and one over the cards.
import { buttonsAccumulator, type ButtonCounts } from './buttons';
import { computeCardStates, type CardStates } from './card-states';
import { computeForecast, type Forecast } from './forecast';
import { gradesPerDayAccumulator, type GradesPerDay } from './grades-per-day';
import { heatmapAccumulator, type Heatmap } from './heatmap';
import { retentionAccumulator, type Retention } from './retention';
import { timePerDayAccumulator, type TimePerDay } from './time-per-day';
import type { StatsCard, StatsClock, StatsLog } from './types';
import { computeReadiness, forgettingCurve, readinessHorizon, type ReadinessHorizon, type ReadinessReport } from '../readiness';
import { clampTime, isPlausibleTime } from '../time-range';

/** Due dates are clamped into 1970–2200; a last review outside it is treated as unknown. */
function withPlausibleDates(card: StatsCard): StatsCard {
  if (isPlausibleTime(card.due) && (card.lastReview === undefined || isPlausibleTime(card.lastReview))) return card;
  const { lastReview, ...rest } = card;
  return { ...rest, due: clampTime(card.due), ...(isPlausibleTime(lastReview) ? { lastReview } : {}) };
}

export interface StatsResult {
  heatmap: Heatmap;
  grades: GradesPerDay;
  time: TimePerDay;
  buttons: ButtonCounts;
  retention: Retention;
  forecast: Forecast;
  states: CardStates;
  /** Readiness predicted at `readinessHorizon`. */
  readiness: ReadinessReport;
  readinessHorizon: ReadinessHorizon;
  logCount: number;
}

export interface StatsOptions extends StatsClock {
  desiredRetention: number;
  /** Epoch ms of the start of the interview day, or null. */
  interviewStart: number | null;
  /** The learner's applied FSRS parameters (readiness follows their forgetting curve); the defaults when absent. */
  parameters?: readonly number[] | null;
}

export class StatsAccumulator {
  private readonly heatmap;
  private readonly grades;
  private readonly time;
  private readonly buttons;
  private readonly retention;
  private logCount = 0;
  /** Per card, the time and grade of its latest answer. */
  private readonly lastAnswer = new Map<string, { review: number; rating: number }>();

  constructor(private readonly options: StatsOptions) {
    this.heatmap = heatmapAccumulator(options);
    this.grades = gradesPerDayAccumulator(options);
    this.time = timePerDayAccumulator(options);
    this.buttons = buttonsAccumulator();
    this.retention = retentionAccumulator(options, options.desiredRetention);
  }

  addLogs(logs: readonly StatsLog[]): void {
    for (const log of logs) {
      // A review time outside 1970–2200 (a hand-edited or damaged backup) cannot be placed on any chart.
      if (!isPlausibleTime(log.review)) continue;
      this.heatmap.add(log);
      this.grades.add(log);
      this.time.add(log);
      this.buttons.add(log);
      this.retention.add(log);
      if (log.cardId !== undefined) {
        const last = this.lastAnswer.get(log.cardId);
        if (!last || log.review >= last.review) this.lastAnswer.set(log.cardId, { review: log.review, rating: log.rating });
      }
    }
    this.logCount += logs.length;
  }

  finish(rawCards: readonly StatsCard[], deckTitles: Record<string, string>): StatsResult {
    const { now, interviewStart } = this.options;
    const cards = rawCards.map(withPlausibleDates);
    const horizon = readinessHorizon(now, interviewStart);
    const withLastAnswer = cards.map((card) => ({ ...card, lastAnswerAgain: this.lastAnswer.get(card.id)?.rating === 1 }));
    return {
      heatmap: this.heatmap.result(),
      grades: this.grades.result(),
      time: this.time.result(),
      buttons: this.buttons.result(),
      retention: this.retention.result(),
      forecast: computeForecast(cards, this.options),
      states: computeCardStates(cards),
      readiness: computeReadiness(withLastAnswer, horizon.at, deckTitles, forgettingCurve(this.options.parameters)),
      readinessHorizon: horizon,
      logCount: this.logCount,
    };
  }
}

export function computeStats(logs: readonly StatsLog[], cards: readonly StatsCard[], options: StatsOptions, deckTitles: Record<string, string> = {}): StatsResult {
  const acc = new StatsAccumulator(options);
  acc.addLogs(logs);
  return acc.finish(cards, deckTitles);
}
