// Every released schema version keeps a database it wrote in tests/fixtures/db/v<N>.json (scripts/dump-db-fixture.ts).
// Each one is loaded as that version wrote it, then opened with the current DrydockDB: every record must be intact
// and the collection must keep working (an answer saves). A new schema version adds its fixture and is tested here too.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { DrydockDB } from '../../../src/lib/db/db';
import { loadDatabase, type DatabaseDump } from '../../fixtures/db/idb-dump';

const dir = 'tests/fixtures/db';
const fixtures = readdirSync(dir).filter((f) => /^v\d+\.json$/.test(f)).sort();
type Row = Record<string, unknown>;
const byKey = (rows: unknown[], key: string) => new Map((rows as Row[]).map((r) => [r[key], r]));

describe('schema migrations', () => {
  test('there is a fixture for version 1, the first released schema', () => {
    expect(fixtures).toContain('v1.json');
  });

  test.each(fixtures)('%s opens with the current code with every record intact', async (file) => {
    const dump = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as DatabaseDump;
    const name = `migrate-${file}-${Math.random()}`;
    await loadDatabase(name, dump);
    const db = new DrydockDB(name);
    await db.open();
    try {
      expect(db.verno).toBeGreaterThanOrEqual(dump.version / 10);
      for (const [table, key] of [['decks', 'id'], ['cards', 'id'], ['states', 'cardId'], ['settings', 'key']] as const) {
        const now = byKey(await db.table(table).toArray(), key);
        const then = byKey(dump.stores[table].rows, key);
        expect([...now.keys()].sort(), table).toEqual([...then.keys()].sort());
        // Later versions may add fields; every field the old version wrote keeps its value.
        for (const [k, row] of then) expect(now.get(k), `${table} ${String(k)}`).toMatchObject(row as Row);
      }
      // Reviews keep their content and order (version 3 gives them fresh keys).
      const strip = (rows: unknown[]) => (rows as Row[]).map(({ id: _id, ...r }) => r);
      const reviews = await db.reviews.orderBy('id').toArray();
      expect(reviews.map(({ id: _id, ...r }) => r)).toEqual(expect.arrayContaining(strip(dump.stores.reviews.rows).map((r) => expect.objectContaining(r))));
      expect(reviews).toHaveLength(dump.stores.reviews.rows.length);
      // The indexes the app queries still answer.
      expect(await db.cards.where('tags').equals('net').count()).toBe((dump.stores.cards.rows as Row[]).filter((r) => (r.tags as string[]).includes('net')).length);
      expect(await db.reviews.where('[cardId+review]').between(['n1', -Infinity], ['n1', Infinity]).count()).toBe((dump.stores.reviews.rows as Row[]).filter((r) => r.cardId === 'n1').length);
      // Version 7's index of states by kind and due time (the deck list's counts) holds every state the old version wrote.
      const oldStates = dump.stores.states.rows as Row[];
      for (const deckId of new Set(oldStates.map((r) => r.deckId as string))) {
        for (const kind of [0, 1, 2, 3]) {
          const indexed = await db.states.where('[deckId+inactive+state+due]').between([deckId, 0, kind, -Infinity], [deckId, 0, kind, Infinity]).primaryKeys();
          expect(indexed.sort(), `${deckId} state ${kind}`).toEqual(oldStates.filter((r) => r.deckId === deckId && r.inactive === 0 && r.state === kind).map((r) => r.cardId).sort());
        }
      }
      // And an answer saves: a key generator exhausted by version 1 (review id 2^53) was rebuilt.
      const id = await db.reviews.add({ cardId: 'm1', deckId: 'user-mine', rating: 3, state: 0, due: 0, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review: Date.UTC(2026, 10, 1), durationMs: 1000, source: 'study' });
      expect(id).toBeLessThan(2 ** 53);
    } finally {
      db.close();
      await db.delete();
    }
  });
});
