// Every stats picture from one pass over the logs (fed in chunks) and one over the cards.
import { buttonsAccumulator, type ButtonCounts } from './buttons';
import { computeCardStates, type CardStates } from './card-states';
import { computeForecast, type Forecast } from './forecast';
import { gradesPerDayAccumulator, type GradesPerDay } from './grades-per-day';
import { heatmapAccumulator, type Heatmap } from './heatmap';
import { retentionAccumulator, type Retention } from './retention';
import { timePerDayAccumulator, type TimePerDay } from './time-per-day';
import type { StatsCard, StatsClock, StatsLog } from './types';
import { computeReadiness, type ReadinessReport } from '../readiness';
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
  readiness: ReadinessReport;
  /** Readiness predicted for the morning of the interview, when a date is set and still ahead. */
  interviewReadiness: ReadinessReport | null;
  logCount: number;
}

export interface StatsOptions extends StatsClock {
  desiredRetention: number;
  /** Epoch ms of the start of the interview day, or null. */
  interviewStart: number | null;
}

export class StatsAccumulator {
  private readonly heatmap;
  private readonly grades;
  private readonly time;
  private readonly buttons;
  private readonly retention;
  private logCount = 0;

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
    }
    this.logCount += logs.length;
  }

  finish(rawCards: readonly StatsCard[], deckTitles: Record<string, string>): StatsResult {
    const { now, interviewStart } = this.options;
    const cards = rawCards.map(withPlausibleDates);
    return {
      heatmap: this.heatmap.result(),
      grades: this.grades.result(),
      time: this.time.result(),
      buttons: this.buttons.result(),
      retention: this.retention.result(),
      forecast: computeForecast(cards, this.options),
      states: computeCardStates(cards),
      readiness: computeReadiness(cards, now, deckTitles),
      interviewReadiness: interviewStart !== null && interviewStart > now ? computeReadiness(cards, interviewStart, deckTitles) : null,
      logCount: this.logCount,
    };
  }
}

export function computeStats(logs: readonly StatsLog[], cards: readonly StatsCard[], options: StatsOptions, deckTitles: Record<string, string> = {}): StatsResult {
  const acc = new StatsAccumulator(options);
  acc.addLogs(logs);
  return acc.finish(cards, deckTitles);
}
