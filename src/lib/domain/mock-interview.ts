// Mock interview: which questions to ask, whether an answer is right, and the score at the end.
// Questions are drawn across topics (decks), more from the weaker ones, mixing card kinds.
import type { CardKind } from './model';
import { noteKey } from './siblings';

export const MOCK_SIZES = [10, 20] as const;
export type MockSize = (typeof MOCK_SIZES)[number];

export interface MockCandidate {
  cardId: string;
  kind: CardKind;
  deckId: string;
  /** Cards of one note share it: a round asks at most one of them. */
  noteId?: string;
  /** Predicted recall now, 0–1 (0 for a never-studied card). */
  recall: number;
}

/** Cards the app checks itself; the rest (basic, cloze) are answered aloud and marked right or wrong by the learner. */
export function isAutoChecked(kind: CardKind): boolean {
  return kind === 'choice' || kind === 'typed' || kind === 'truefalse';
}

/** Mock answers are stored as reviews: wrong → Again (1), right → Good (3). */
export function mockRating(correct: boolean): 1 | 3 {
  return correct ? 3 : 1;
}

const FLOOR = 0.05;

/**
 * Up to `count` questions. Each topic gets a share of the questions proportional to its weakness (1 − mean recall),
 * at least one while there are enough questions to go round; inside a topic, card kinds take turns and each pick is
 * weighted towards the cards least likely to be recalled, and at most one card of each note is asked.
 * `random` returns [0, 1) (pass a seeded one in tests).
 */
export function pickMockQuestions(candidates: MockCandidate[], count: number, random: () => number = Math.random): MockCandidate[] {
  const topics = new Map<string, MockCandidate[]>();
  for (const c of candidates) {
    const list = topics.get(c.deckId);
    if (list) list.push(c);
    else topics.set(c.deckId, [c]);
  }
  const entries = [...topics].map(([deckId, cards]) => ({
    deckId,
    cards,
    notes: new Set(cards.map(noteKey)).size,
    weakness: 1 - cards.reduce((s, c) => s + c.recall, 0) / cards.length + FLOOR,
  }));
  const notes = entries.reduce((n, e) => n + e.notes, 0);
  const shares = allocate(entries.map((e) => ({ weight: e.weakness, size: e.notes })), Math.min(count, notes));
  const picked: MockCandidate[] = [];
  entries.forEach((e, i) => picked.push(...pickWithinTopic(e.cards, shares[i], random)));
  return shuffle(picked, random);
}

/** Splits `total` slots across buckets by weight (largest remainder), one each first, never more than a bucket holds. */
export function allocate(buckets: { weight: number; size: number }[], total: number): number[] {
  const shares = buckets.map(() => 0);
  let left = total;
  // One each, weakest first, while slots remain.
  const order = buckets.map((_, i) => i).sort((a, b) => buckets[b].weight - buckets[a].weight);
  for (const i of order) {
    if (left === 0) break;
    if (buckets[i].size > 0) {
      shares[i] = 1;
      left--;
    }
  }
  while (left > 0) {
    const open = order.filter((i) => shares[i] < buckets[i].size);
    if (open.length === 0) break;
    const weight = open.reduce((s, i) => s + buckets[i].weight, 0);
    const ideal = open.map((i) => (left * buckets[i].weight) / weight);
    let given = 0;
    open.forEach((i, k) => {
      const add = Math.min(Math.floor(ideal[k]), buckets[i].size - shares[i]);
      shares[i] += add;
      given += add;
    });
    if (given === 0) {
      // Remainders one at a time: to the bucket with the fewest slots for its weight, so ties spread out.
      const k = open.reduce((best, i) => (shares[i] / buckets[i].weight < shares[best] / buckets[best].weight ? i : best), open[0]);
      shares[k]++;
      given = 1;
    }
    left -= given;
  }
  return shares;
}

function pickWithinTopic(cards: MockCandidate[], n: number, random: () => number): MockCandidate[] {
  const byKind = new Map<CardKind, MockCandidate[]>();
  for (const c of cards) {
    const list = byKind.get(c.kind);
    if (list) list.push(c);
    else byKind.set(c.kind, [c]);
  }
  const kinds = shuffle([...byKind.keys()], random);
  const picked: MockCandidate[] = [];
  const asked = new Set<string>();
  for (let turn = 0; picked.length < n; turn++) {
    const kind = kinds[turn % kinds.length];
    const pool = byKind.get(kind)!.filter((c) => !asked.has(noteKey(c)));
    byKind.set(kind, pool);
    if (pool.length === 0) {
      kinds.splice(turn % kinds.length, 1);
      turn--;
      if (kinds.length === 0) break;
      continue;
    }
    const pick = takeWeighted(pool, random);
    asked.add(noteKey(pick));
    picked.push(pick);
  }
  return picked;
}

function takeWeighted(pool: MockCandidate[], random: () => number): MockCandidate {
  const weights = pool.map((c) => 1 - c.recall + FLOOR);
  let r = random() * weights.reduce((a, b) => a + b, 0);
  let i = 0;
  while (i < pool.length - 1 && r >= weights[i]) r -= weights[i++];
  return pool.splice(i, 1)[0];
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface MockQuestionResult {
  cardId: string;
  deckId: string;
  correct: boolean;
}

export interface MockScore {
  correct: number;
  total: number;
  durationMs: number;
  /** Per topic, weakest score first. */
  topics: { deckId: string; label: string; correct: number; total: number }[];
  missed: MockQuestionResult[];
}

export function scoreMock(results: MockQuestionResult[], startedAt: number, finishedAt: number, deckTitles: Record<string, string> = {}): MockScore {
  const topics = new Map<string, { deckId: string; label: string; correct: number; total: number }>();
  for (const r of results) {
    let t = topics.get(r.deckId);
    if (!t) topics.set(r.deckId, (t = { deckId: r.deckId, label: deckTitles[r.deckId] ?? r.deckId, correct: 0, total: 0 }));
    t.total++;
    if (r.correct) t.correct++;
  }
  return {
    correct: results.filter((r) => r.correct).length,
    total: results.length,
    durationMs: Math.max(0, finishedAt - startedAt),
    topics: [...topics.values()].sort((a, b) => a.correct / a.total - b.correct / b.total || a.label.localeCompare(b.label)),
    missed: results.filter((r) => !r.correct),
  };
}

/** A small seeded generator (mulberry32) so a session can be replayed in tests. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
