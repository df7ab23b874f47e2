// Every card kind survives every exchange format Drydock writes: JSON, .apkg, share link and CSV with kind columns.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CARD_KINDS, type Deck } from '../../../src/lib/domain/model';
import { parseDeckJson, writeDeckJson } from '../../../src/lib/io/deck-json';
import { readApkg } from '../../../src/lib/io/apkg-read';
import { writeApkg } from '../../../src/lib/io/apkg-write';
import { decodeShareLink, encodeShareLink } from '../../../src/lib/io/share-link';
import { parseDelimited, writeCsv } from '../../../src/lib/io/csv';
import type { ImportBundle, Result } from '../../../src/lib/io/result';
import { validateDeck } from '../../../src/lib/io/validate-deck';
import { readCommittedDecks } from '../domain/generator/bundled';
import { cardOfKind, clozeSiblings, exchangeDeck } from './exchange-arbitraries';

const NOW = Date.UTC(2026, 0, 2);

const formats: Record<string, (deck: Deck) => Promise<Result<ImportBundle>>> = {
  json: (deck) => parseDeckJson(writeDeckJson([deck]), 'deck.json'),
  apkg: async (deck) => readApkg(await writeApkg([deck], NOW), 'deck.apkg'),
  share: async (deck) => {
    const link = await encodeShareLink(deck);
    if (!link.ok) throw new Error(link.error);
    return decodeShareLink(link.value);
  },
  csv: (deck) => parseDelimited(writeCsv([deck], ',', { kinds: true }), 'deck.csv'),
};

async function roundTrip(format: string, deck: Deck): Promise<Deck> {
  const result = await formats[format](deck);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.warnings).toEqual([]);
  expect(result.value.decks).toHaveLength(1);
  return result.value.decks[0];
}

const deckOfCards = (cards: Deck['cards']): Deck => ({ formatVersion: 1, id: 'one-kind', title: 'One kind', description: '', tags: [], source: 'test', cards });

describe.each(Object.keys(formats))('%s round trip', (format) => {
  test.each(CARD_KINDS)('%s cards come back with the same id, note id, kind and every field', async (kind) => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(cardOfKind[kind], { minLength: 1, maxLength: 6, selector: (c) => c.id }), async (cards) => {
        const back = await roundTrip(format, deckOfCards(cards));
        expect(back.cards).toEqual(cards);
      }),
      { numRuns: format === 'apkg' ? 40 : 60 },
    );
  });

  test('mixed decks with cloze siblings (c1..c20) come back unchanged, in order', async () => {
    await fc.assert(
      fc.asyncProperty(exchangeDeck(), async (deck) => {
        const back = await roundTrip(format, deck);
        expect(back.cards).toEqual(deck.cards);
        if (format !== 'csv') expect(back.title).toBe(deck.title);
      }),
      { numRuns: format === 'apkg' ? 40 : 60 },
    );
  });
});

test('cloze siblings fold into one Anki Cloze note, one Anki card per deletion', async () => {
  const { unzipSync } = await import('fflate');
  const { loadSqlJs } = await import('../../../src/lib/io/sqlite');
  const SQL = await loadSqlJs();
  await fc.assert(
    fc.asyncProperty(clozeSiblings, async (siblings) => {
      const db = new SQL.Database(unzipSync(await writeApkg([deckOfCards(siblings)], NOW))['collection.anki2']);
      try {
        expect(db.exec('select count(*) from notes')[0].values[0][0]).toBe(1);
        expect(db.exec('select ord from cards order by ord')[0].values.map((r) => r[0])).toEqual(siblings.map((_, i) => i));
        const text = String(db.exec('select flds from notes')[0].values[0][0]).split('\x1f')[0];
        siblings.forEach((_, i) => expect(text).toContain(`{{c${i + 1}::`));
      } finally {
        db.close();
      }
    }),
    { numRuns: 30 },
  );
});

const chunks = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

describe('every bundled deck', () => {
  const bundled = readCommittedDecks().map((d, i) => validateDeck(d, `deck ${i}`, [], new Set()));
  test.each(Object.keys(formats))('%s gives back every card with the same id, kind and fields', async (format) => {
    // A share link holds a small deck, so the bundled decks travel as links of 10 cards each.
    const parts = format === 'share' ? bundled.flatMap((d) => chunks(d.cards, 10).map((cards) => ({ ...d, cards }))) : bundled;
    expect(parts.flatMap((d) => d.cards)).toHaveLength(bundled.reduce((n, d) => n + d.cards.length, 0));
    for (const deck of parts) {
      const back = await roundTrip(format, deck);
      // Share links and CSV leave out where a fact came from in the notes (provenance); everything else stays.
      const kept = format === 'share' || format === 'csv' ? deck.cards.map(({ provenance: _p, ...c }) => c) : deck.cards;
      expect(back.cards).toEqual(kept);
    }
  });
});
