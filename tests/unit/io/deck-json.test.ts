import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseDeckJson, writeDeckJson } from '../../../src/lib/io/deck-json';
import { MAX_DECK_FILE_BYTES } from '../../../src/lib/io/limits';
import { anyCard, deckOf } from './arbitraries';

const deck = {
  formatVersion: 1, id: 'docker-basics', title: 'Docker basics', description: 'd', tags: ['docker'], source: 'drydock editor',
  cards: [
    { id: 'c1', kind: 'basic', tags: ['images'], prompt: 'What does `docker build` do?', answer: 'Builds an image.' },
    { id: 'c2', kind: 'cloze', tags: [], text: 'A {{c1::container}} is a running image.' },
    { id: 'c3', kind: 'choice', tags: [], prompt: 'Which?', options: ['a', 'b', 'c'], correct: [1], explanation: 'b' },
    { id: 'c4', kind: 'typed', tags: [], prompt: 'Port flag?', answers: ['-p'] },
    { id: 'c5', kind: 'truefalse', tags: [], statement: 'Images are mutable.', isTrue: false, explanation: 'They are layers.' },
  ],
};

describe('parseDeckJson', () => {
  test('reads a deck with every card kind', async () => {
    const r = await parseDeckJson(JSON.stringify(deck), 'deck.json');
    expect(r.ok && r.value.decks[0].cards.map((c) => c.kind)).toEqual(['basic', 'cloze', 'choice', 'typed', 'truefalse']);
    expect(r.ok && r.value.warnings).toEqual([]);
  });

  test('export then import gives back every card unchanged (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(deckOf(anyCard), { minLength: 1, maxLength: 3 }), async (decks) => {
        decks.forEach((d, i) => (d.id = `deck-${i}`));
        const ids = new Set<string>();
        decks.forEach((d) => (d.cards = d.cards.filter((c) => !ids.has(c.id) && ids.add(c.id))));
        const r = await parseDeckJson(writeDeckJson(decks), 'x.json');
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value.decks).toEqual(decks);
      }),
      { numRuns: 60 },
    );
  });

  test('keeps only known fields, so nothing unexpected reaches the database', async () => {
    const hostile = { ...deck, cards: [{ ...deck.cards[0], html: '<img onerror=alert(1)>', __proto__x: 1 }] };
    const r = await parseDeckJson(JSON.stringify(hostile), 'd.json');
    expect(r.ok && Object.keys(r.value.decks[0].cards[0]).sort()).toEqual(['answer', 'id', 'kind', 'prompt', 'tags']);
  });

  test('leaves out a bad card and reports it', async () => {
    const r = await parseDeckJson(JSON.stringify({ ...deck, cards: [...deck.cards, { id: 'x', kind: 'basic', tags: [] }] }), 'd.json');
    expect(r.ok && r.value.decks[0].cards).toHaveLength(5);
    expect(r.ok && r.value.warnings[0]).toMatch(/card 6: "prompt" is missing/);
  });

  const bad: [string, string, RegExp][] = [
    ['empty file', '', /is empty/],
    ['whitespace only', '  \n', /is empty/],
    ['truncated', JSON.stringify(deck).slice(0, 80), /not valid JSON/],
    ['malformed', '{"formatVersion": 1, cards: []}', /not valid JSON/],
    ['a number', '42', /not a deck object/],
    ['no version', JSON.stringify({ ...deck, formatVersion: undefined }), /no valid "formatVersion"/],
    ['newer version', JSON.stringify({ ...deck, formatVersion: 2 }), /format version 2, made by a newer Drydock/],
    ['no cards list', JSON.stringify({ ...deck, cards: 'nope' }), /no "cards" list/],
    ['no usable cards', JSON.stringify({ ...deck, cards: [{ id: 'x' }] }), /no usable cards/],
    ['empty list', '[]', /contains no decks/],
    ['a deck id that is not a slug', JSON.stringify({ ...deck, id: 'My Deck!' }), /deck "id" must be up to 80 lowercase letters/],
    ['a backup', JSON.stringify({ kind: 'drydock-backup', tables: {} }), /is a Drydock backup/],
  ];
  test.each(bad)('%s gives a clear message', async (_name, text, message) => {
    const r = await parseDeckJson(text, 'deck.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(message);
      expect(r.error.message).toMatch(/Nothing was changed/);
    }
  });

  test('a file over the size limit is refused before parsing', async () => {
    const r = await parseDeckJson(' '.repeat(MAX_DECK_FILE_BYTES + 1), 'huge.json');
    expect(!r.ok && r.error.code).toBe('too-large');
  });
});
