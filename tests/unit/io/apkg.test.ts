import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { zipBomb } from '../../fixtures/zip-bomb';
import { readApkg } from '../../../src/lib/io/apkg-read';
import { writeApkg } from '../../../src/lib/io/apkg-write';
import type { Card } from '../../../src/lib/domain/model';
import { basicCard, deckOf } from './arbitraries';
import { modernApkg, sqliteWith } from './apkg-helpers';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/${name}.apkg`));
const sides = (c: Card) => (c.kind === 'basic' ? [c.prompt, c.answer] : c.kind === 'cloze' ? [c.text, c.explanation] : null);

async function read(bytes: Uint8Array, name = 'deck.apkg', maxInflated?: number) {
  const r = await readApkg(bytes, name, { maxInflated });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('readApkg: Anki-made packages', () => {
  test('diffmodels2-1: one Basic note', async () => {
    const b = await read(fixture('diffmodels2-1'), 'diffmodels2-1.apkg');
    expect(b.decks.map((d) => d.title)).toEqual(['diffmodels2-1']);
    expect(b.decks[0].cards.map(sides)).toEqual([['front', 'back']]);
  });

  test('media: the sound is skipped with a notice and the card says where it was', async () => {
    const b = await read(fixture('media'), 'media.apkg');
    expect(b.decks[0].cards).toHaveLength(1);
    expect(b.decks[0].cards[0]).toMatchObject({ kind: 'basic', prompt: '(audio not imported: foo.wav)', answer: '' });
    expect(b.warnings.join(' ')).toMatch(/Media are not imported: 1 image or sound file skipped/);
  });

  test('update1 then update2: the same note keeps its card id, with the new text', async () => {
    const one = await read(fixture('update1'));
    const two = await read(fixture('update2'));
    expect(one.decks[0].cards.map(sides)).toEqual([['hello', 'world']]);
    expect(two.decks[0].cards.map(sides)).toEqual([['goodbye', 'world']]);
    expect(two.decks[0].cards[0].id).toBe(one.decks[0].cards[0].id);
  });

  test('current format (anki21b, zstd, meta): reversed cards, one cloze card per deletion, deck names, sanitised fields', async () => {
    const b = await read(await modernApkg(), 'modern.apkg');
    expect(b.decks.map((d) => d.title)).toEqual(['Docker::Networking']);
    expect(b.decks[0].cards.map(sides)).toEqual([
      ['Which driver isolates?\n& why?', 'bridge'],
      ['bridge', 'Which driver isolates?\n& why?'],
      ['{{c1::Overlay}} spans hosts', 'swarm'],
      ['Overlay spans {{c1::hosts}}', 'swarm'],
    ]);
    expect(b.decks[0].cards[0].tags).toEqual(['net']);
  });
});

describe('writeApkg', () => {
  test('export then import gives back every card unchanged (property)', async () => {
    await fc.assert(
      fc.asyncProperty(deckOf(basicCard, 6), async (deck) => {
        const back = await read(await writeApkg([deck], Date.UTC(2026, 0, 2)), 'out.apkg');
        expect(back.decks[0].cards).toEqual(deck.cards);
        expect(back.decks[0].title).toBe(deck.title);
      }),
      { numRuns: 25 },
    );
  });
});


describe('readApkg: bad input', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ['empty file', () => new Uint8Array(), /is empty/],
    ['not a zip', () => strToU8('front,back\nq,a\n'), /not a zip archive/],
    ['truncated package', () => fixture('update1').subarray(0, 1500), /truncated|damaged|not a valid zip/],
    ['zip without a collection', () => zipSync({ 'notes.txt': strToU8('hi') }), /holds no Anki collection/],
    ['entry name with ../', () => zipSync({ '../../evil.sh': strToU8('rm -rf /'), 'collection.anki2': fixture('update1') }), /points outside the archive/],
    ['collection that is not SQLite', () => zipSync({ 'collection.anki2': strToU8('x'.repeat(5000)) }), /not a SQLite database/],
    ['SQLite that is not an Anki collection', async () => zipSync({ 'collection.anki2': await sqliteWith('create table t (x); insert into t values (1);') }), /not an Anki collection/],
    ['zip bomb (counted while inflating)', () => zipBomb(8 * 1024 * 1024), /expands to more than 2\.0 MB.*zip bomb/],
  ];
  test.each(cases)('%s gives a clear message', async (_n, make, message) => {
    const r = await readApkg(await make(), 'bad.apkg', { maxInflated: 2 * 1024 * 1024 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  test('script, onerror= and javascript: in card HTML do not survive', async () => {
    const deckHtml = '<script>alert(1)</script>Hi <img src=x onerror=alert(2)> <a href="javascript:alert(3)">link</a><svg onload=alert(4)></svg>';
    const db = await sqliteWith(`
      create table col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags);
      create table notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data);
      create table cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data);
      insert into col values (1,0,0,0,11,0,0,0,'{}','{"1":{"type":0,"flds":[{"name":"Front","ord":0},{"name":"Back","ord":1}],"tmpls":[{"ord":0,"qfmt":"{{Front}}","afmt":"{{Back}}"}]}}','{"1":{"name":"Evil"}}','{}','{}');
      insert into notes values (1,'g',1,0,0,'','${deckHtml.replace(/'/g, "''")}' || char(31) || '<div onmouseover="x()">ok</div>','',0,0,'');
      insert into cards values (1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,'');`);
    const b = await read(zipSync({ 'collection.anki2': db }));
    const card = b.decks[0].cards[0];
    const text = JSON.stringify(card);
    expect(text).not.toMatch(/script|onerror|javascript:|onload|onmouseover|<svg|alert\(1\)/i);
    expect(card).toMatchObject({ prompt: 'Hi (image not imported: x) link', answer: 'ok' });
  });
});

describe('current-format packages: zstd bombs', () => {
  test('a collection.anki21b whose zstd frame expands without end is stopped by counting output', async () => {
    // A frame of RLE blocks: 4 bytes each on disk, 128 KB each when decoded.
    const blocks = 64 * 8;
    const header = [0x28, 0xb5, 0x2f, 0xfd, 0xe0];
    let size = blocks * 131_072;
    for (let i = 0; i < 8; i++) (header.push(size % 256), (size = Math.floor(size / 256)));
    const body: number[] = [];
    for (let i = 0; i < blocks; i++) {
      const h = (131_072 << 3) | (1 << 1) | (i === blocks - 1 ? 1 : 0);
      body.push(h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff, 0);
    }
    const frame = new Uint8Array([...header, ...body]);
    const pkg = zipSync({ 'collection.anki21b': frame, meta: new Uint8Array([0x08, 0x03]) });
    const r = await readApkg(pkg, 'rle-bomb.apkg', { maxInflated: 1024 * 1024 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/expands to more than 1\.0 MB.*zip bomb/);
  });

  test('a field over the 100,000-character limit in limits.ts leaves its card out, as in every importer', async () => {
    const huge = 'x'.repeat(1_000_000);
    const sqlite = await sqliteWith(`
      create table col (id integer primary key, models text, decks text);
      create table notes (id integer primary key, guid text, mid int, tags text, flds text);
      create table cards (id integer primary key, nid int, did int, ord int, due int);
      insert into col values (1, '{}', '{}');
      insert into notes values (1, 'big', 1, '', '${huge}' || char(31) || 'back'), (2, 'ok', 1, '', 'small front' || char(31) || 'back');
      insert into cards values (1, 1, 1, 0, 0), (2, 2, 1, 0, 1);
    `);
    const b = await read(zipSync({ 'collection.anki2': sqlite }), 'big.apkg');
    expect(b.decks[0].cards.map(sides)).toEqual([['small front', 'back']]);
    expect(b.warnings.join(' ')).toMatch(/left out: "prompt" is longer than 100000 characters/);
  });
});
