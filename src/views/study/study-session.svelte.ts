// One study session (a deck or all decks): the queue, the card on screen, reveal, answer and undo.
// Compute lives in src/lib/domain; this class only keeps the screen's state and calls the database.
import { db, type CardRecord } from '../../lib/db/db';
import { loadSettings } from '../../lib/db/settings';
import { updateBundledDecksIfStale } from '../../lib/db/bundled-check';
import type { AnswerReceipt } from '../../lib/db/study';
import { countDoneToday } from '../../lib/db/today-counts';
import { loadCards, loadStatesOf, loadStudySlice, loadStudyStates, nextDueOf, type SliceInput, type StudyState } from '../../lib/db/study-data';
import { emptyResponse, suggestedRating, type CardResponse } from '../../lib/domain/response';
import { checkNow, loadTypedCheck } from '../../lib/ui/response-check.svelte';
import { prepareCardText } from '../../lib/ui/markdown-lazy.svelte';
import { loadCardOptions } from '../../lib/ui/card-options.svelte';
import { buildQueue, nextDueAfter, type QueueCandidate, type QueueInput, type QueueItem, type QueueMode } from '../../lib/domain/queue';
import { StudyQueue } from '../../lib/domain/study-queue';
import { withoutLastAnswer, type AnsweredCard } from '../../lib/domain/siblings';
import type { Preview, RatingValue, Scheduler } from '../../lib/domain/scheduler';
import { loadScheduler, schedulerIfLoaded } from '../../lib/domain/scheduler-lazy';
import type { StudyLimits } from '../../lib/domain/study-limits';
import { todaysLimits } from '../../lib/domain/today-limits';
import type { Settings } from '../../lib/domain/settings';

export type SessionStatus = 'loading' | 'question' | 'revealed' | 'done' | 'error';

export interface SessionOptions {
  deckId: string | null;
  mode: QueueMode;
  tag?: string;
  /** Only these cards, due or not (the missed questions of a mock interview). */
  cards?: string[];
}

/** How many extra new cards "Learn more" adds per deck. */
export const EXTRA_NEW = 10;

let persistenceAsked = false;

let answerCode: Promise<typeof import('./answer-code')> | null = null;
/** The answer and undo code (answer-code.ts): loaded after the first card is painted, or by the first answer. */
export function loadAnswerCode(): Promise<typeof import('./answer-code')> {
  answerCode ??= import('./answer-code');
  answerCode.catch(() => (answerCode = null));
  return answerCode;
}

export class StudySession {
  status = $state<SessionStatus>('loading');
  title = $state('All decks');
  error = $state<string | null>(null);
  /** Shown over a card whose answer could not be saved (storage full); the card stays so the learner can retry. */
  saveProblem = $state<string | null>(null);
  card = $state.raw<CardRecord | null>(null);
  item = $state.raw<QueueItem | null>(null);
  response = $state<CardResponse>(emptyResponse());
  previews = $state.raw<Record<RatingValue, Preview<StudyState>> | null>(null);
  suggested = $state<RatingValue | null>(null);
  remaining = $state({ new: 0, learning: 0, review: 0 });
  answered = $state(0);
  canUndo = $state(false);
  /** Done screen: when the next card is due (epoch ms), and what else can be studied. */
  nextDue = $state<number | null>(null);
  moreNewAvailable = $state(false);
  reviewAheadAvailable = $state(false);
  /** The learner's "fewer taps" setting: picking the one answer of a choice or true/false card reveals it. */
  fewerTaps = $state(false);

  readonly options: SessionOptions;

