// Today's counts for one deck, tallied from the few states a session would show instead of from every state: the
// deck's learning cards, its due reviews in due order, and its new cards in deck order, each fed in pages until the
// day's limit is reached (db/deck-counts.ts reads them from index ranges). The rules are buildQueue's (queue.ts):
// learning cards due today claim their notes, then reviews and new cards are taken in order within the deck's
// allowance, skipping any card whose note is already taken today (siblings.ts).
import { isLearning, LEARN_AHEAD_MS, type DeckCounts, type QueueCandidate } from './queue';
import { TodaysNotes, type AnsweredCard } from './siblings';

export interface TallyLimits {
  newLimit: number;
  reviewLimit: number;
  reviewCutoff: number;
}

export interface TallyToday {
  newDoneToday: Readonly<Record<string, number>>;
  reviewsDoneToday: Readonly<Record<string, number>>;
  answeredToday: readonly AnsweredCard[];
}

export class DeckTally {
  readonly #notes: TodaysNotes;
  #learning = 0;
  #due = 0;
  #new = 0;
  /** New cards passed over because a card of their note is shown or was answered today. */
  #waiting = 0;
  readonly newAllowance: number;
  readonly reviewAllowance: number;

  constructor(
    readonly deckId: string,
    private readonly limits: TallyLimits,
    today: TallyToday,
    private readonly now: number,
    private readonly learnAheadMs = LEARN_AHEAD_MS,
  ) {
    this.#notes = new TodaysNotes(today.answeredToday.filter((a) => a.deckId === deckId));
    this.newAllowance = Math.max(0, limits.newLimit - (today.newDoneToday[deckId] ?? 0));
    this.reviewAllowance = Math.max(0, limits.reviewLimit - (today.reviewsDoneToday[deckId] ?? 0));
  }

  /** Every learning and relearning card of the deck still in study, first and once. */
  addLearning(states: readonly QueueCandidate[]): void {
    const todayEnds = Math.max(this.limits.reviewCutoff, this.now + this.learnAheadMs);
    for (const s of states) {
      if (s.inactive !== 0 || !isLearning(s.state)) continue;
      if (s.due <= todayEnds) this.#notes.claim(s);
      if (s.due <= this.limits.reviewCutoff) this.#learning++;
    }
  }

  get reviewsFull(): boolean {
    return this.#due >= this.reviewAllowance;
  }

  /** The next reviews due today, in due order (ties in card-id order), after the learning cards. */
  offerReviews(states: readonly QueueCandidate[]): void {
    for (const s of states) {
      if (this.reviewsFull) return;
      if (s.inactive !== 0 || s.state !== 2 || s.due > this.limits.reviewCutoff || this.#notes.isBuried(s)) continue;
      this.#notes.claim(s);
      this.#due++;
    }
  }

  get newFull(): boolean {
    return this.#new >= this.newAllowance;
  }

  /** The next new cards in deck order, after every review. */
  offerNew(states: readonly QueueCandidate[]): void {
    for (const s of states) {
      if (this.newFull) return;
      if (s.inactive !== 0 || s.state !== 0) continue;
      if (this.#notes.isBuried(s)) {
        this.#waiting++;
        continue;
      }
      this.#notes.claim(s);
      this.#new++;
    }
  }

  /**
   * The counts. `allNewSeen`: every new card of the deck was offered. Waiting siblings are reported only when they
   * are why the deck shows fewer new cards than its limit; then every new card was offered, so the figure is whole.
   */
  counts(allNewSeen: boolean): DeckCounts {
    const waiting = allNewSeen && !this.newFull ? this.#waiting : 0;
    return { new: this.#new, learning: this.#learning, due: this.#due, waiting };
  }
}

/** Several decks' counts as one: Study all applies each deck's limit to that deck, and notes never span decks. */
export function sumCounts(counts: readonly DeckCounts[]): DeckCounts {
  const total: DeckCounts = { new: 0, learning: 0, due: 0, waiting: 0 };
  for (const c of counts) {
    total.new += c.new;
    total.learning += c.learning;
    total.due += c.due;
    total.waiting! += c.waiting ?? 0;
  }
  return total;
}
