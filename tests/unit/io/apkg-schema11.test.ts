// Checks Anki would run on an exported .apkg: the tables and columns of Anki's schema 11 (rslib/src/storage/schema11.sql),
// the JSON keys its legacy deserialisers require (notetype, deck and field/template *schema11.rs: keys without a serde
// default), note/card consistency, and csum/sfld computed by Anki's own stripping rules.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import type { Database } from 'sql.js';
import { createHash } from 'node:crypto';
import { writeApkg } from '../../../src/lib/io/apkg-write';
import { ankiSortText } from '../../../src/lib/io/anki-html';
import { loadSqlJs } from '../../../src/lib/io/sqlite';
import { validateDeck } from '../../../src/lib/io/validate-deck';
import type { Deck } from '../../../src/lib/domain/model';
import { readCommittedDecks } from '../domain/generator/bundled';
import { exchangeDeck } from './exchange-arbitraries';

/** Schema 11, column by column: [name, declared type, not null]. Primary keys: the `id` columns. */
const TABLES: Record<string, [string, string][]> = {
  col: [['id', 'integer'], ['crt', 'integer'], ['mod', 'integer'], ['scm', 'integer'], ['ver', 'integer'], ['dty', 'integer'], ['usn', 'integer'], ['ls', 'integer'], ['conf', 'text'], ['models', 'text'], ['decks', 'text'], ['dconf', 'text'], ['tags', 'text']],
  notes: [['id', 'integer'], ['guid', 'text'], ['mid', 'integer'], ['mod', 'integer'], ['usn', 'integer'], ['tags', 'text'], ['flds', 'text'], ['sfld', 'integer'], ['csum', 'integer'], ['flags', 'integer'], ['data', 'text']],
  cards: [['id', 'integer'], ['nid', 'integer'], ['did', 'integer'], ['ord', 'integer'], ['mod', 'integer'], ['usn', 'integer'], ['type', 'integer'], ['queue', 'integer'], ['due', 'integer'], ['ivl', 'integer'], ['factor', 'integer'], ['reps', 'integer'], ['lapses', 'integer'], ['left', 'integer'], ['odue', 'integer'], ['odid', 'integer'], ['flags', 'integer'], ['data', 'text']],
  revlog: [['id', 'integer'], ['cid', 'integer'], ['usn', 'integer'], ['ease', 'integer'], ['ivl', 'integer'], ['lastIvl', 'integer'], ['factor', 'integer'], ['time', 'integer'], ['type', 'integer']],
  graves: [['usn', 'integer'], ['oid', 'integer'], ['type', 'integer']],
};
const INDEXES = ['ix_notes_usn', 'ix_cards_usn', 'ix_revlog_usn', 'ix_cards_nid', 'ix_cards_sched', 'ix_revlog_cid', 'ix_notes_csum'];

/** Keys the schema-11 deserialisers need (no serde default). */
const NOTETYPE_KEYS = ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css'];
const FIELD_KEYS = ['name', 'ord', 'sticky', 'rtl', 'font', 'size'];
const TEMPLATE_KEYS = ['name', 'ord', 'qfmt'];
const DECK_KEYS = ['id', 'name', 'usn', 'lrnToday', 'revToday', 'newToday', 'timeToday', 'collapsed', 'dyn', 'conf'];

const rows = (db: Database, sql: string) => db.exec(sql)[0]?.values ?? [];
const hasKeys = (o: Record<string, unknown>, keys: string[]) => keys.filter((k) => !(k in o));