  /** The current card's deck, shown when studying all decks. */
  get deckTitle(): string | null {
    return this.card ? (this.#deckTitles.get(this.card.deckId) ?? null) : null;
  }
  /** The states this session may show: a slice read through the indexes (study-data.ts), not the whole deck. */
  #states = new Map<string, StudyState>();
  #queueState: StudyQueue | null = null;
  #deckIds: string[] = [];
  #cards = new Map<string, CardRecord>();
  #scheduler: Scheduler | null = null;
  #settings: Settings | null = null;
  #limits: StudyLimits | null = null;
  #newDone: Record<string, number> = {};
  #reviewsDone: Record<string, number> = {};
  /** Today's answers (from the review log, then this session's): their siblings wait until tomorrow. */
  #answeredToday: AnsweredCard[] = [];
  #undo: { receipt: AnswerReceipt; response: CardResponse }[] = [];
  /** Review-ahead and the weakest-first drill work through the reviews chosen at the start, once each. */
  #chosenReviews: Set<string> | null = null;
  #shownAt = 0;
  #deckTitles = new Map<string, string>();
  #busy = false;

  constructor(options: SessionOptions) {
    this.options = options;
  }

  async load(now = Date.now()): Promise<void> {
    try {
      const { deckId, mode, tag } = this.options;
      // Opened straight from a link on first run: the bundled decks must be in the database first.
      // Otherwise the merge runs in the background and this session uses what is stored.
      // The merge's code loads only when the stored decks are not this version's (bundled-check.ts).
      const stored = await db.decks.toArray();
      const update = updateBundledDecksIfStale(now, stored);
      if (stored.length === 0) await update;
      else update.catch(() => undefined);
      const [settings, done, decks] = await Promise.all([loadSettings(), countDoneToday(now), stored.length === 0 ? db.decks.toArray() : stored]);
      this.#deckTitles = new Map(decks.map((d) => [d.id, d.title]));
      this.#deckIds = deckId ? [deckId] : decks.map((d) => d.id);
      if (deckId) this.title = this.#deckTitles.get(deckId) ?? 'Deck not found';
      if (tag) this.title += ` · ${tag}`;
      if (this.options.cards) this.title = 'Missed in the mock interview';
      this.#settings = settings;
      this.fewerTaps = settings.fewerTaps;
      // The interview plan sizes today's limits from the whole collection, as the deck list does (a scan, only then).
      const planStates = settings.interviewDate ? await db.states.toArray() : [];
      this.#limits = await todaysLimits(settings, now, { states: planStates, newDoneToday: done.newDoneToday, reviewsDoneToday: done.reviewsDoneToday });
      // "Learn more" counts only this session's new cards against its extra allowance.
      this.#newDone = mode === 'extra-new' ? {} : done.newDoneToday;
      this.#reviewsDone = done.reviewsDoneToday;
      this.#answeredToday = done.answeredToday;
      // Only the cards asked for; a tag reads its deck's states whole and filters them; otherwise the slice.
      const states = this.options.cards ? (await loadStatesOf(this.options.cards)).filter((s) => !deckId || s.deckId === deckId) : tag ? await loadStudyStates(deckId, tag) : await loadStudySlice(this.#deckIds, this.#sliceInput(now));
      this.#states = new Map(states.map((s) => [s.cardId, s]));
      if (this.options.cards) this.#chosenReviews = new Set(states.filter((s) => s.state === 2).map((s) => s.cardId));
      else if (mode === 'ahead' || mode === 'weakest') {
        this.#chosenReviews = new Set(buildQueue(this.#queueInput(now)).filter((q) => q.kind === 'review').map((q) => q.cardId));
        // The reviews not chosen are never shown: 'weakest' read them all to rank them.
        for (const s of states) if (s.state === 2 && !this.#chosenReviews.has(s.cardId)) this.#states.delete(s.cardId);
      }
      this.#queueState = new StudyQueue(this.#queueInput(now));
      await this.#advance(now, null);
    } catch (e) {
      this.#fail(e);
    }
  }

  /** The session's mode and limits, for reading its slice. */
  #sliceInput(now: number): SliceInput {
    const { states: _states, ...input } = this.#queueInput(now);
    return input;
  }

  #queue(now: number): QueueItem[] {
    return this.#queueState!.items(now);
  }

  /** What buildQueue is given for this session: the states it may show, its limits and today's counts. */
  #queueInput(now: number): QueueInput {
    const { mode } = this.options;
    let states = [...this.#states.values()];
    const chosen = this.#chosenReviews;
    if (chosen) states = states.filter((s) => (s.state !== 2 || chosen.has(s.cardId)) && (mode !== 'ahead' || s.state !== 0));
    return {
      ...this.#queueBase(now, states),
      ...(mode === 'extra-new' ? { newLimit: 0, extraNew: EXTRA_NEW } : {}),
      // Once chosen, every remaining chosen review is shown, due or not.
      ...(chosen ? { reviewCutoff: Infinity, reviewLimit: Infinity } : {}),
      mode: chosen && mode === 'ahead' ? 'normal' : mode,
      weakestCount: chosen ? Infinity : undefined,
    };
  }

  #queueBase(now: number, states: StudyState[]): QueueInput {
    return { states, newDoneToday: this.#newDone, reviewsDoneToday: this.#reviewsDone, answeredToday: this.#answeredToday, now, ...this.#limits! };
  }

  async #advance(now: number, justAnswered: string | null): Promise<void> {
    const queue = this.#queue(now);
    this.#count(queue);
    // Don't show the card just answered again straight away when another one is waiting.
    const next = queue.length > 1 && queue[0].cardId === justAnswered ? queue[1] : queue[0];
    if (!next) return this.#finish(now);
    // Show the next card as soon as its content is at hand; fetch the few after it in the background.
    if (!this.#cards.has(next.cardId)) await this.#prefetch([next.cardId]);
    void this.#prefetch(queue.slice(0, 5).map((q) => q.cardId)).catch(() => undefined);
    const card = this.#cards.get(next.cardId);
    // The typed-answer grammar and the full Markdown renderer load with the first card that needs them, before it shows.
    if (card?.kind === 'typed') await loadTypedCheck();
    if (card?.kind === 'choice' || card?.kind === 'truefalse') await loadCardOptions();
    if (card) await prepareCardText(card);
    if (!card) {
      // Content missing (should not happen): leave the card out of this session rather than stall.
      this.#states.delete(next.cardId);
      this.#queueState = new StudyQueue(this.#queueInput(now));
      return this.#advance(now, justAnswered);
    }
    this.item = next;
    this.card = card;
    this.response = emptyResponse();
    this.previews = null;
    this.suggested = null;
    this.status = 'question';
    this.#shownAt = now;
  }

  #count(queue: QueueItem[]): void {
    this.remaining = {
      new: queue.filter((q) => q.kind === 'new').length,
      learning: queue.filter((q) => q.kind === 'learning').length,
      review: queue.filter((q) => q.kind === 'review').length,
    };
  }

