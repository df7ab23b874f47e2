// Drydock's Markdown dialect, shared by the app's renderer (src/lib/ui/markdown.ts) and the Anki export
// (anki-html.ts): GFM with line breaks, raw HTML in card text shown as text, only http(s)/mailto links kept, images as
// their alt text. Pure (marked has no DOM dependency), so it also runs in workers and Node.
import { Marked } from 'marked';

export const SAFE_URL = /^(?:https?:|mailto:)/i;

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A marked instance for card text; `linkAttributes` are added to every kept link. An image whose URL is a stored image
 * (`drydock-media:<sha-256>`, src/lib/io/media.ts) becomes `storedImage(id, alt)`; any other image, its alt text.
 */
export function cardMarked(linkAttributes = '', storedImage?: (id: string, alt: string) => string): Marked {
  return new Marked({
    gfm: true,
    breaks: true,
    async: false,
    renderer: {
      html: ({ text }) => escapeHtml(text),
      link({ href, title, tokens }) {
        const text = this.parser.parseInline(tokens);
        if (!SAFE_URL.test(href.trim())) return text;
        const t = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(href)}"${t}${linkAttributes}>${text}</a>`;
      },
      image({ href, text }) {
        const id = /^drydock-media:([0-9a-f]{64})$/.exec(href.trim())?.[1];
        return storedImage && id ? storedImage(id, escapeHtml(text)) : escapeHtml(text);
      },
    },
  });
}
