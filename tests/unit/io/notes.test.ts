import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseNotes } from '../../../src/lib/io/notes';
import { detectFormat, openDeckFile } from '../../../src/lib/io/open-file';

const file = (name: string, content: string | Uint8Array) => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
};

describe('notes import (the bundled-deck generator)', () => {
  test('the bundled notes become decks of valid cards, headings as tags', async () => {
    const text = readFileSync('decks/sources/containers-and-docker-notes.md', 'utf8');
    const r = await parseNotes(text, 'containers-and-docker-notes.md');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const cards = r.value.decks.flatMap((d) => d.cards);
    expect(cards.length).toBeGreaterThan(50);
    expect(cards.some((c) => c.tags.length > 0)).toBe(true);
  });

  test.each([
    ['empty', '', /is empty/],
    ['binary', 'abc\u0000def', /binary file/],
  ])('%s notes give a clear message', async (_n, text, message) => {
    const r = await parseNotes(text, 'n.md');
    expect(!r.ok && r.error.message).toMatch(message);
  });
});

describe('openDeckFile', () => {
  test('picks the importer by extension and by content', () => {
    const head = (s: string) => new TextEncoder().encode(s);
    expect(detectFormat('x.apkg', head(''))).toBe('apkg');
    expect(detectFormat('x', head('PK\u0003\u0004'))).toBe('apkg');
    expect(detectFormat('x.tsv', head('a\tb'))).toBe('csv');
    expect(detectFormat('notes.md', head('# T'))).toBe('notes');
    expect(detectFormat('data', head(' {"a":1}'))).toBe('json');
  });

  test('rejects empty, oversized and non-UTF-8 files before parsing', async () => {
    expect(await openDeckFile(file('e.csv', ''))).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(await openDeckFile({ ...file('big.csv', 'a'), size: 60 * 1024 * 1024 })).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const latin1 = await openDeckFile(file('l.csv', new Uint8Array([0x66, 0x72, 0xe9, 0x2c, 0x61])));
    expect(!latin1.ok && latin1.error.message).toMatch(/not UTF-8 text/);
  });

  test('reads a CSV file end to end', async () => {
    const r = await openDeckFile(file('week1.csv', 'front,back\nq,a\n'));
    expect(r.ok && r.value.decks[0].cards).toHaveLength(1);
  });
});
