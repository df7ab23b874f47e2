// Siblings: cards made from the same fact share a note id (model.ts). Like Anki's "bury siblings", a learner meets
// at most one card of a note per day, so one form of a fact never gives away the next.

/** The sibling group a card belongs to, scoped to its deck: the same note id in two decks is two notes. */
export function noteKey(card: { cardId: string; deckId: string; noteId?: string }): string {
  return `${card.deckId}\u241f${card.noteId ?? card.cardId}`;
}

/** A card answered today (study or mock): its siblings wait until tomorrow. */
export interface AnsweredCard {
  cardId: string;
  deckId: string;
  noteId: string;
}

/** Which notes already have a card shown today, and which cards they are. */
export class TodaysNotes {
  #shown = new Map<string, Set<string>>();

  constructor(answered: readonly AnsweredCard[] = []) {
    for (const card of answered) this.claim(card);
  }

  /** Records that this card is (or will be) shown today. */
  claim(card: { cardId: string; deckId: string; noteId?: string }): void {
    const key = noteKey(card);
    const cards = this.#shown.get(key);
    if (cards) cards.add(card.cardId);
    else this.#shown.set(key, new Set([card.cardId]));
  }

  /** True when another card of this card's note is shown today; the card itself is never its own sibling. */
  isBuried(card: { cardId: string; deckId: string; noteId?: string }): boolean {
    const cards = this.#shown.get(noteKey(card));
    return !!cards && (cards.size > 1 || !cards.has(card.cardId));
  }
}

/** Today's answers without the last answer of this card (the answer was undone). */
export function withoutLastAnswer(answers: AnsweredCard[], cardId: string): AnsweredCard[] {
  const i = answers.findLastIndex((a) => a.cardId === cardId);
  return i < 0 ? answers : [...answers.slice(0, i), ...answers.slice(i + 1)];
}
