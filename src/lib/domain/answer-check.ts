// Marking a learner's response. Typed answers go through typed-answer.ts: commands are parsed and compared the way an
// interviewer would, prose answers forgive case, spacing, quotes and a small typo in a long word.
import type { Card } from './model';
import { checkTypedAnswer, normalizeAnswer, type TypedAnswerResult } from './typed-answer';

export { checkTypedAnswer, editDistance, normalizeAnswer, type TypedAnswerResult, type WordMark } from './typed-answer';

export interface CardResponse {
  /** Picked option indexes (choice cards). */
  choice: number[];
  /** Typed text (typed cards). */
  typed: string;
  /** Picked value (true/false cards). */
  truefalse: boolean | null;
}

export const emptyResponse = (): CardResponse => ({ choice: [], typed: '', truefalse: null });

export interface TypedCheck extends TypedAnswerResult {
  /** Equal after normalising spacing, case and quotes: nothing worth a note. */
  exact: boolean;
}

/** Checks typed text against the accepted answers; the prompt says which values must be typed exactly. */
export function checkTyped(typed: string, answers: readonly string[], prompt?: string): TypedCheck {
  const result = checkTypedAnswer(typed, answers, prompt);
  const given = normalizeAnswer(typed);
  return { ...result, exact: result.correct && given !== '' && answers.some((a) => normalizeAnswer(a) === given) };
}

export interface ResponseCheck {
  /** null when the card kind has no response to mark (basic, cloze). */
  correct: boolean | null;
  typed?: TypedCheck;
}

export function checkResponse(card: Card, response: CardResponse): ResponseCheck {
  switch (card.kind) {
    case 'choice': {
      const picked = [...new Set(response.choice)].sort((x, y) => x - y);
      const correct = [...card.correct].sort((x, y) => x - y);
      return { correct: picked.length === correct.length && picked.every((v, i) => v === correct[i]) };
    }
    case 'typed': {
      const typed = checkTyped(response.typed, card.answers, card.prompt);
      return { correct: typed.correct, typed };
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
