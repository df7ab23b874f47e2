// Class decks on the server (server/routes/classes.ts), on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_CARDS } from '../../src/lib/io/limits';
import { CLASS_ID_PATTERN } from '../../src/lib/domain/class-deck';
import { newClassId } from '../../server/routes/classes';
import { newToken, STORES, inProcessServer, testConfig, type TestDatabase } from './helpers';

const deck = (answers: string[], extra = 0) => ({
  formatVersion: 1,
  id: 'compose-week',
  title: 'Compose, week 3',
  description: '',
  tags: [],
  source: 'drydock editor',
  cards: [
    ...answers.map((answer, i) => ({ id: `card-${i}`, kind: 'basic', tags: [], prompt: `Question ${i}?`, answer })),
    ...Array.from({ length: extra }, (_, i) => ({ id: `extra-${i}`, kind: 'basic', tags: [], prompt: `Extra ${i}?`, answer: 'x' })),
  ],
});

it('a class id carries 160 random bits and never repeats', () => {
  const ids = new Set(Array.from({ length: 2000 }, newClassId));
  expect(ids.size).toBe(2000);
  for (const id of ids) expect(id).toMatch(CLASS_ID_PATTERN);
});

for (const store of STORES) {
  describe(`class decks on ${store.title}`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await store.fresh();
    });
    afterAll(async () => {
      await test.drop();
    });

    const server = (overrides = {}) => inProcessServer(test.db, testConfig(overrides));
    const owner = () => ({ token: newToken() });
    const count = async (table: string) => Number((await test.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

    it('publishes, lists versions, serves the newest and unpublishes without a trace of the deck', async () => {
      const { call } = server();
      const key = owner();
      const first = await call('POST', '/api/classes', { identity: key, body: { deck: deck(['one', 'two']), note: 'First week' } });
      expect(first.status).toBe(201);
      const id = first.json.class;
      expect(id).toMatch(CLASS_ID_PATTERN);
      // The server keeps the key's hash, never the key.
      const stored = await test.db.query<{ owner_hash: Uint8Array }>('SELECT owner_hash FROM classes WHERE id = $1', [id]);
      expect(Buffer.from(stored.rows[0].owner_hash).toString('utf8')).not.toContain(key.token);
      expect(stored.rows[0].owner_hash.length).toBe(32);

      const second = await call('POST', `/api/classes/${id}/versions`, { identity: key, body: { deck: deck(['one, fixed', 'two', 'three']), note: 'Fixed card 0' } });
      expect(second.status).toBe(201);
      expect(second.json.version).toBe(2);

      const info = await call('GET', `/api/classes/${id}`);
      expect(info.json).toMatchObject({ class: id, title: 'Compose, week 3', cards: 3, version: 2, note: 'Fixed card 0' });
      const versions = await call('GET', `/api/classes/${id}/versions`);
      expect(versions.json.versions.map((v: { version: number; note: string; cards: number }) => [v.version, v.note, v.cards])).toEqual([
        [2, 'Fixed card 0', 3],
        [1, 'First week', 2],
      ]);
      const v1 = await call('GET', `/api/classes/${id}/versions/1`);
      expect(v1.json.deck.cards.map((c: { answer: string }) => c.answer)).toEqual(['one', 'two']);
      expect((await call('GET', `/api/classes/${id}/versions/3`)).status).toBe(404);

      expect((await call('DELETE', `/api/classes/${id}`, { identity: key })).status).toBe(204);
      const gone = await call('GET', `/api/classes/${id}`);
      expect(gone.status).toBe(410);
      expect(gone.json.message).toMatch(/unpublished.*Cards you have stay/);
      expect((await call('GET', `/api/classes/${id}/versions/1`)).status).toBe(410);
      expect((await test.db.query('SELECT 1 FROM class_versions WHERE class_id = $1', [id])).rows).toEqual([]);
      // No version can be published on an unpublished class.
      expect((await call('POST', `/api/classes/${id}/versions`, { identity: key, body: { deck: deck(['again']) } })).status).toBe(410);
    });

    it('refuses a wrong owner key with 403 and stores nothing', async () => {
      const { call } = server();
      const key = owner();
      const id = (await call('POST', '/api/classes', { identity: key, body: { deck: deck(['one']) } })).json.class;
      const versionsBefore = await count('class_versions');
      for (const identity of [owner(), {}]) {
        const attempt = await call('POST', `/api/classes/${id}/versions`, { identity, body: { deck: deck(['hijacked']), note: 'mine now' } });
        expect(attempt.status).toBe(403);
        expect(attempt.json.error).toBe('forbidden');
        expect((await call('DELETE', `/api/classes/${id}`, { identity })).status).toBe(403);
        expect((await call('GET', `/api/classes/${id}/progress`, { identity })).status).toBe(403);
      }
      expect(await count('class_versions')).toBe(versionsBefore);
      expect((await call('GET', `/api/classes/${id}`)).json).toMatchObject({ version: 1, note: '' });
      expect((await call('GET', `/api/classes/${id}/versions/1`)).json.deck.cards[0].answer).toBe('one');
    });

    it('refuses decks over the import limits with the words of a file import, and bad cards, storing nothing', async () => {
      const { call } = server();
      const before = await count('classes');
      const huge = await call('POST', '/api/classes', { identity: owner(), body: { deck: deck([], MAX_IMPORT_CARDS + 1) } });
      expect(huge.status).toBe(413);
      expect(huge.json.message).toBe(`The deck has ${MAX_IMPORT_CARDS + 1} cards; the limit is ${MAX_IMPORT_CARDS}. Nothing was changed.`);
      const big = await call('POST', '/api/classes', { identity: owner(), raw: JSON.stringify({ deck: deck(['x'.repeat(51 * 1024 * 1024)]) }) });
      expect(big.status).toBe(413);
      expect(big.json.message).toBe('The deck is larger than 50 MB, the limit for a deck file. Nothing was changed.');
      const broken = deck(['ok']);
      (broken.cards as unknown[]).push({ id: 'bad', kind: 'basic', prompt: '', answer: 'x' });
      const bad = await call('POST', '/api/classes', { identity: owner(), body: { deck: broken } });
      expect(bad.status).toBe(400);
      expect(bad.json.message).toBe('"Compose, week 3", card 2: "prompt" is empty. Fix the card, then publish again. Nothing was published.');
      expect(await count('classes')).toBe(before);
    });

    it('shows class progress only once enough students share, per card, most missed first, without names', async () => {
      const { call } = server();
      const key = owner();
      const id = (await call('POST', '/api/classes', { identity: key, body: { deck: deck(['a', 'b', 'c']) } })).json.class;
      const students = Array.from({ length: 5 }, () => ({ token: newToken() }));
      // card-0 is missed by everyone, card-1 by nobody; card-2 is reviewed by only two students.
      for (const [i, student] of students.entries()) {
        const cards = [
          { card: 'card-0', reviews: 2, again: 2, first: true },
          { card: 'card-1', reviews: 3, again: 0, first: true },
          ...(i < 2 ? [{ card: 'card-2', reviews: 1, again: 1, first: true }] : []),
        ];
        const sent = await call('POST', `/api/classes/${id}/progress`, { identity: student, body: { cards } });
        expect(sent.status).toBe(200);
        expect(sent.json.students).toBe(i + 1);
        const figures = (await call('GET', `/api/classes/${id}/progress`, { identity: key })).json;
        if (i < 4) expect(figures).toEqual({ students: i + 1, minimum: 5, shown: false, cards: [] });
        else {
          expect(figures).toMatchObject({ students: 5, minimum: 5, shown: true });
          // card-2 has two students: hidden like a small class.
          expect(figures.cards).toEqual([
            { card: 'card-0', students: 5, reviews: 10, again: 10, againShare: 1 },
            { card: 'card-1', students: 5, reviews: 15, again: 0, againShare: 0 },
          ]);
        }
      }
      // A second report from the same student adds reviews, not a student.
      await call('POST', `/api/classes/${id}/progress`, { identity: students[0], body: { cards: [{ card: 'card-1', reviews: 5, again: 5, first: false }] } });
      const after = (await call('GET', `/api/classes/${id}/progress`, { identity: key })).json;
      expect(after.students).toBe(5);
      expect(after.cards[1]).toMatchObject({ card: 'card-1', students: 5, reviews: 20, again: 5 });
      // A student who stops sharing no longer counts: the class drops below the minimum and the figures hide.
      expect((await call('DELETE', `/api/classes/${id}/progress`, { identity: students[4] })).status).toBe(204);
      expect((await call('GET', `/api/classes/${id}/progress`, { identity: key })).json).toMatchObject({ students: 4, shown: false, cards: [] });
      // Nothing stored names a student: the tables hold hashes and per-card sums.
      const columns = await test.db.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name IN ('class_students', 'class_card_progress') ORDER BY column_name",
      );
      expect(columns.rows.map((r) => r.column_name)).toEqual(['again', 'card_id', 'class_id', 'class_id', 'reviews', 'students', 'token_hash']);
      // Reports about cards the class does not have, or with impossible counts, are refused.
      for (const cards of [[{ card: 'nope', reviews: 1, again: 0, first: true }], [{ card: 'card-0', reviews: 1, again: 2, first: true }]]) {
        expect((await call('POST', `/api/classes/${id}/progress`, { identity: students[1], body: { cards } })).status).toBe(400);
      }
    });

    it('lowers the minimum cohort only through the test setting, and never raises it', async () => {
      const lowered = server({ classMinCohort: 2 });
      const key = owner();
      const id = (await lowered.call('POST', '/api/classes', { identity: key, body: { deck: deck(['a']) } })).json.class;
      for (let i = 0; i < 2; i++) {
        await lowered.call('POST', `/api/classes/${id}/progress`, { identity: { token: newToken() }, body: { cards: [{ card: 'card-0', reviews: 1, again: i, first: true }] } });
      }
      expect((await lowered.call('GET', `/api/classes/${id}/progress`, { identity: key })).json).toMatchObject({ students: 2, minimum: 2, shown: true, cards: [{ card: 'card-0', againShare: 0.5 }] });
      expect(testConfig().classMinCohort).toBe(5);
      const { configFromEnv } = await import('../../server/config');
      expect(configFromEnv({ DRYDOCK_TEST_MIN_COHORT: '2' }).classMinCohort).toBe(2);
      expect(configFromEnv({ DRYDOCK_TEST_MIN_COHORT: '50' }).classMinCohort).toBe(5);
    });

    it('rate-limits each class link and answers 404 for a malformed or unknown link', async () => {
      const { call } = server({ rateLimitClass: 3 });
      const id = (await call('POST', '/api/classes', { identity: owner(), body: { deck: deck(['a']) } })).json.class;
      for (let i = 0; i < 3; i++) expect((await call('GET', `/api/classes/${id}`)).status).toBe(200);
      const limited = await call('GET', `/api/classes/${id}`);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect((await call('GET', '/api/classes/not-a-class')).status).toBe(404);
      expect((await call('GET', `/api/classes/${'a'.repeat(32)}`)).status).toBe(404);
    });
  });
}
