// The editor's form for one card, for every kind: plain strings while typing, turned into a Card (or field errors).
import { CARD_KINDS, cardBack, cardFront, type Card, type CardKind } from '../../lib/domain/model';

export interface CardDraft {
  kind: CardKind;
  prompt: string;
  answer: string;
  text: string;
  statement: string;
  isTrue: boolean;
  /** One option per line (choice). */
  options: string;
  /** Indexes of correct options (choice). */
  correct: number[];
  /** One accepted answer per line (typed). */
  answers: string;
  explanation: string;
  /** Space- or comma-separated. */
  tags: string;
}

export type DraftErrors = Partial<Record<keyof CardDraft, string>>;

export function emptyDraft(kind: CardKind = 'basic'): CardDraft {
  return { kind, prompt: '', answer: '', text: '', statement: '', isTrue: true, options: '', correct: [], answers: '', explanation: '', tags: '' };
}

export function draftOf(card: Card): CardDraft {
  const d = emptyDraft(card.kind);
  d.tags = card.tags.join(' ');
  d.explanation = 'explanation' in card ? (card.explanation ?? '') : '';
  switch (card.kind) {
    case 'basic':
      return { ...d, prompt: card.prompt, answer: card.answer };
    case 'cloze':
      return { ...d, text: card.text };
    case 'choice':
      return { ...d, prompt: card.prompt, options: card.options.join('\n'), correct: [...card.correct] };
    case 'typed':
      return { ...d, prompt: card.prompt, answers: card.answers.join('\n') };
    case 'truefalse':
      return { ...d, statement: card.statement, isTrue: card.isTrue };
  }
}

export const optionLines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

/** The card this draft describes, or the problems to fix, keyed by field. */
export function cardOfDraft(draft: CardDraft, id: string): { card: Card; errors: null } | { card: null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const tags = [...new Set(draft.tags.split(/[\s,]+/).map((t) => t.trim()).filter(Boolean))];
  const explanation = draft.explanation.trim();
  const need = (key: keyof CardDraft, value: string, message: string) => {
    if (!value.trim()) errors[key] = message;
    return value.trim();
  };
  let card: Card | null = null;
  if (!CARD_KINDS.includes(draft.kind)) return { card: null, errors: { kind: 'Pick a card kind.' } };
  switch (draft.kind) {
    case 'basic':
      card = { id, kind: 'basic', tags, prompt: need('prompt', draft.prompt, 'Write the question.'), answer: need('answer', draft.answer, 'Write the answer.'), ...(explanation ? { explanation } : {}) };
      break;
    case 'cloze': {
      const text = need('text', draft.text, 'Write the sentence.');
      if (text && !/\{\{c\d+::[\s\S]+?\}\}/.test(text)) errors.text = 'Wrap the hidden words like {{c1::this}}.';
      card = { id, kind: 'cloze', tags, text, ...(explanation ? { explanation } : {}) };
      break;
    }
    case 'choice': {
      const options = optionLines(draft.options);
      if (options.length < 3 || options.length > 5) errors.options = 'Write 3 to 5 options, one per line.';
      else if (new Set(options).size !== options.length) errors.options = 'Each option must be different.';
      const correct = draft.correct.filter((i) => i < options.length);
      if (correct.length === 0) errors.correct = 'Mark at least one option as correct.';
      card = { id, kind: 'choice', tags, prompt: need('prompt', draft.prompt, 'Write the question.'), options, correct, explanation };
      break;
    }
    case 'typed': {
      const answers = optionLines(draft.answers);
      if (answers.length === 0) errors.answers = 'Write at least one accepted answer.';
      card = { id, kind: 'typed', tags, prompt: need('prompt', draft.prompt, 'Write the question.'), answers, ...(explanation ? { explanation } : {}) };
      break;
    }
    case 'truefalse':
      card = { id, kind: 'truefalse', tags, statement: need('statement', draft.statement, 'Write the statement.'), isTrue: draft.isTrue, explanation };
      break;
  }
  return Object.keys(errors).length ? { card: null, errors } : { card: card!, errors: null };
}

/** Lower-case text of a card for search. */
export const searchText = (card: Card) => `${cardFront(card)}\n${cardBack(card)}\n${card.tags.join(' ')}`.toLowerCase();
