// A study queue kept up to date answer by answer instead of rebuilt from every state: an answer removes one card and
// puts it back among the learning cards when it is due again today. It always equals buildQueue over the same states
// and counts (tests/unit/domain/study-queue.test.ts checks that on random answer sequences). Pure; `now` is an argument.
//
// Why removing the answered card is exact: picks are taken in one walk (reviews, then new cards) that claims each
// picked card's note and stops at each deck's allowance. A picked card c had no picked sibling before it in the walk,
// so after the answer (c's note now claimed by today's answers, its deck's allowance one lower, c gone from the list)
// the walk takes the same cards minus c. The few cases outside that argument rebuild instead (see #needsRebuild).
import { assembleQueue, byDue, isLearning, LEARN_AHEAD_MS, queueParts, type QueueCandidate, type QueueInput, type QueueItem, type QueueParts } from './queue';
import type { AnsweredCard } from './siblings';

export class StudyQueue {
  #input: QueueInput;
  #states: Map<string, QueueCandidate>;
  #parts: QueueParts;
  /** The `now` the parts were picked at; only 'weakest' picks differently at another time. */
  #partsAt: number;
  #newDone: Record<string, number>;
  #reviewsDone: Record<string, number>;
  #answered: AnsweredCard[];

  constructor(input: QueueInput) {
    this.#input = input;
    this.#states = new Map(input.states.map((s) => [s.cardId, s]));
    this.#newDone = { ...input.newDoneToday };
    this.#reviewsDone = { ...input.reviewsDoneToday };
    this.#answered = [...(input.answeredToday ?? [])];
    this.#parts = queueParts(this.input(input.now));
    this.#partsAt = input.now;
  }

  /** The states and counts the queue stands for now: buildQueue(input(now)) equals items(now). */
  input(now: number): QueueInput {
    return { ...this.#input, states: [...this.#states.values()], newDoneToday: this.#newDone, reviewsDoneToday: this.#reviewsDone, answeredToday: this.#answered, now };
  }

  items(now: number): QueueItem[] {
    // 'weakest' ranks by time since each card's last review, so the order can cross as time passes: rank again.
    if (this.#input.mode === 'weakest' && now !== this.#partsAt) this.#pick(now);
    return assembleQueue(this.#parts, now, this.#learnAhead);
  }

  get #learnAhead(): number {
    return this.#input.learnAheadMs ?? LEARN_AHEAD_MS;
  }

  /**
   * Records an answer to `cardId`, given its state before; `next` is its state after, or null when it leaves the
   * session's cards (a chosen review once answered). Counts it against today's limits and buries its siblings.
   */
  answer(cardId: string, before: QueueCandidate, next: QueueCandidate | null, now: number): void {
    const rebuild = this.#needsRebuild(cardId, next, now);
    if (before.state === 0) this.#newDone = { ...this.#newDone, [before.deckId]: (this.#newDone[before.deckId] ?? 0) + 1 };
    else if (before.state === 2) this.#reviewsDone = { ...this.#reviewsDone, [before.deckId]: (this.#reviewsDone[before.deckId] ?? 0) + 1 };
    this.#answered = [...this.#answered, { cardId, deckId: before.deckId, noteId: next?.noteId ?? before.noteId ?? cardId }];
    if (next) this.#states.set(cardId, next);
    else this.#states.delete(cardId);
    if (rebuild) return this.#pick(now);
    const without = (list: QueueCandidate[]) => list.filter((s) => s.cardId !== cardId);
    const learning = without(this.#parts.learning);
    if (next && next.inactive === 0 && isLearning(next.state)) learning.splice(insertionPoint(learning, next), 0, next);
    this.#parts = { learning, reviews: without(this.#parts.reviews), fresh: without(this.#parts.fresh) };
  }

  #pick(now: number): void {
    this.#parts = queueParts(this.input(now));
    this.#partsAt = now;
  }

  /**
   * When one card's removal is not the whole change: 'weakest' ranks by time since the last review (it moves with
   * `now`) and 'ahead' takes a fixed number of cards; a card not in the queue, or coming back as a review or new card
   * today, can change which others are picked; and in the day's last minutes (now + learn-ahead past the cutoff) the
   * learning cards that claim their note today depend on `now`.
   */
  #needsRebuild(cardId: string, next: QueueCandidate | null, now: number): boolean {
    const { mode = 'normal', reviewCutoff } = this.#input;
    if (mode === 'weakest' || mode === 'ahead') return true;
    if (now + this.#learnAhead > reviewCutoff || this.#input.now + this.#learnAhead > reviewCutoff) return true;
    const { learning, reviews, fresh } = this.#parts;
    const inQueue = (list: QueueCandidate[]) => list.some((s) => s.cardId === cardId);
    // A learning card claims its note today only when due by the cutoff; answering a later one claims it anew.
    const claimedLearning = learning.some((s) => s.cardId === cardId && s.due <= reviewCutoff);
    if (!inQueue(reviews) && !inQueue(fresh) && !claimedLearning) return true;
    if (!next || next.inactive === 1 || isLearning(next.state)) return false;
    return next.state === 0 || next.due <= reviewCutoff;
  }
}

/** Where a learning card goes in a list ordered by due time (then card id), by binary search. */
function insertionPoint(list: QueueCandidate[], card: QueueCandidate): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byDue(list[mid], card) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
