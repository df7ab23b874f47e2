// Most card text is plain sentences with `inline code`. Such text renders here, without marked and DOMPurify (27 kB
// gzip that the study screen then loads only for a card that needs them). The output is built from escaped text and
// three fixed tags, so it needs no sanitiser; anything that could be Markdown syntax returns null and goes to the full
// renderer (markdown.ts). tests/unit/ui/markdown-plain.test.ts checks that both give the same DOM for any text this
// path accepts.

// As markdown-dialect.ts escapes, repeated here: importing it would bring marked along.
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Outside code spans, a character that may start Markdown syntax anywhere in a line (emphasis, links, images, HTML,
 * entities, escapes, tables, strikethrough, GFM autolinks), or a line start that may open a block.
 */
const INLINE_SYNTAX = /[*_[\]<>\\&|~@]|www\.|:\/\//i;
// `:-` opens a GFM table's delimiter row, which needs no pipes: "docker" over ":-" is a one-column table.
const BLOCK_START = /^(?:[#=+\-]|:-|\d{1,9}[.)])/;

/** The HTML of one line with `code` spans, or null when the line is outside the plain subset. */
function plainLine(line: string): string | null {
  if (line !== line.trim() || /[\t\r\f\v]|``/.test(line) || BLOCK_START.test(line)) return null;
  const parts = line.split('`');
  // An odd number of parts pairs every backtick: text, code, text, ..., text.
  if (parts.length % 2 === 0) return null;
  let html = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i % 2 === 0) {
      if (INLINE_SYNTAX.test(part)) return null;
      html += escapeHtml(part);
    } else {
      // A code span with no space at either end, so Markdown's space-stripping rule never applies.
      if (part === '' || part !== part.trim()) return null;
      html += `<code>${escapeHtml(part)}</code>`;
    }
  }
  return html;
}

/**
 * The same HTML as the full renderer for plain text with `code` spans (blank lines part paragraphs, a line break is
 * <br>), or null when the text may use any other Markdown.
 */
export function renderPlainMarkdown(text: string, inline = false): string | null {
  if (inline && text.includes('\n')) return null;
  const blocks = text.replace(/^\n+|\n+$/g, '').split(/\n{2,}/);
  const out: string[] = [];
  for (const block of blocks) {
    if (block === '') continue;
    const lines: string[] = [];
    for (const line of block.split('\n')) {
      const html = plainLine(line);
      if (html === null) return null;
      lines.push(html);
    }
    out.push(lines.join('<br>'));
  }
  return inline ? out.join('') : out.map((p) => `<p>${p}</p>`).join('\n');
}
