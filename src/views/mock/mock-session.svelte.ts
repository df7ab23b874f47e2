// Screen state for a mock interview: pick the questions, time the session, check or self-mark each answer,
// store it as a review (wrong → Again, right → Good, source 'mock'), and score it at the end.
import { answerCard } from '../../lib/db/study';
import { deckTitles, loadMockCandidates, loadMockCards } from '../../lib/db/stats';
import { ensureBundledDecks } from '../../lib/db/first-run';
import { checkResponse, emptyResponse, hasResponse, type CardResponse } from '../../lib/domain/answer-check';
import { isAutoChecked, mockRating, pickMockQuestions, scoreMock, type MockQuestionResult, type MockScore, type MockSize } from '../../lib/domain/mock-interview';
import type { CardRecord } from '../../lib/db/db';
import { cardOfRecord } from '../../lib/db/records';
import { prepareCardText } from '../../lib/ui/markdown-lazy.svelte';

/** Time allowed per question; the whole session gets questions × this. */
export const MS_PER_QUESTION = 90_000;

/** A round in progress as kept across a reload: which questions, how far, what was answered, and the clock. */
export interface SavedRound {
  ids: string[];
  index: number;
  results: MockQuestionResult[];
  startedAt: number;
  deadline: number;
}

export interface RoundStore {
  load(): SavedRound | null;
  save(round: SavedRound): void;
  clear(): void;
}

const ROUND_KEY = 'drydock:mock-round';

/** The round lives in localStorage: small, synchronous, and on the device only. Anything malformed is ignored. */
export const localRoundStore: RoundStore = {
  load() {
    try {
      const raw = JSON.parse(localStorage.getItem(ROUND_KEY) ?? 'null') as SavedRound | null;
      const valid =
        raw && Array.isArray(raw.ids) && raw.ids.every((id) => typeof id === 'string') && Number.isInteger(raw.index) && Array.isArray(raw.results) &&
        Number.isFinite(raw.startedAt) && Number.isFinite(raw.deadline);
      return valid ? raw : null;
    } catch {
      return null;
    }
  },
  save(round) {
    try {
      localStorage.setItem(ROUND_KEY, JSON.stringify(round));
    } catch {
      // Storage full or blocked: the round still runs, it just won't survive a reload.
    }
  },
  clear() {
    try {
      localStorage.removeItem(ROUND_KEY);
    } catch {
      // Nothing to clear.
    }
  },
};

export interface MockDeps {
  ensureDecks: (now: number) => Promise<void>;
  candidates: typeof loadMockCandidates;
  cards: typeof loadMockCards;
  titles: typeof deckTitles;
  answer: typeof answerCard;
  random: () => number;
  store: RoundStore;
  /** Loads what a card's text needs to render (the full Markdown renderer for cloze and rich text). */
  prepareText: (card: CardRecord) => Promise<void>;
}

const defaultDeps: MockDeps = {
  ensureDecks: ensureBundledDecks,
  candidates: loadMockCandidates,
  cards: loadMockCards,
  titles: deckTitles,
  answer: answerCard,
  random: Math.random,
  store: localRoundStore,
  prepareText: (card) => prepareCardText(cardOfRecord(card)),
};

export class MockSession {
  phase = $state<'start' | 'loading' | 'question' | 'results'>('start');
  size = $state<MockSize>(10);
  questions = $state.raw<CardRecord[]>([]);
  index = $state(0);
  response = $state<CardResponse>(emptyResponse());
  revealed = $state(false);
  /** Right or wrong for the current question once answered; null before. */
  verdict = $state<boolean | null>(null);
  results = $state.raw<MockQuestionResult[]>([]);
  score = $state.raw<MockScore | null>(null);
  titles = $state.raw<Record<string, string>>({});
  startedAt = 0;
  deadline = $state(0);
  now = $state(0);
  error = $state('');
  /** Questions the clock ran out on. */
  unanswered = $state.raw<CardRecord[]>([]);
  #shownAt = 0;
  #saving = false;

  private readonly deps: MockDeps;

  constructor(deps: Partial<MockDeps> = {}) {
    this.deps = { ...defaultDeps, ...deps };
  }

  get current(): CardRecord | null {
    return this.questions[this.index] ?? null;
  }

  get selfMarked(): boolean {
    return !!this.current && !isAutoChecked(this.current.kind);
  }

  get canCheck(): boolean {
    return !!this.current && !this.revealed && hasResponse(this.current, this.response);
  }

  get remainingMs(): number {
    return Math.max(0, this.deadline - this.now);
  }

  async start(now = Date.now()): Promise<void> {
    this.phase = 'loading';
    this.error = '';
    try {
      await this.deps.ensureDecks(now);
      const [candidates, titles] = await Promise.all([this.deps.candidates(now), this.deps.titles()]);
      const picked = pickMockQuestions(candidates, this.size, this.deps.random);
      const cards = await this.deps.cards(picked.map((p) => p.cardId));
      this.questions = picked.map((p) => cards.get(p.cardId)).filter((c): c is CardRecord => !!c);
      if (this.questions.length === 0) {
        this.error = 'There are no cards to ask yet. Add or import a deck first.';
        this.phase = 'start';
        return;
      }
      await this.#prepareText();
      this.titles = titles;
      this.results = [];
      this.unanswered = [];
      this.score = null;
      this.index = 0;
      this.startedAt = now;
      this.now = now;
      this.deadline = now + this.questions.length * MS_PER_QUESTION;
      this.#show(now);
      this.phase = 'question';
      this.#save();
    } catch (e) {
      this.error = `Could not start the mock interview: ${e instanceof Error ? e.message : String(e)}`;
      this.phase = 'start';
    }
  }

