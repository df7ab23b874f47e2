// @vitest-environment node
// Fuzzing every parser of untrusted input: JSON decks, CSV/TSV, Markdown notes and share links here; backups and Anki
// packages in fuzz-packages.test.ts (the two files run side by side). Each gets FUZZ_RUNS generated inputs (10,000 by
// default; set FUZZ_RUNS=100000 for a long run). No parser may throw, hang (5 s per input), or return a card that the
// deck validator would refuse.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseDeckJson, writeDeckJson } from '../../../src/lib/io/deck-json';
import { parseDelimited } from '../../../src/lib/io/csv';
import { parseNotes } from '../../../src/lib/io/notes';
import { decodeShareLink, encodeShareLink } from '../../../src/lib/io/share-link';
import { anyCard, deckOf } from './arbitraries';
import { expectValid, LONG, noisyText, run, RUNS } from './fuzz-helpers';

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
});

test('the fuzzed formats round-trip a valid deck unchanged (the generators reach the happy path too)', async () => {
  const [deck] = fc.sample(deckOf(anyCard, 4), { numRuns: 1, seed: 7 });
  const r = await parseDeckJson(writeDeckJson([deck]), 'x.json');
  expect(r.ok && r.value.decks[0].cards).toEqual(deck.cards);
});
