import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cardMarked } from '../../../src/lib/io/markdown-dialect';
import { renderPlainMarkdown } from '../../../src/lib/ui/markdown-plain';

// The full renderer's Markdown step (the sanitiser only removes markup, and this subset has only <p>, <br> and <code>).
const marked = cardMarked(' rel="noopener noreferrer" target="_blank"', (id, alt) => `<img alt="${alt}" data-media="${id}">`);
const full = (text: string, inline: boolean) => (inline ? (marked.parseInline(text) as string) : (marked.parse(text) as string)).replace(/\n+$/, '');

/** Text built from the characters Markdown cares about, plus words, spaces, digits and newlines. */
const cardText = fc
  .array(fc.constantFrom('docker', 'run', ' ', ' ', '\n', '\n\n', '`', '`-d`', '1.', '2)', '-', '+', '*', '_', '#', '=', '>', '<', '&', '"', "'", '[', ']', '(', ')', '!', ':', '//', 'www.', '@', '|', '~', '\\', '\t', 'é', '  '), { maxLength: 24 })
  .map((parts) => parts.join(''));

describe('renderPlainMarkdown', () => {
  it('renders exactly what the full renderer renders, for every text it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(cardText, fc.boolean(), (text, inline) => {
        const plain = renderPlainMarkdown(text, inline);
        if (plain === null) return;
        accepted++;
        expect(plain).toBe(full(text, inline));
      }),
      { numRuns: 5000 },
    );
    // The property must have exercised the fast path, not only the refusals.
    expect(accepted).toBeGreaterThan(500);
  });

  it('renders the bundled decks’ plain texts as the full renderer does, and takes most of them', () => {
    const texts: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') texts.push(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const file of readdirSync('decks').filter((f) => f.endsWith('.deck.json'))) {
      const deck = JSON.parse(readFileSync(`decks/${file}`, 'utf8')) as { cards: Record<string, unknown>[] };
      for (const { id: _id, noteId: _note, tags: _tags, provenance: _from, kind: _kind, text: _cloze, ...texts } of deck.cards) collect(texts);
    }
    let plain = 0;
    for (const text of texts) {
      const html = renderPlainMarkdown(text);
      if (html === null) continue;
      plain++;
      expect(html).toBe(full(text, false));
    }
    expect(plain / texts.length).toBeGreaterThan(0.6);
  });

  it('leaves a one-column table to the full renderer: a delimiter row needs no pipes', () => {
    // The property's counterexample (seed 127812652, after 98,743 runs): a line, then ":-" under it, is a GFM table
    // with one column, where the plain path made a paragraph with a line break.
    expect(full('docker\n:-', false)).toMatch(/^<table>/);
    for (const text of ['docker\n:-', 'run `-d`\n:--:', 'a\n\nb\n:-']) expect(renderPlainMarkdown(text), text).toBeNull();
  });

  it('leaves Markdown syntax and raw HTML to the full renderer', () => {
    for (const text of ['**bold**', '- item', '1. one', '# title', '<b>x</b>', '[a](https://x.y)', 'see https://docs.docker.com', 'a\\*b', 'a | b', '``a``', '` a `', 'a `b']) {
      expect(renderPlainMarkdown(text), text).toBeNull();
    }
  });

  it('escapes what it renders', () => {
    expect(renderPlainMarkdown('Use `docker stop <id>` then "rm"')).toBe('<p>Use <code>docker stop &lt;id&gt;</code> then &quot;rm&quot;</p>');
  });
});
