// The server never sees a card or a review: the real device code syncs a collection through the app in this process,
// then every row of every table in the server's database is read back, on each store, and none of it contains the
// card's text, the pairing code or the bearer token. The device side runs over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DrydockDB } from '../../src/lib/db/db';
import { newCardRecord, newStateRecord } from '../../src/lib/db/records';
import { answerCard } from '../../src/lib/db/study';
import { createSpace, joinWithCode, syncRound } from '../../src/lib/sync/engine';
import { httpTransport } from '../../src/lib/sync/transport';
import { deriveSpaceKeys } from '../../src/lib/io/sync-crypto';
import type { Card } from '../../src/lib/domain/model';
import { inProcessServer, STORES, type TestDatabase } from './helpers.ts';

const SECRET_PROMPT = 'Which flag mounts zebra-7781 read-only?';
const SECRET_ANSWER = 'quokka-5532';
const BASE = 'http://drydock.test/';

for (const store of STORES) {
  describe(`what the server stores, on ${store.title}`, () => {
    let database: TestDatabase;
    let server: ReturnType<typeof inProcessServer>;
    beforeAll(async () => {
      database = await store.fresh();
      server = inProcessServer(database.db);
    });
    afterAll(() => database.drop());

    test('ciphertext, ids and sequence numbers only: no card text, no review data, no code or token', async () => {
      const transport = httpTransport(BASE, async (input, init) => server.app.request(String(input), init as RequestInit));
      const phone = new DrydockDB(`privacy-phone-${store.title}`);
      const laptop = new DrydockDB(`privacy-laptop-${store.title}`);
      const now = Date.UTC(2026, 10, 2, 9);
      await phone.transaction('rw', [phone.decks, phone.cards, phone.states], async () => {
        await phone.decks.put({ id: 'secret-deck', title: 'Secret deck title', description: '', tags: [], source: 'test', origin: 'user', createdAt: now, updatedAt: now });
        await phone.cards.put(newCardRecord({ id: 'secret-card', kind: 'basic', tags: [], prompt: SECRET_PROMPT, answer: SECRET_ANSWER } as Card, 'secret-deck', 0, now));
        await phone.states.put(newStateRecord('secret-card', 'secret-deck', now));
      });
      const { code } = await createSpace({ transport, database: phone }, 'Phone of Alice', BASE);
      await answerCard({ cardId: 'secret-card', rating: 4, now: now + 1000, durationMs: 987_654, source: 'study' }, phone);
      await syncRound({ transport, database: phone });
      await joinWithCode({ transport, database: laptop }, code, 'Laptop');
      await syncRound({ transport, database: laptop });
      // The round trip worked: the laptop can read what the server cannot.
      expect((await laptop.cards.get('secret-card')) as unknown as { answer: string }).toMatchObject({ answer: SECRET_ANSWER });

      const tables = await database.db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`);
      expect(tables.rows.length).toBeGreaterThan(2);
      let everything = '';
      for (const { table_name } of tables.rows) {
        const rows = await database.db.query(`SELECT * FROM "${table_name}"`);
        everything += JSON.stringify(rows.rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
      }
      const keys = await deriveSpaceKeys(code);
      expect(everything).toContain(keys.space);
      for (const secret of [SECRET_PROMPT, 'zebra-7781', SECRET_ANSWER, 'Secret deck title', 'Phone of Alice', 'secret-card', '987654', code, code.replace(/-/g, ''), keys.token]) {
        expect(everything, secret).not.toContain(secret);
      }
      phone.close();
      laptop.close();
      await phone.delete();
      await laptop.delete();
    });
  });
}
