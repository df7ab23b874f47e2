// Last pass over a deck's cards: drop cards that would read badly (empty, prompt = answer), make
// prompts unique, and keep a stable order.

import { checkTypedAnswer } from '../typed-answer.ts';
import { cardBack, cardFront, type Card } from '../model.ts';

function key(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The card's front key when it reads well, null when it would not (empty, prompt = answer, broken kind). */
function usableFront(card: Card): string | null {
  const front = key(cardFront(card));
  const back = key(cardBack(card));
  if (!front || !back || front === back) return null;
  if (card.kind === 'typed' && !checkTypedAnswer(card.answers[0], card.answers).correct) return null;
  if (card.kind === 'cloze' && !/\{\{c\d+::[^}]+\}\}/.test(card.text)) return null;
  return front;
}

/**
 * Keeps the first card for each prompt. A later card with the same prompt but a different answer
 * gets its heading added to the prompt; if that still collides it is dropped with a warning.
 */
export function finishCards(cards: Card[], warnings: string[], seenFronts = new Set<string>()): Card[] {
  const out: Card[] = [];
  const seenIds = new Set<string>();
  for (const card of cards) {
    if (seenIds.has(card.id)) continue;
    let front = usableFront(card);
    if (front === null) continue;
    if (seenFronts.has(front)) {
      const heading = card.provenance?.headingPath.at(-1);
      const renamed = heading ? withSuffix(card, ` (${heading})`) : null;
      if (!renamed || seenFronts.has(key(cardFront(renamed)))) {
        warnings.push(`Line ${card.provenance?.line ?? '?'}: dropped a card repeating the prompt "${cardFront(card)}".`);
        continue;
      }
      out.push(renamed);
      front = key(cardFront(renamed));
    } else {
      out.push(card);
    }
    seenFronts.add(front);
    seenIds.add(card.id);
  }
  return out;
}

function withSuffix(card: Card, suffix: string): Card | null {
  switch (card.kind) {
    case 'basic':
    case 'choice':
    case 'typed':
      return { ...card, prompt: card.prompt.replace(/([?.])$/, `${suffix}$1`) };
    case 'truefalse':
      return { ...card, statement: card.statement.replace(/([.])$/, `${suffix}$1`) };
    case 'cloze':
      return null;
  }
}
