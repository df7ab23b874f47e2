// Card text is untrusted. Markdown is rendered with raw HTML escaped (so `<container-id>` shows as written),
// then sanitised with DOMPurify; only that output ever reaches {@html}.
import DOMPurify from 'dompurify';
import { parseCloze } from '../domain/cloze';
import { cardHtml, cardMarkdown as marked } from '../io/card-html';
import { SAFE_URL, escapeHtml } from '../io/markdown-dialect';
import { MEDIA_ID } from '../io/media';

// Links are checked by the dialect and again by DOMPurify: only http(s) and mailto, opened without an opener.
// Stored images become <img data-media>: no src until media-images.ts gives it a blob: URL.

const ALLOWED_TAGS = [
  'p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'a', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'mark', 'kbd', 'sub', 'sup', 'img',
];
const ALLOWED_ATTR = ['href', 'title', 'class', 'align', 'start', 'alt', 'data-media'];

let hooked = false;
function purify(html: string): string {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      // An image only ever shows a stored image: no src of its own, and a data-media that is a content hash.
      if (node.tagName === 'IMG') {
        node.removeAttribute('src');
        if (!MEDIA_ID.test(node.getAttribute('data-media') ?? '')) node.removeAttribute('data-media');
        if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
        return;
      }
      node.removeAttribute('data-media');
      if (node.tagName !== 'A') return;
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_URL.test(href.trim())) node.removeAttribute('href');
      else {
        node.setAttribute('rel', 'noopener noreferrer');
        node.setAttribute('target', '_blank');
      }
    });
    hooked = true;
  }
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: [...ALLOWED_ATTR, 'rel', 'target'], ALLOW_DATA_ATTR: false });
}

/** Sanitised HTML for untrusted Markdown. `inline` renders without paragraphs, for one-line texts like options. */
export function renderMarkdown(text: string, inline = false): string {
  return purify(cardHtml(text, inline));
}

/** Sanitised HTML for card text that the import worker already rendered (io/card-html.ts): only DOMPurify runs here. */
export function sanitizeCardHtml(html: string): string {
  return purify(html);
}

/**
 * Cloze text as sanitised HTML: every deletion hidden together ("[hint]" or "[…]"), or all shown highlighted.
 * Deletions are swapped for placeholders before Markdown so their text cannot break the surrounding markup.
 */
export function renderCloze(text: string, revealed: boolean): string {
  const parts: string[] = [];
  let source = '';
  for (const segment of parseCloze(text)) {
    if (segment.kind === 'text') {
      source += segment.text;
      continue;
    }
    const token = `DRYDOCKCLOZE${parts.length}X`;
    parts.push(
      revealed
        ? `<mark class="cloze revealed">${marked.parseInline(escapeHtml(segment.answer)) as string}</mark>`
        : `<span class="cloze blank">[${escapeHtml(segment.hint ?? '…')}]</span>`,
    );
    source += token;
  }
  const html = marked.parse(source) as string;
  return purify(html.replace(/DRYDOCKCLOZE(\d+)X/g, (_m, i) => parts[Number(i)] ?? ''));
}