async function checkPackage(decks: Deck[]): Promise<void> {
  const files = unzipSync(await writeApkg(decks, Date.UTC(2026, 0, 2)));
  expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
  expect(JSON.parse(new TextDecoder().decode(files.media))).toEqual({});
  const SQL = await loadSqlJs();
  const db = new SQL.Database(files['collection.anki2']);
  try {
    for (const [table, columns] of Object.entries(TABLES)) {
      const info = rows(db, `pragma table_info(${table})`).map((r) => [String(r[1]), String(r[2]).toLowerCase(), r[3], r[5]]);
      expect(info, table).toEqual(columns.map(([name, type]) => [name, type, table === 'graves' || name !== 'id' ? 1 : 0, name === 'id' && table !== 'graves' ? 1 : 0]));
    }
    expect(rows(db, "select name from sqlite_master where type = 'index' and name like 'ix_%' order by name").map((r) => r[0])).toEqual([...INDEXES].sort());
    const [[ver, models, deckJson, dconf, conf]] = rows(db, 'select ver, models, decks, dconf, conf from col');
    expect(ver).toBe(11);
    expect(() => JSON.parse(String(conf))).not.toThrow();
    expect(Object.keys(JSON.parse(String(dconf)))).toContain('1');
    const types = JSON.parse(String(models)) as Record<string, Record<string, unknown> & { flds: Record<string, unknown>[]; tmpls: Record<string, unknown>[] }>;
    for (const [id, m] of Object.entries(types)) {
      expect(hasKeys(m, NOTETYPE_KEYS), m.name as string).toEqual([]);
      expect(String(m.id)).toBe(id);
      expect([0, 1]).toContain(m.type);
      for (const f of m.flds) expect(hasKeys(f, FIELD_KEYS)).toEqual([]);
      for (const t of m.tmpls) expect(hasKeys(t, TEMPLATE_KEYS)).toEqual([]);
      if (m.type === 1) expect(m.tmpls.map((t) => t.qfmt)).toEqual(['{{cloze:Text}}']);
    }
    const deckMap = JSON.parse(String(deckJson)) as Record<string, Record<string, unknown>>;
    for (const [id, d] of Object.entries(deckMap)) {
      expect(hasKeys(d, DECK_KEYS)).toEqual([]);
      expect(String(d.id)).toBe(id);
      expect(String(d.name)).not.toContain('::');
    }
    const notes = new Map<number, { mid: string; fields: string[] }>();
    for (const [id, guid, mid, flds, sfld, csum] of rows(db, 'select id, guid, mid, flds, sfld, csum from notes')) {
      const type = types[String(mid)];
      expect(type, 'note type of a note').toBeDefined();
      const fields = String(flds).split('\x1f');
      expect(fields).toHaveLength(type.flds.length);
      expect(String(guid).length).toBeGreaterThan(0);
      const sortText = ankiSortText(fields[0]);
      // sfld has integer affinity in schema 11 (so Anki sorts numbers numerically): SQLite stores a numeric-looking
      // text such as "00" as the number 0, in Anki's own collections too.
      if (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(sortText)) expect(Number(sfld)).toBe(Number(sortText));
      else expect(String(sfld)).toBe(sortText);
      expect(csum).toBe(parseInt(createHash('sha1').update(sortText).digest('hex').slice(0, 8), 16));
      notes.set(Number(id), { mid: String(mid), fields });
    }
    expect(new Set(rows(db, 'select guid from notes').map((r) => r[0])).size).toBe(notes.size);
    for (const [nid, did, ord] of rows(db, 'select nid, did, ord from cards')) {
      const note = notes.get(Number(nid))!;
      expect(note, 'note of a card').toBeDefined();
      expect(deckMap[String(did)], 'deck of a card').toBeDefined();
      const type = types[note.mid];
      if (type.type === 1) expect(note.fields[0]).toContain(`{{c${Number(ord) + 1}::`);
      else expect(Number(ord)).toBeLessThan(type.tmpls.length);
    }
  } finally {
    db.close();
  }
}

describe('exported .apkg against Anki schema 11', () => {
  test('every bundled deck, exported together', async () => {
    const decks = readCommittedDecks().map((d, i) => validateDeck(d, `deck ${i}`, [], new Set()));
    expect(decks.flatMap((d) => d.cards).some((c) => c.kind === 'cloze')).toBe(true);
    await checkPackage(decks);
  });

  test('generated decks of every kind (property)', async () => {
    await fc.assert(fc.asyncProperty(exchangeDeck(), (deck) => checkPackage([deck])), { numRuns: 25 });
  });
});

describe("csum and sfld follow Anki's stripping", () => {
  test.each([
    ['a line break joins the lines', 'docker<br>run', 'dockerrun'],
    ['leading spaces stay', '  docker run', '  docker run'],
    ['a sound reference stays as written', 'Listen [sound:x.mp3]', 'Listen [sound:x.mp3]'],
    ['an image keeps its file name between spaces', 'See <img src="a.png"> here', 'See  a.png  here'],
    ['entities are decoded, nbsp becomes a space', '&lt;id&gt;&nbsp;&amp;', '<id> &'],
    ['comments, styles and scripts go with their content', '<!-- c -->x<style>p{}</style><script>1</script>y', 'xy'],
  ])('%s', (_name, html, expected) => {
    expect(ankiSortText(html)).toBe(expected);
  });
});
