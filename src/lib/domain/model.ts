// The deck exchange format (formatVersion 1). decks/deck.schema.json describes the same shape;
// tests keep the two in step.

export const FORMAT_VERSION = 1;

export const CARD_KINDS = ['basic', 'cloze', 'choice', 'typed', 'truefalse'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** What the learner reads for each kind, wherever kinds are listed (editor, import preview). */
export const KIND_NAMES: Record<CardKind, string> = {
  basic: 'Question and answer',
  cloze: 'Cloze (fill the gap)',
  choice: 'Multiple choice',
  typed: 'Typed answer',
  truefalse: 'True or false',
};

/** Where a card's fact came from, so an instructor can find it in the notes. */
export interface Provenance {
  source: string;
  headingPath: string[];
  line: number;
}

interface CardBase {
  /** Stable across regeneration while the fact is unchanged: derived from source + content, never position. */
  id: string;
  kind: CardKind;
  /**
   * Cards made from the same fact (the basic, cloze, choice, true/false and typed forms of one list item, row or
   * command) share a note id, so study can keep siblings apart. Absent: the card is a note of its own.
   */
  noteId?: string;
  tags: string[];
  provenance?: Provenance;
}

export interface BasicCard extends CardBase {
  kind: 'basic';
  prompt: string;
  answer: string;
  explanation?: string;
}

/** Text with one or more `{{c1::answer}}` or `{{c1::answer::hint}}` deletions, all hidden together. */
export interface ClozeCard extends CardBase {
  kind: 'cloze';
  text: string;
  explanation?: string;
}

export interface ChoiceCard extends CardBase {
  kind: 'choice';
  prompt: string;
  /** 3 to 5 options. */
  options: string[];
  /** Indexes into `options`; at least one. */
  correct: number[];
  explanation: string;
}

export interface TypedCard extends CardBase {
  kind: 'typed';
  prompt: string;
  /** The first is canonical and shown as "the answer". */
  answers: string[];
  explanation?: string;
}

export interface TrueFalseCard extends CardBase {
  kind: 'truefalse';
  statement: string;
  isTrue: boolean;
  explanation: string;
}

export type Card = BasicCard | ClozeCard | ChoiceCard | TypedCard | TrueFalseCard;

export interface Deck {
  formatVersion: typeof FORMAT_VERSION;
  id: string;
  title: string;
  description: string;
  tags: string[];
  /** Where the deck came from: a notes file name, "drydock editor", an Anki package name… */
  source: string;
  cards: Card[];
}

/** The sibling group a card belongs to: its note id, or its own id when it has none. */
export function noteOf(card: Pick<Card, 'id' | 'noteId'>): string {
  return card.noteId ?? card.id;
}

/** The text a learner sees first; used for search, previews and duplicate detection. */
export function cardFront(card: Card): string {
  switch (card.kind) {
    case 'basic':
    case 'choice':
    case 'typed':
      return card.prompt;
    case 'cloze':
      return card.text.replace(/\{\{c\d+::(.*?)(?:::(.*?))?\}\}/g, (_m, _a, hint) => `[${hint ?? '…'}]`);
    case 'truefalse':
      return card.statement;
  }
}

/** The text that answers the card. */
export function cardBack(card: Card): string {
  switch (card.kind) {
    case 'basic':
      return card.answer;
    case 'cloze':
      return card.text.replace(/\{\{c\d+::(.*?)(?:::(.*?))?\}\}/g, '$1');
    case 'choice':
      return card.correct.map((i) => card.options[i]).join('; ');
    case 'typed':
      return card.answers[0] ?? '';
    case 'truefalse':
      return `${card.isTrue ? 'True' : 'False'}. ${card.explanation}`;
  }
}
