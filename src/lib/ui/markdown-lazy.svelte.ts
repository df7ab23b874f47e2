// Card text on screen: plain text with `code` renders at once (markdown-plain.ts); anything else waits for marked and
// DOMPurify, which load the first time a text needs them. The study session loads them before it shows such a card
// (`prepareCardText`), so the learner never sees a card change under them.
import type { Card } from '../domain/model';
import { renderPlainMarkdown } from './markdown-plain';

type FullRenderer = typeof import('./markdown');

let full = $state.raw<FullRenderer | null>(null);
let loading: Promise<FullRenderer> | null = null;

export function loadFullMarkdown(): Promise<FullRenderer> {
  loading ??= import('./markdown').then((m) => (full = m));
  return loading;
}

/** Sanitised HTML for untrusted Markdown, or null while the full renderer loads (the load starts then). */
export function renderCardText(text: string, inline = false): string | null {
  const plain = renderPlainMarkdown(text, inline);
  if (plain !== null) return plain;
  if (full) return full.renderMarkdown(text, inline);
  void loadFullMarkdown();
  return null;
}

/** HTML the import worker rendered from card text (io/card-html.ts), sanitised; null while the full renderer loads. */
export function sanitizeRenderedText(html: string): string | null {
  if (full) return full.sanitizeCardHtml(html);
  void loadFullMarkdown();
  return null;
}

/** Cloze text as sanitised HTML (markdown.ts), or null while the full renderer loads. */
export function renderClozeText(text: string, revealed: boolean): string | null {
  if (full) return full.renderCloze(text, revealed);
  void loadFullMarkdown();
  return null;
}

/** True when some text of the card needs the full renderer. Typed-answer notes are checked when they show. */
export function needsFullMarkdown(card: Card): boolean {
  const plain = (text: string | undefined, inline = false) => text === undefined || renderPlainMarkdown(text, inline) !== null;
  switch (card.kind) {
    case 'cloze':
      return true;
    case 'basic':
      return !(plain(card.prompt) && plain(card.answer) && plain(card.explanation));
    case 'choice':
      return !(plain(card.prompt) && card.options.every((o) => plain(o, true)) && plain(card.explanation));
    case 'typed':
      return !(plain(card.prompt) && plain(card.answers[0]) && plain(card.explanation));
    case 'truefalse':
      return !(plain(card.statement) && plain(card.explanation));
  }
}

/** Loads what the card's text needs before it is shown. */
export async function prepareCardText(card: Card): Promise<void> {
  if (needsFullMarkdown(card)) await loadFullMarkdown();
}
