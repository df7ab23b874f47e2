// Marking a learner's response. Typed answers go through typed-answer.ts: commands are parsed and compared the way an
// interviewer would, prose answers forgive case, spacing, quotes and a small typo in a long word. The other kinds are
// marked in response.ts, which the study screen loads without the typed-answer grammar.
import type { Card } from './model';
import { checkTypedAnswer, normalizeAnswer, type TypedAnswerResult } from './typed-answer';
import { checkUntypedResponse, type CardResponse, type ResponseCheck, type TypedCheck } from './response';

export { checkTypedAnswer, editDistance, normalizeAnswer, type TypedAnswerResult, type WordMark } from './typed-answer';
export { emptyResponse, hasResponse, suggestedRating, type CardResponse, type ResponseCheck } from './response';

export type { TypedCheck } from './response';

/** Checks typed text against the accepted answers; the prompt says which values must be typed exactly. */
export function checkTyped(typed: string, answers: readonly string[], prompt?: string): TypedCheck {
  const result = checkTypedAnswer(typed, answers, prompt);
  const given = normalizeAnswer(typed);
  return { ...result, exact: result.correct && given !== '' && answers.some((a) => normalizeAnswer(a) === given) };
}

export function checkResponse(card: Card, response: CardResponse): ResponseCheck {
  if (card.kind !== 'typed') return checkUntypedResponse(card, response);
  const typed = checkTyped(response.typed, card.answers, card.prompt);
  return { correct: typed.correct, typed };
}
