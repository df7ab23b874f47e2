// Cards the note-taker wrote explicitly (see markup.ts) → cards as written: a question with its answer, the
// reverse card when asked for (`:::`, `??`), a cloze. The heading path is the context of a bare term.

import type { Card } from '../../model.ts';
import { basicCard, clozeCard, lowerFirst, mentionsSubject, subjectOf } from '../cards.ts';
import { markedCards } from '../forms.ts';
import { cleanInline } from '../text.ts';
import { origin, type Rule, type Visit } from '../visit.ts';

/** "Bind mount" alone is not a question: ask what it is, with the headings in front. */
function front(visit: Visit, text: string, reverse: boolean): string {
  const clean = cleanInline(text);
  const subject = subjectOf(visit.ctx);
  const lead = (prompt: string) => (subject && !mentionsSubject(prompt, visit.ctx) ? `${subject}: ${lowerFirst(prompt)}` : prompt);
  if (/\?$/.test(clean)) return lead(clean);
  if (/^(what|why|how|when|where|which|who|does|do|is|are|can|should|name|list|explain)\b/i.test(clean)) return lead(`${clean.replace(/[.:]$/, '')}?`);
  if (reverse) return lead(`Which term is described by “${clean.replace(/\.$/, '')}”?`);
  if (clean.split(/\s+/).length <= 6 && !/[.!]$/.test(clean)) return lead(`What is ${/^[a-z./-]|`/.test(clean) ? (clean.includes('`') ? clean : `\`${clean}\``) : `“${clean}”`}?`);
  return lead(`${clean.replace(/[.:]$/, '')}?`);
}

export const markupRule: Rule = (visit, env) => {
  const { node } = visit;
  if (node.type !== 'card' || !node.card) return [];
  env.consumed.add(node);
  const card = node.card;
  if (card.cloze) {
    const subject = subjectOf(visit.ctx);
    const text = cleanInline(card.cloze.replace(/\{\{c1::/g, '\u0001').replace(/\}\}/g, '\u0002')).replace(/\u0001/g, '{{c1::').replace(/\u0002/g, '}}');
    return marked([clozeCard(origin(visit, 'marked-cloze', card.cloze), subject ? `${subject}: ${text}` : text)]);
  }
  const cards: Card[] = [basicCard(origin(visit, 'marked', card.question), front(visit, card.question, false), cleanInline(card.answer))];
  if (card.reversed) cards.push(basicCard(origin(visit, 'marked-reverse', card.question), front(visit, card.answer, true), cleanInline(card.question)));
  return marked(cards);
};

function marked(cards: Card[]): Card[] {
  for (const c of cards) markedCards.add(c);
  return cards;
}
