import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseDelimited, writeCsv } from '../../../src/lib/io/csv';
import { MAX_DECK_FILE_BYTES } from '../../../src/lib/io/limits';
import type { Card } from '../../../src/lib/domain/model';
import { basicCard, deckOf } from './arbitraries';

async function cards(text: string, name = 'cards.csv') {
  const r = await parseDelimited(text, name);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('parseDelimited', () => {
  test('detects a header, reads quoted commas and newlines, tags and the BOM', async () => {
    const b = await cards('\uFEFFfront,back,tags\r\n"What is a layer, really?","A read-only\nfilesystem diff",images docker\r\nEXPOSE?,Documents a port,\r\n');
    expect(b.decks[0].title).toBe('cards');
    expect(b.decks[0].cards).toMatchObject([
      { kind: 'basic', prompt: 'What is a layer, really?', answer: 'A read-only\nfilesystem diff', tags: ['images', 'docker'] },
      { kind: 'basic', prompt: 'EXPOSE?', answer: 'Documents a port', tags: [] },
    ]);
  });

  test('without a header the columns are front, back, tags; TSV by extension; cloze by its markup', async () => {
    const b = await cards('A {{c1::volume}} outlives its container.\t\tstorage\nWhat is a pod?\tOne or more containers\t\n', 'k8s.tsv');
    expect(b.decks[0].cards[0]).toMatchObject({ kind: 'cloze', text: 'A {{c1::volume}} outlives its container.', tags: ['storage'] });
    expect(b.decks[0].cards[1]).toMatchObject({ kind: 'basic', prompt: 'What is a pod?' });
  });

  test('header columns in any order, escaped quotes, and a deck column splitting decks', async () => {
    const b = await cards('tags,deck,back,front\nx,One,"say ""hi""",q1\n,Two,a2,q2\n');
    expect(b.decks.map((d) => d.title)).toEqual(['One', 'Two']);
    expect(b.decks[0].cards[0]).toMatchObject({ prompt: 'q1', answer: 'say "hi"', tags: ['x'] });
  });

  test('ids are stable, so importing the same file twice finds the same cards', async () => {
    const text = 'front,back\nq,a\n';
    expect((await cards(text)).decks[0].cards[0].id).toBe((await cards(text)).decks[0].cards[0].id);
  });

  test('rows without a front are left out and reported', async () => {
    const b = await cards('front,back\n,orphan\nq,a\n');
    expect(b.decks[0].cards).toHaveLength(1);
    expect(b.warnings[0]).toMatch(/Row 2 has no front/);
  });

  test('export then import gives back every card on the fields CSV carries (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(deckOf(basicCard), { minLength: 1, maxLength: 3 }), fc.constantFrom(',', '\t'), async (decks, sep) => {
        decks.forEach((d, i) => (d.title = `Deck ${i}`));
        const r = await parseDelimited(writeCsv(decks, sep as ',' | '\t'), sep === ',' ? 'out.csv' : 'out.tsv');
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const sides = (cs: Card[]) => cs.map((c) => (c.kind === 'basic' ? [c.prompt, c.answer, c.tags] : null));
        expect(r.value.decks.flatMap((d) => sides(d.cards))).toEqual(decks.flatMap((d) => sides(d.cards)));
      }),
      { numRuns: 60 },
    );
  });

  const bad: [string, string, RegExp][] = [
    ['empty file', '', /is empty/],
    ['only a header', 'front,back,tags\n', /has no card rows/],
    ['truncated inside a quote', 'front,back\n"What is', /never closes.*truncated/],
    ['binary', 'PK\u0003\u0004\u0000\u0000junk', /binary file/],
    ['100,000 columns', 'a,'.repeat(100_000) + 'a\n', /more than 100 columns/],
    ['a 10 MB line', 'x'.repeat(10 * 1024 * 1024) + ',b\n', /longer than 100,000 characters/],
    ['a 10 MB quoted line', '"' + 'x'.repeat(10 * 1024 * 1024) + '",b\n', /longer than 100,000 characters/],
  ];
  test.each(bad)('%s gives a clear message', async (_n, text, message) => {
    const r = await parseDelimited(text, 'bad.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  test('a file over the size limit is refused', async () => {
    const r = await parseDelimited('a'.repeat(MAX_DECK_FILE_BYTES + 1), 'huge.csv');
    expect(!r.ok && r.error.code).toBe('too-large');
  });

  test('cancel stops a long parse', async () => {
    const controller = new AbortController();
    const text = 'front,back\n' + 'q,a\n'.repeat(200_000);
    const pending = parseDelimited(text, 'big.csv', { signal: controller.signal });
    controller.abort();
    const r = await pending;
    expect(!r.ok && r.error.code).toBe('cancelled');
  });

  test('100,000 rows with one front import with distinct, stable ids (collision handling is linear)', async () => {
    const text = 'front,back\n' + 'Same front,back\n'.repeat(100_000);
    const b = await cards(text);
    const ids = b.decks[0].cards.map((c) => c.id);
    expect(ids).toHaveLength(100_000);
    expect(new Set(ids).size).toBe(100_000);
    // The suffix scheme is unchanged, so re-importing an older export finds the same cards.
    expect(ids.slice(0, 3)).toEqual((await cards('front,back\nSame front,back\nSame front,back\nSame front,back\n')).decks[0].cards.map((c) => c.id));
  }, 20_000);

  test('100,001 rows are refused by the card limit', async () => {
    const r = await parseDelimited('Same front,back\n'.repeat(100_001), 'many.csv');
    expect(!r.ok && r.error.message).toMatch(/more than 100,000 cards/);
  }, 20_000);
});
