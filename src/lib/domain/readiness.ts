// Readiness: the share of a topic's cards the learner would recall at a horizon, as FSRS predicts it.
// It is the mean retrievability over the topic's active cards at the interview day (or a week ahead), with
// never-studied cards and cards whose last answer was Again counting as not known (0): right after any answer FSRS
// predicts full recall, so "now" would count a card just missed as known.
import { computeDecayFactor, default_w } from 'ts-fsrs';
import type { FsrsState } from './stats/types';
import { DAY_MS } from './stats/days';

/** The shape of the forgetting curve. FSRS-6 fits it too (its last parameter), so it follows the learner's parameters. */
export interface ForgettingCurve {
  decay: number;
  factor: number;
}

export const DEFAULT_CURVE: ForgettingCurve = computeDecayFactor(default_w);

/** The curve of the applied parameters, or the defaults' when the learner has none. */
export function forgettingCurve(parameters?: readonly number[] | null): ForgettingCurve {
  return parameters ? computeDecayFactor(parameters) : DEFAULT_CURVE;
}

export interface MemoryState {
  state: FsrsState;
  stability: number;
  /** Epoch ms of the last review; absent for a never-studied card. */
  lastReview?: number;
}

/** FSRS probability of recall at `at` (epoch ms); 0 for a card never studied. Same curve as ts-fsrs forgetting_curve. */
export function retrievability(card: MemoryState, at: number, curve: ForgettingCurve = DEFAULT_CURVE): number {
  if (card.state === 0 || card.lastReview === undefined || !(card.stability > 0)) return 0;
  const elapsedDays = Math.max(0, (at - card.lastReview) / DAY_MS);
  return Math.pow(1 + (curve.factor * elapsedDays) / card.stability, curve.decay);
}

export interface ReadinessCard extends MemoryState {
  deckId: string;
  tags: string[];
  suspended: boolean;
  /** The last answer was Again: not known until it is answered right again. */
  lastAnswerAgain?: boolean;
}

/** Readiness is predicted for the interview day when one is ahead, otherwise for a week from now. */
export const DEFAULT_HORIZON_DAYS = 7;

export interface ReadinessHorizon {
  /** Epoch ms the recall is predicted for. */
  at: number;
  /** True when `at` is the start of the interview day. */
  interview: boolean;
}

export function readinessHorizon(now: number, interviewStart: number | null): ReadinessHorizon {
  if (interviewStart !== null && interviewStart > now) return { at: interviewStart, interview: true };
  return { at: now + DEFAULT_HORIZON_DAYS * DAY_MS, interview: false };
}

export interface Readiness {
  cards: number;
  studied: number;
  /** Mean predicted recall, 0–1; 0 for a topic without cards. */
  recall: number;
}

export interface TopicReadiness extends Readiness {
  kind: 'deck' | 'tag';
  /** Deck id or tag. */
  id: string;
  label: string;
}

export interface ReadinessReport {
  overall: Readiness;
  /** Weakest first. */
  topics: TopicReadiness[];
}

class Sum {
  cards = 0;
  studied = 0;
  recall = 0;
  add(r: number, studied: boolean) {
    this.cards++;
    if (studied) this.studied++;
    this.recall += r;
  }
  readiness(): Readiness {
    return { cards: this.cards, studied: this.studied, recall: this.cards ? this.recall / this.cards : 0 };
  }
}

/** Readiness overall and per deck and per tag at `at`. Suspended cards are left out: the learner chose to skip them. */
export function computeReadiness(
  cards: Iterable<ReadinessCard>,
  at: number,
  deckTitles: Record<string, string> = {},
  curve: ForgettingCurve = DEFAULT_CURVE,
): ReadinessReport {
  const overall = new Sum();
  const decks = new Map<string, Sum>();
  const tags = new Map<string, Sum>();
  const bucket = (map: Map<string, Sum>, key: string) => {
    let sum = map.get(key);
    if (!sum) map.set(key, (sum = new Sum()));
    return sum;
  };
  for (const card of cards) {
    if (card.suspended) continue;
    const r = card.lastAnswerAgain ? 0 : retrievability(card, at, curve);
    const studied = card.state !== 0;
    overall.add(r, studied);
    bucket(decks, card.deckId).add(r, studied);
    for (const tag of new Set(card.tags)) bucket(tags, tag).add(r, studied);
  }
  const topics: TopicReadiness[] = [
    ...[...decks].map(([id, s]) => ({ kind: 'deck' as const, id, label: deckTitles[id] ?? id, ...s.readiness() })),
    ...[...tags].map(([id, s]) => ({ kind: 'tag' as const, id, label: `#${id}`, ...s.readiness() })),
  ];
  topics.sort((a, b) => a.recall - b.recall || (a.kind === b.kind ? a.label.localeCompare(b.label) : a.kind === 'deck' ? -1 : 1));
  return { overall: overall.readiness(), topics };
}
