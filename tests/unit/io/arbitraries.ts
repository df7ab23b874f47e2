// fast-check generators for decks in the exchange format.
import fc from 'fast-check';
import { FORMAT_VERSION, type Card, type Deck } from '../../../src/lib/domain/model';

const chars = fc.constantFrom(...Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?-_/()"\'`*#<>&=+%$@é日本🐳'));
/** Card text as the editor stores it: trimmed, with inner newlines, quotes, commas, HTML-ish characters and Unicode. */
export const cardText = fc
  .array(fc.oneof({ weight: 12, arbitrary: chars }, { weight: 1, arbitrary: fc.constant('\n') }), { minLength: 1, maxLength: 60 })
  .map((a) => a.join('').trim())
  .filter((s) => s.length > 0);
export const tag = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
export const cardId = fc.stringMatching(/^[0-9a-z]{22}$/);

export const basicCard: fc.Arbitrary<Card> = fc.record({ id: cardId, kind: fc.constant('basic' as const), tags: fc.uniqueArray(tag, { maxLength: 3 }), prompt: cardText, answer: cardText });
const clozeCard: fc.Arbitrary<Card> = fc.record({ id: cardId, kind: fc.constant('cloze' as const), tags: fc.uniqueArray(tag, { maxLength: 3 }), text: fc.tuple(cardText, cardText).map(([a, b]) => `${a} {{c1::${b.replace(/[{}:]/g, '')}x}}`), explanation: cardText });
const choiceCard: fc.Arbitrary<Card> = fc.record({ id: cardId, kind: fc.constant('choice' as const), tags: fc.uniqueArray(tag, { maxLength: 3 }), prompt: cardText, options: fc.uniqueArray(cardText, { minLength: 3, maxLength: 5 }), correct: fc.constant<number[]>([0]), explanation: cardText });
const typedCard: fc.Arbitrary<Card> = fc.record({ id: cardId, kind: fc.constant('typed' as const), tags: fc.uniqueArray(tag, { maxLength: 3 }), prompt: cardText, answers: fc.array(cardText, { minLength: 1, maxLength: 3 }) });
const tfCard: fc.Arbitrary<Card> = fc.record({ id: cardId, kind: fc.constant('truefalse' as const), tags: fc.uniqueArray(tag, { maxLength: 3 }), statement: cardText, isTrue: fc.boolean(), explanation: cardText });
export const anyCard = fc.oneof(basicCard, clozeCard, choiceCard, typedCard, tfCard);

export function deckOf(cards: fc.Arbitrary<Card>, maxCards = 8): fc.Arbitrary<Deck> {
  return fc.record({
    title: cardText.map((t) => t.replace(/\n/g, ' ')),
    cards: fc.uniqueArray(cards, { minLength: 1, maxLength: maxCards, selector: (c) => c.id }),
  }).map(({ title, cards }) => ({ formatVersion: FORMAT_VERSION, id: 'deck-under-test', title, description: 'A test deck', tags: ['t'], source: 'test', cards }));
}
