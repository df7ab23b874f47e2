// @vitest-environment node
// Fuzzing every parser of untrusted input: JSON decks, CSV/TSV, Markdown notes, share links, backups and Anki packages
// (sql.js in Node). Each gets FUZZ_RUNS generated inputs (10,000 by default; set FUZZ_RUNS=100000 for a long run).
// No parser may throw, hang (5 s per input), or return a card that the deck validator would refuse.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { parseDeckJson, writeDeckJson } from '../../../src/lib/io/deck-json';
import { parseDelimited } from '../../../src/lib/io/csv';
import { parseNotes } from '../../../src/lib/io/notes';
import { decodeShareLink, encodeShareLink } from '../../../src/lib/io/share-link';
import { parseBackup } from '../../../src/lib/io/backup';
import { readApkg } from '../../../src/lib/io/apkg-read';
import { validateDeck } from '../../../src/lib/io/validate-deck';
import { isPlausibleTime } from '../../../src/lib/domain/time-range';
import type { ImportBundle, Result } from '../../../src/lib/io/result';
import { anyCard, deckOf } from './arbitraries';
import { sqliteWith } from './apkg-helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const HANG_MS = 5_000;
const NOW = Date.UTC(2026, 10, 1);
const LONG = Math.max(120_000, RUNS * 12);

async function withinLimit<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_r, reject) => (timer = setTimeout(() => reject(new Error(`parser hung for more than ${HANG_MS} ms`)), HANG_MS)));
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** A bundle is fine when it failed with a message, or when every deck it yields validates again without a warning. */
function expectValid(result: Result<ImportBundle>): void {
  if (!result.ok) {
    expect(result.error.message).toMatch(/\S/);
    return;
  }
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const deck of result.value.decks) {
    const again = validateDeck(structuredClone(deck), 'fuzzed', warnings, seen);
    expect(again.cards).toHaveLength(deck.cards.length);
  }
  expect(warnings).toEqual([]);
}

