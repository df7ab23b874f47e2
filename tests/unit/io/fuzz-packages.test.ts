// @vitest-environment node
// Fuzzing the parsers of backups and Anki packages (sql.js in Node); see fuzz.test.ts for the text formats.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { parseBackup } from '../../../src/lib/io/backup';
import { readApkg } from '../../../src/lib/io/apkg-read';
import { isPlausibleTime } from '../../../src/lib/domain/time-range';
import { anyCard } from './arbitraries';
import { sqliteWith } from './apkg-helpers';
import { expectValid, LONG, noisyText, NOW, run, RUNS } from './fuzz-helpers';

describe(`fuzz: ${RUNS} inputs per format`, () => {
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
