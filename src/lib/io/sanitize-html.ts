// Anki fields are HTML written by anyone. Drydock cards are Markdown/plain text, so a field is converted to text:
// line breaks and blocks become newlines, every tag is dropped (scripts and styles with their content), entities are
// decoded. Nothing of the markup survives, so no attribute (onerror=, javascript: URLs) can reach the page; the card is
// rendered later through the app's Markdown renderer and DOMPurify like any other card. Pure string work: no DOM needed,
// so it runs in workers, Node tests and benches alike.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', bull: '•', middot: '·', times: '×', deg: '°' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

export interface FieldNotes {
  media: number;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);

/** The `src` of each <img> in an Anki field, entities decoded, in order. */
export function imageSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*>/gi)].map((m) => {
    const a = attr(m[0], 'src');
    return decodeEntities((a?.[1] ?? a?.[2] ?? a?.[3] ?? '').trim());
  });
}

/**
 * Converts one Anki field to card text; counts media references it replaced with a visible note. `images` maps an
 * <img> source to its replacement (a stored image's reference, or a note saying why it was left out).
 */
export function ankiFieldToText(html: string, notes: FieldNotes = { media: 0 }, images: ReadonlyMap<string, { text: string; stored: boolean }> = new Map()): string {
  let s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template|iframe|object|embed|svg|math|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(script|style|template|iframe|object|embed|svg|math|noscript)\b[^>]*>/gi, '')
    .replace(/\[sound:([^\]]*)\]/g, (_m, name: string) => {
      notes.media++;
      return `(audio not imported: ${name})`;
    })
    .replace(/<img\b[^>]*>/gi, (tag) => {
      const src = imageSources(tag)[0];
      const image = images.get(src);
      if (image?.stored) return image.text;
      notes.media++;
      if (image) return image.text;
      return /^[\w .()-]+$/.test(src) ? `(image not imported: ${src})` : '(image not imported)';
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li|h[1-6]|tr|pre|blockquote)\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/<\/?[a-z][\s\S]*$/i, '');
  s = decodeEntities(s).replace(/\u00a0/g, ' ');
  return s.trim();
}

/** Card text to an Anki field: escaped, newlines as <br>, so Anki shows exactly the text and a re-import gives it back. */
export function textToAnkiField(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r\n|\r|\n/g, '<br>');
}
