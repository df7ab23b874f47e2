import type { ClozeCard } from './model';

// Cloze text: "{{c1::answer}}" or "{{c1::answer::hint}}". All deletions of a card are hidden together; a note with
// c1…cN becomes one card per number (as in Anki), each keeping only its own deletion.

export type ClozeSegment = { kind: 'text'; text: string } | { kind: 'deletion'; index: number; answer: string; hint?: string };

const DELETION = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

export function parseCloze(text: string): ClozeSegment[] {
  const segments: ClozeSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(DELETION)) {
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    const hint = match[3]?.trim();
    segments.push({ kind: 'deletion', index: Number(match[1]), answer: match[2], ...(hint ? { hint } : {}) });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** The distinct deletion numbers in the text, ascending. */
export function clozeNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(DELETION)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/** Keeps only deletion number n (as c1); other deletions show their answer, as in Anki's card n. Null without an n. */
export function clozeFor(text: string, n: number): string | null {
  let found = false;
  const out = text.replace(DELETION, (_m, num: string, answer: string, hint?: string) => {
    if (Number(num) !== n) return answer;
    found = true;
    return `{{c1::${answer}${hint ? `::${hint}` : ''}}}`;
  });
  return found ? out : null;
}

/** One text per deletion number (c1…cN); a text with one number (or none) stays as it is. */
export function clozeTexts(text: string): string[] {
  const numbers = clozeNumbers(text);
  if (numbers.length <= 1) return [text];
  return numbers.map((n) => clozeFor(text, n)!);
}

/**
 * A cloze card as the cards it stands for: itself when it has one deletion number, otherwise one card per number,
 * all sharing a note (`noteId`, or `newNoteId` when the card had none). The first keeps the card's id.
 */
export function clozeCards(card: ClozeCard, newNoteId: string): ClozeCard[] {
  const texts = clozeTexts(card.text);
  if (texts.length === 1) return [card];
  const noteId = card.noteId ?? newNoteId;
  return texts.map((text, i) => ({ ...card, id: i === 0 ? card.id : '', noteId, text }));
}
