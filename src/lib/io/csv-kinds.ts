// The optional CSV columns that carry every card kind: kind, explanation, options, id and note. With them, a CSV
// export comes back as the same cards (ids, note ids, kinds and fields); without them a row is front, back, tags.
// "options" lists a choice card's options and a typed card's accepted answers, one per line, each starting with
// "[x] " (correct or accepted) or "[ ] "; a line without that mark continues the item above, so items may hold
// line breaks.
import { CARD_KINDS, cardBack, cardFront, type Card, type CardKind } from '../domain/model';
import { validateCard } from './validate-deck';

export const KIND_COLUMNS = ['kind', 'explanation', 'options', 'id', 'note'] as const;
export type KindColumn = (typeof KIND_COLUMNS)[number];

const item = (text: string, marked: boolean) => `${marked ? '[x]' : '[ ]'} ${text}`;

function optionsCell(card: Card): string {
  if (card.kind === 'choice') return card.options.map((o, i) => item(o, card.correct.includes(i))).join('\n');
  if (card.kind === 'typed') return card.answers.map((a) => item(a, true)).join('\n');
  return '';
}

function parseOptions(cell: string): { text: string; marked: boolean }[] {
  const items: { text: string; marked: boolean }[] = [];
  for (const line of cell.split(/\r\n|\r|\n/)) {
    const m = /^\[( |x|X)\] ?([\s\S]*)$/.exec(line);
    if (m) items.push({ text: m[2], marked: m[1] !== ' ' });
    else if (items.length > 0) items[items.length - 1].text += `\n${line}`;
    else if (line.trim()) items.push({ text: line, marked: false });
  }
  return items;
}

/** A card's row: front and back as any spreadsheet shows them, then the kind columns in KIND_COLUMNS order. */
export function kindRowOf(card: Card): { front: string; back: string; cells: string[] } {
  const front = card.kind === 'cloze' ? card.text : cardFront(card);
  const back = card.kind === 'truefalse' ? (card.isTrue ? 'True' : 'False') : cardBack(card);
  return { front, back, cells: [card.kind, card.explanation ?? '', optionsCell(card), card.id, card.noteId ?? ''] };
}

/**
 * The card a row with a kind describes; null when the row has no kind (then it is read as front/back/tags);
 * a message when the kind or its fields are not valid.
 */
export function cardOfKindColumns(id: string, tags: string[], front: string, back: string, cell: (c: KindColumn) => string): Card | string | null {
  const kind = cell('kind').trim().toLowerCase();
  if (!kind) return null;
  if (!CARD_KINDS.includes(kind as CardKind)) return `the kind "${kind.slice(0, 40)}" is not one of ${CARD_KINDS.join(', ')}`;
  const explanation = cell('explanation');
  const options = parseOptions(cell('options'));
  const note = cell('note').trim() ? { noteId: cell('note') } : {};
  const optional = explanation ? { explanation } : {};
  const raw = {
    basic: { prompt: front, answer: back, ...optional },
    cloze: { text: front, ...optional },
    typed: { prompt: front, answers: options.length ? options.map((o) => o.text) : [back], ...optional },
    choice: { prompt: front, options: options.map((o) => o.text), correct: options.flatMap((o, i) => (o.marked ? [i] : [])), explanation },
    truefalse: { statement: front, isTrue: /^\s*true\s*$/i.test(back), explanation },
  }[kind as CardKind];
  try {
    return validateCard({ id, kind, tags, ...note, ...raw });
  } catch (e) {
    return `a ${kind} card ${(e as Error).message}`;
  }
}
