// Card text (Markdown) as the HTML Anki shows, and the two values Anki derives from a note's fields: the sort field
// (`sfld`) and the first field's checksum (`csum`). Both follow rslib/src/text.rs: media tags become " filename ",
// comments, <style>, <script> and every other tag are removed without a space, entities are decoded and a
// non-breaking space becomes a space. Nothing is trimmed, and `[sound:…]` references stay as written.
// Pure string work (marked has no DOM dependency), so it runs in the import worker and in Node tests.
import { cardMarked } from './markdown-dialect';

// The app's own Markdown dialect, so Anki shows what Drydock shows. A stored image keeps its reference here; writeApkg
// swaps it for the file it adds to the package (ankiImageFiles).
const marked = cardMarked('', (id, alt) => `<img src="drydock-media:${id}" alt="${alt}">`);

/** Field HTML with every image as its alt text: the same for a field before and after ankiImageFiles. */
export const imagesAsAlt = (html: string) => html.replace(/<img src="[^"<>]*" alt="([^"]*)">/g, '$1');

/** Field HTML with each stored image pointing at its file in the package, or as its alt text when the file is absent. */
export function ankiImageFiles(html: string, fileOf: (id: string) => string | undefined): string {
  return html.replace(/<img src="drydock-media:([0-9a-f]{64})" alt="([^"]*)">/g, (_m, id: string, alt: string) => {
    const file = fileOf(id);
    return file ? `<img src="${file}" alt="${alt}">` : alt;
  });
}

/** Markdown → Anki field HTML: code, emphasis, lists, line breaks (<br>). A lone paragraph loses its <p> wrapper. */
export function markdownToAnkiHtml(text: string): string {
  if (text === '') return '';
  const html = (marked.parse(text) as string).replace(/\n+$/, '');
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1].includes('<p>') ? single[1] : html.replace(/>\n</g, '><');
}

const HTML = /<!--[\s\S]*?-->|<style[^>]*?>[\s\S]*?<\/style>|<script[^>]*?>[\s\S]*?<\/script>|<[\s\S]*?>/gi;
const MEDIA_TAG = /<(?:img|audio|video|object|source)\b[^>]*?\b(?:src|data)\s*=\s*(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?: [^>]*>|>))/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeAnkiEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
      if (body[0] !== '#') return ENTITIES[body.toLowerCase()] ?? m;
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    })
    .replace(/\u00a0/g, ' ');
}

/** Anki's strip_html_preserving_media_filenames: what `sfld` holds and `csum` hashes. */
export function ankiSortText(html: string): string {
  return decodeAnkiEntities(html.replace(MEDIA_TAG, (_m, a?: string, b?: string, c?: string) => ` ${a ?? b ?? c} `).replace(HTML, ''));
}

/** Anki's field_checksum: the first 4 bytes of the SHA-1 of the stripped first field, big-endian. */
export async function ankiChecksum(html: string): Promise<number> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(ankiSortText(html))));
  return ((digest[0] << 24) >>> 0) + (digest[1] << 16) + (digest[2] << 8) + digest[3];
}