  async #prefetch(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.#cards.has(id));
    if (missing.length === 0) return;
    for (const [id, card] of await loadCards(missing)) {
      this.#cards.set(id, card);
      // A typed card a few cards ahead: its checker loads while the learner works on the cards before it.
      if (card.kind === 'typed') void loadTypedCheck().catch(() => undefined);
      if (card.kind === 'choice' || card.kind === 'truefalse') void loadCardOptions().catch(() => undefined);
      void prepareCardText(card).catch(() => undefined);
    }
  }

  async #finish(now: number): Promise<void> {
    // Offered only when that session would show a card: siblings of today's cards wait until tomorrow.
    const base = { ...this.#queueBase(now, []), newDoneToday: {} };
    const extraNew: QueueInput = { ...base, newLimit: 0, extraNew: EXTRA_NEW, mode: 'extra-new' };
    const ahead: QueueInput = { ...base, mode: 'ahead' };
    if (this.options.cards || this.options.tag) {
      // These sessions hold every state they could show.
      const all = [...this.#states.values()];
      this.nextDue = nextDueAfter(all, now);
      this.moreNewAvailable = buildQueue({ ...extraNew, states: all }).some((q) => q.kind === 'new');
      this.reviewAheadAvailable = buildQueue({ ...ahead, states: all }).some((q) => q.kind === 'review');
    } else {
      const { states: _e, ...extraInput } = extraNew;
      const { states: _a, ...aheadInput } = ahead;
      const [nextDue, fresh, later] = await Promise.all([nextDueOf(this.#deckIds, now), loadStudySlice(this.#deckIds, extraInput), loadStudySlice(this.#deckIds, aheadInput)]);
      this.nextDue = nextDue;
      this.moreNewAvailable = buildQueue({ ...extraNew, states: fresh }).some((q) => q.kind === 'new');
      this.reviewAheadAvailable = buildQueue({ ...ahead, states: later }).some((q) => q.kind === 'review');
    }
    this.item = null;
    this.card = null;
    this.status = 'done';
  }

  /** The scheduler, once ts-fsrs has loaded (StudyView starts loading it when the first card is painted). */
  #schedulerNow(): Scheduler | null {
    const loaded = schedulerIfLoaded();
    if (loaded && !this.#scheduler && this.#settings) this.#scheduler = loaded.createScheduler(this.#settings);
    return this.#scheduler;
  }

  /** Shows the answer at once; the promise settles when the rating buttons' interval previews are there too. */
  reveal(now = Date.now()): Promise<void> {
    if (this.status !== 'question' || !this.card || !this.item) return Promise.resolve();
    const item = this.item;
    const state = this.#states.get(item.cardId)!;
    const scheduler = this.#schedulerNow();
    if (scheduler) this.previews = scheduler.previewIntervals(state, now);
    const check = checkNow(this.card, this.response);
    this.suggested = check ? suggestedRating(check) : null;
    this.status = 'revealed';
    if (scheduler) return Promise.resolve();
    // Revealed before ts-fsrs arrived: the answer shows now, the rating buttons as soon as it has loaded.
    return loadScheduler().then(
      () => {
        if (this.item === item && this.status === 'revealed') this.previews = this.#schedulerNow()!.previewIntervals(state, now);
      },
      (e: unknown) => this.#fail(e),
    );
  }

  async answer(rating: RatingValue, now = Date.now()): Promise<void> {
    if (this.status !== 'revealed' || !this.item || this.#busy) return;
    this.#busy = true;
    const cardId = this.item.cardId;
    let code: Awaited<ReturnType<typeof loadAnswerCode>> | null = null;
    try {
      code = await loadAnswerCode();
      const receipt = await code.answerCard({ cardId, rating, now, durationMs: Math.min(now - this.#shownAt, 30 * 60_000), source: 'study' });
      this.#undo.push({ receipt, response: $state.snapshot(this.response) });
      this.canUndo = true;
      this.#apply(receipt.previous.state, receipt.next.deckId, +1);
      const before = this.#states.get(cardId);
      const next: StudyState = { ...receipt.next, order: before?.order ?? 0, deckRank: before?.deckRank };
      this.#states.set(cardId, next);
      this.#answeredToday = [...this.#answeredToday, { cardId, deckId: receipt.next.deckId, noteId: receipt.next.noteId }];
      this.#chosenReviews?.delete(cardId);
      // The queue moves this one card; a chosen review, once answered, leaves the session's cards.
      const stays: QueueCandidate | null = this.#chosenReviews && next.state === 2 ? null : next;
      this.#queueState!.answer(cardId, before ?? receipt.previous, stays, now);
      this.answered++;
      if (!persistenceAsked) {
        persistenceAsked = true;
        void code.requestPersistentStorage(now).catch(() => undefined);
      }
      this.saveProblem = null;
      await this.#advance(now, cardId);
    } catch (e) {
      // The answer's transaction rolled back: nothing was written, so the card stays and the answer can be retried.
      if (code?.isQuotaError(e)) this.saveProblem = 'This answer was not saved: the device is out of storage space for Drydock. Free some space, then answer again. Your earlier answers are safe.';
      else this.#fail(e);
    } finally {
      this.#busy = false;
    }
  }

  /** Restores the card's previous state exactly, removes the review log entry, and shows the card again. */
  async undo(now = Date.now()): Promise<void> {
    const last = this.#undo.at(-1);
    if (!last || this.#busy) return;
    this.#busy = true;
    try {
      await (await loadAnswerCode()).undoAnswer(last.receipt);
      this.#undo.pop();
      this.canUndo = this.#undo.length > 0;
      const { previous } = last.receipt;
      this.#apply(previous.state, previous.deckId, -1);
      const kept = this.#states.get(previous.cardId);
      this.#states.set(previous.cardId, { ...previous, order: kept?.order ?? 0, deckRank: kept?.deckRank });
      this.#answeredToday = withoutLastAnswer(this.#answeredToday, previous.cardId);
      this.#chosenReviews?.add(previous.cardId);
      // Undo is rare: the queue is rebuilt from the session's states.
      this.#queueState = new StudyQueue(this.#queueInput(now));
      this.answered = Math.max(0, this.answered - 1);
      await this.#prefetch([previous.cardId]);
      this.card = this.#cards.get(previous.cardId) ?? null;
      this.item = { cardId: previous.cardId, deckId: previous.deckId, kind: previous.state === 0 ? 'new' : previous.state === 2 ? 'review' : 'learning', due: previous.due };
      this.response = last.response;
      this.#count(this.#queue(now));
      this.previews = null;
      this.suggested = null;
      this.status = 'question';
      this.#shownAt = now;
    } catch (e) {
      this.#fail(e);
    } finally {
      this.#busy = false;
    }
  }

  #apply(stateBefore: number, deckId: string, delta: 1 | -1): void {
    if (stateBefore === 0) this.#newDone[deckId] = Math.max(0, (this.#newDone[deckId] ?? 0) + delta);
    else if (stateBefore === 2) this.#reviewsDone[deckId] = Math.max(0, (this.#reviewsDone[deckId] ?? 0) + delta);
  }

  #fail(e: unknown): void {
    this.error = e instanceof Error ? e.message : String(e);
    this.status = 'error';
  }
}

