// A learner's response to a card, and the marking of every kind but typed answers (answer-check.ts adds those with the
// typed-answer grammar, which the study screen loads only with the first typed card).
import type { Card } from './model';
import type { TypedAnswerResult } from './typed-answer';

/** A typed answer's verdict (lives here, below answer-check.ts, which makes it). */
export interface TypedCheck extends TypedAnswerResult {
  /** Equal after normalising spacing, case and quotes: nothing worth a note. */
  exact: boolean;
}

export interface CardResponse {
  /** Picked option indexes (choice cards). */
  choice: number[];
  /** Typed text (typed cards). */
  typed: string;
  /** Picked value (true/false cards). */
  truefalse: boolean | null;
}

export const emptyResponse = (): CardResponse => ({ choice: [], typed: '', truefalse: null });

export interface ResponseCheck {
  /** null when the card kind has no response to mark (basic, cloze). */
  correct: boolean | null;
  typed?: TypedCheck;
}

/** Marks a choice or true/false response; basic and cloze cards have none to mark. Not for typed cards. */
export function checkUntypedResponse(card: Exclude<Card, { kind: 'typed' }>, response: CardResponse): ResponseCheck {
  switch (card.kind) {
    case 'choice': {
      const picked = [...new Set(response.choice)].sort((x, y) => x - y);
      const correct = [...card.correct].sort((x, y) => x - y);
      return { correct: picked.length === correct.length && picked.every((v, i) => v === correct[i]) };
    }
    case 'truefalse':
      return { correct: response.truefalse === card.isTrue };
    default:
      return { correct: null };
  }
}

/** The grade to highlight after an answer: wrong -> Again (1), right -> Good (3); none for self-graded kinds. */
export function suggestedRating(check: ResponseCheck): 1 | 3 | null {
  return check.correct === null ? null : check.correct ? 3 : 1;
}

/** True when the learner has responded enough to check the card. */
export function hasResponse(card: Card, response: CardResponse): boolean {
  if (card.kind === 'choice') return response.choice.length > 0;
  if (card.kind === 'typed') return response.typed.trim().length > 0;
  if (card.kind === 'truefalse') return response.truefalse !== null;
  return true;
}