const special = fc.constantFrom(...Array.from('",\n\r\t;|#:{}[]c1\\\u0000\uFEFF\u2028é🐳 '), 'front', 'back', 'tags', 'deck', '{{c1::', '}}', '#separator:tab\n', '"""', '\r\n');
const noisyText = fc.array(fc.oneof({ weight: 3, arbitrary: special }, { weight: 2, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 60 }).map((a) => a.join(''));
/**
 * Inputs go in batches of BATCH parsed side by side: the parsers yield to the event loop between chunks, so most of a
 * lone input's time is spent waiting for timers. RUNS inputs in all; a failing batch shrinks to the input at fault.
 */
const BATCH = 20;
const run = <T,>(arb: fc.Arbitrary<T>, check: (value: T) => Promise<void>) =>
  fc.assert(fc.asyncProperty(fc.array(arb, { minLength: BATCH, maxLength: BATCH }), (batch) => withinLimit(Promise.all(batch.map(check)).then(() => undefined))), { numRuns: Math.ceil(RUNS / BATCH) });

describe(`fuzz: ${RUNS} inputs per format`, () => {
  test('Drydock JSON', async () => {
    const deckish = fc.record({ formatVersion: fc.oneof(fc.constant(1), fc.anything()), id: fc.oneof(fc.constantFrom('deck', 'a-b', '-x-', ''), fc.anything()), title: fc.oneof(fc.string(), fc.anything()), cards: fc.array(fc.oneof(anyCard, fc.dictionary(fc.constantFrom('id', 'kind', 'prompt', 'answer', 'text', 'options', 'correct', 'answers', 'statement', 'isTrue', 'tags', 'noteId', 'provenance'), fc.anything())), { maxLength: 5 }) }, { requiredKeys: [] });
    const input = fc.oneof(deckish.map((d) => JSON.stringify(d)), fc.array(deckish, { maxLength: 3 }).map((d) => JSON.stringify({ formatVersion: 1, decks: d })), fc.jsonValue().map((v) => JSON.stringify(v)), noisyText);
    await run(input, async (text) => expectValid(await parseDeckJson(text, 'fuzz.json')));
  }, LONG);

  test('CSV / TSV', async () => {
    await run(fc.tuple(noisyText, fc.constantFrom('fuzz.csv', 'fuzz.tsv', 'fuzz.txt', 'fuzz')), async ([text, name]) => expectValid(await parseDelimited(text, name)));
  }, LONG);

  test('Markdown notes', async () => {
    const line = fc.oneof(noisyText, fc.constantFrom('# Heading', '## Sub', '- item: definition', '1. Step', 'Q: What?', 'A: That.', '| Feature | A | B |', '|---|---|---|', '| x | ✅ | ❌ |', '```sh', '```', 'docker run -d nginx', '❌ Common trap', '✅ Solution:', 'X is a thing.', '🔷 Title', '####'));
    await run(fc.array(line, { maxLength: 25 }).map((l) => l.join('\n')), async (text) => expectValid(await parseNotes(text, 'fuzz.md')));
  }, LONG);

  test('share links', async () => {
    const valid = await Promise.all([1, 2, 3].map(async (n) => {
      const [deck] = fc.sample(deckOf(anyCard, 5), { numRuns: 1, seed: n });
      const link = await encodeShareLink({ ...deck, id: `shared-${n}` });
      if (!link.ok) throw new Error(link.error);
      return link.value;
    }));
    const mutated = fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.string({ maxLength: 3 }), fc.nat(40)).map(([link, at, insert, cut]) => {
      const i = at % link.length;
      return link.slice(0, i) + insert + link.slice(i + cut % 3);
    });
    await run(fc.oneof(mutated, noisyText, fc.constantFrom(...valid)), async (payload) => expectValid(await decodeShareLink(payload)));
  }, LONG);

  test('backups', async () => {
    const row = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.anything(), fc.double(), fc.constantFrom(2 ** 53, 1e300, -1, NaN, 'd', 'c', 1, 3)), { maxKeys: keys.length });
    const tables = fc.record({
      decks: fc.array(fc.oneof(row(['id', 'title', 'origin', 'createdAt', 'tags']), fc.constant({ id: 'd', title: 'D' })), { maxLength: 3 }),
      cards: fc.array(fc.oneof(anyCard.map((c) => ({ ...c, deckId: 'd' })), row(['id', 'deckId', 'kind', 'prompt', 'answer', 'suspended', 'order', 'createdAt'])), { maxLength: 4 }),
      states: fc.array(row(['cardId', 'due', 'stability', 'difficulty', 'reps', 'lapses', 'state', 'last_review']), { maxLength: 4 }),
      reviews: fc.array(row(['id', 'cardId', 'deckId', 'rating', 'review', 'due', 'stability', 'durationMs']), { maxLength: 5 }),
      settings: fc.array(row(['key', 'value']), { maxLength: 3 }),
    }, { requiredKeys: [] });
    const input = fc.oneof(tables.map((t) => JSON.stringify({ kind: 'drydock-backup', backupVersion: 1, createdAt: NOW, tables: t })), fc.jsonValue().map((v) => JSON.stringify(v)), noisyText);
    await run(input, async (text) => {
      const r = await parseBackup(text, 'fuzz.json', NOW);
      if (!r.ok) return void expect(r.error.message).toMatch(/Nothing was changed/);
      const { cards, states, reviews } = r.value.snapshot;
      const cardIds = new Set(cards.map((c) => c.id));
      expect(cardIds.size).toBe(cards.length);
      for (const c of cards) expectValid({ ok: true, value: { format: 'json', source: 'b', warnings: [], decks: [{ formatVersion: 1, id: 'd', title: 'D', description: '', tags: [], source: '', cards: [c] }] } });
      expect(states.map((s) => s.cardId)).toEqual(cards.map((c) => c.id));
      for (const s of states) expect(isPlausibleTime(s.due) && Number.isFinite(s.stability) && s.reps <= 1e6).toBe(true);
      for (const rv of reviews) expect(cardIds.has(rv.cardId) && isPlausibleTime(rv.review) && rv.id === undefined).toBe(true);
    });
  }, LONG);

  test('Anki .apkg (sql.js)', async () => {
    const sqlite = await sqliteWith(`
      create table col (id integer primary key, models text, decks text);
      create table notes (id integer primary key, guid text, mid int, tags text, flds text);
      create table cards (id integer primary key, nid int, did int, ord int, due int);
      insert into col values (1, '{"1":{"type":0,"flds":[{"name":"Front","ord":0},{"name":"Back","ord":1}],"tmpls":[{"qfmt":"{{Front}}","afmt":"{{Back}}","ord":0}]},"2":{"type":1,"flds":[{"name":"Text","ord":0}],"tmpls":[{"qfmt":"{{cloze:Text}}","afmt":"","ord":0}]}}', '{"1":{"name":"Docker"}}');
      insert into notes values (1, 'g1', 1, 'net', 'What is <b>bridge</b>?' || char(31) || 'A driver'), (2, 'g2', 2, '', '{{c1::Overlay}} spans {{c2::hosts}}');
      insert into cards values (1, 1, 1, 0, 0), (2, 2, 1, 0, 1), (3, 2, 1, 1, 2);
    `);
    // The intact package that the damaged-zip inputs start from: deflated once here, not once per input.
    const intact = zipSync({ 'collection.anki2': sqlite, media: strToU8('{}') });
    const mutation = fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 8 });
    const input = fc.oneof(
      // A damaged collection inside a well-formed zip: sql.js reads whatever the bytes say.
      { weight: 3, arbitrary: mutation.map((m) => {
        const bytes = sqlite.slice();
        for (const [at, value] of m) bytes[at % bytes.length] = value;
        return zipSync({ 'collection.anki2': bytes }, { level: 0 });
      }) },
      // A damaged zip around an intact collection.
      { weight: 1, arbitrary: mutation.map((m) => {
        const bytes = intact.slice();
        for (const [at, value] of m) bytes[at % bytes.length] = value;
        return bytes;
      }) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    );
    await run(input, async (bytes) => expectValid(await readApkg(bytes, 'fuzz.apkg')));
  }, LONG);
});

test('the fuzzed formats round-trip a valid deck unchanged (the generators reach the happy path too)', async () => {
  const [deck] = fc.sample(deckOf(anyCard, 4), { numRuns: 1, seed: 7 });
  const r = await parseDeckJson(writeDeckJson([deck]), 'x.json');
  expect(r.ok && r.value.decks[0].cards).toEqual(deck.cards);
});