  /** Picks up a round left by a reload or by leaving the tab; true when one is back on screen (or scored, if its time ran out). */
  async resume(now = Date.now()): Promise<boolean> {
    const saved = this.deps.store.load();
    if (!saved || this.phase !== 'start') return false;
    try {
      const [cards, titles] = await Promise.all([this.deps.cards(saved.ids), this.deps.titles()]);
      this.questions = saved.ids.map((id) => cards.get(id)).filter((c): c is CardRecord => !!c);
      if (this.questions.length === 0) {
        this.deps.store.clear();
        return false;
      }
      await this.#prepareText();
      const asked = new Set(this.questions.map((q) => q.id));
      this.results = saved.results.filter((r) => asked.has(r.cardId));
      this.titles = titles;
      this.unanswered = [];
      this.score = null;
      this.startedAt = saved.startedAt;
      this.deadline = saved.deadline;
      this.now = now;
      const answered = new Set(this.results.map((r) => r.cardId));
      // The question on screen at the reload may already be answered and stored: go on to the next one.
      let index = Math.min(Math.max(0, saved.index), this.questions.length - 1);
      while (index < this.questions.length && answered.has(this.questions[index].id)) index++;
      this.phase = 'question';
      if (index >= this.questions.length || now >= this.deadline) {
        this.#finish(now);
        return true;
      }
      this.index = index;
      this.#show(now);
      this.#save();
      return true;
    } catch (e) {
      this.error = `Could not bring back the mock interview: ${e instanceof Error ? e.message : String(e)}`;
      return false;
    }
  }

  /** Every question's text renders as soon as it shows: a cloze never appears blank and then fills in. */
  async #prepareText(): Promise<void> {
    await Promise.all(this.questions.map((q) => this.deps.prepareText(q)));
  }

  #save() {
    this.deps.store.save({ ids: this.questions.map((q) => q.id), index: this.index, results: this.results, startedAt: this.startedAt, deadline: this.deadline });
  }

  #show(now: number) {
    this.response = emptyResponse();
    this.revealed = false;
    this.verdict = null;
    this.#shownAt = now;
  }

  /** Typed, choice and true/false: the app checks the answer. */
  async check(now = Date.now()): Promise<void> {
    const card = this.current;
    if (!card || !this.canCheck || this.selfMarked) return;
    const correct = checkResponse(card, this.response).correct === true;
    this.revealed = true;
    await this.#record(card, correct, now);
  }

  /** Basic and cloze: show the answer after answering aloud or in your head. */
  reveal(): void {
    if (this.current && this.selfMarked) this.revealed = true;
  }

  /** Basic and cloze: the learner marks their own answer. */
  async mark(correct: boolean, now = Date.now()): Promise<void> {
    const card = this.current;
    if (!card || !this.selfMarked || !this.revealed || this.verdict !== null) return;
    await this.#record(card, correct, now);
  }

  async #record(card: CardRecord, correct: boolean, now: number): Promise<void> {
    if (this.#saving || this.verdict !== null) return;
    this.#saving = true;
    try {
      await this.deps.answer({ cardId: card.id, rating: mockRating(correct), now, durationMs: now - this.#shownAt, source: 'mock' });
      this.verdict = correct;
      this.results = [...this.results, { cardId: card.id, deckId: card.deckId, correct }];
      this.#save();
    } catch (e) {
      this.error = `Could not save the answer: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.#saving = false;
    }
  }

  next(now = Date.now()): void {
    if (this.verdict === null) return;
    if (this.index + 1 >= this.questions.length) return this.#finish(now);
    this.index++;
    this.#show(now);
    this.#save();
  }

  /** Called by the view's clock; ends the session when time is up. */
  tick(now = Date.now()): void {
    this.now = now;
    if (this.phase === 'question' && now >= this.deadline) this.#finish(now);
  }

  /** Ends the session now; unanswered questions are listed but not stored as reviews. */
  finish(now = Date.now()): void {
    if (this.phase === 'question') this.#finish(now);
  }

  #finish(now: number) {
    const answered = new Set(this.results.map((r) => r.cardId));
    this.unanswered = this.questions.filter((q) => !answered.has(q.id));
    this.score = scoreMock(this.results, this.startedAt, Math.min(now, this.deadline), this.titles);
    this.phase = 'results';
    this.deps.store.clear();
  }

  restart(): void {
    this.phase = 'start';
    this.score = null;
  }

  /** The cards answered wrong, for "Study the missed cards now". */
  get missedIds(): string[] {
    return this.score?.missed.map((m) => m.cardId) ?? [];
  }

  cardById(id: string): CardRecord | undefined {
    return this.questions.find((q) => q.id === id);
  }
}
