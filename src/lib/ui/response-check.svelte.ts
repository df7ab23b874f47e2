// Marking on the study screen. The typed-answer grammar and matcher (about 9 kB gzip) load with the first typed card,
// not with the screen; every other kind is marked at once. `typedCheckReady` is reactive, so a card face that was
// revealed while the grammar loaded shows its comparison as soon as it arrives.
import type { Card } from '../domain/model';
import { checkUntypedResponse, type CardResponse, type ResponseCheck } from '../domain/response';

type AnswerCheck = typeof import('../domain/answer-check');
type Comparison = typeof import('./TypedComparison.svelte').default;

let answerCheck = $state.raw<AnswerCheck | null>(null);
let comparison = $state.raw<Comparison | null>(null);
let loading: Promise<AnswerCheck> | null = null;

/**
 * Loads the typed-answer checker and the word-by-word comparison that shows its result (once); the study session
 * awaits it before it shows a typed card.
 */
export function loadTypedCheck(): Promise<AnswerCheck> {
  loading ??= Promise.all([import('../domain/answer-check'), import('./TypedComparison.svelte')]).then(([m, c]) => {
    comparison = c.default;
    return (answerCheck = m);
  });
  return loading;
}

/** The comparison component, loaded with the checker: there whenever a typed response has been marked. */
export function typedComparison(): Comparison | null {
  return comparison;
}

/** The marking of a response, or null for a typed card while its checker is still loading (the load starts then). */
export function checkNow(card: Card, response: CardResponse): ResponseCheck | null {
  if (card.kind !== 'typed') return checkUntypedResponse(card, response);
  if (answerCheck) return answerCheck.checkResponse(card, response);
  void loadTypedCheck();
  return null;
}
