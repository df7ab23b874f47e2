// Bad input, too much input, too many requests, and what reaches the log: on every store.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { base64url, inProcessServer, newDevice, newOp, newSpace, newToken, STORES, testConfig, type TestDatabase } from './helpers.ts';

async function countRows(db: Database) {
  const { rows } = await db.query<{ spaces: number; devices: number; ops: number }>(
    'SELECT (SELECT count(*) FROM spaces)::int AS spaces, (SELECT count(*) FROM devices)::int AS devices, (SELECT count(*) FROM ops)::int AS ops',
  );
  return rows[0];
}

for (const store of STORES) {
  describe(`abuse and faults on ${store.title}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await store.fresh();
    });
    afterAll(() => database.drop());

    test('malformed and oversized pushes get 400 or 413 and store nothing, not even their valid ops', async () => {
      const server = inProcessServer(database.db);
      const identity = await server.newIdentity();
      const before = await countRows(database.db);
      const good = newOp();
      const push = (body: unknown, raw?: string) => server.call('POST', `/api/spaces/${identity.space}/push`, { identity, body, raw });
      const cases: [string, Awaited<ReturnType<typeof push>>, number][] = [
        ['not JSON', await push(undefined, '{"ops": ['), 400],
        ['no ops', await push({ op: [good] }), 400],
        ['ops not a list', await push({ ops: good }), 400],
        ['null op', await push({ ops: [good, null] }), 400],
        ['missing iv', await push({ ops: [good, { id: 'x1', data: 'AAAA' }] }), 400],
        ['short iv', await push({ ops: [good, { ...newOp(), iv: 'AAAA' }] }), 400],
        ['padded base64', await push({ ops: [good, { ...newOp(), data: 'AAA=' }] }), 400],
        ['plain base64 alphabet', await push({ ops: [good, { ...newOp(), data: 'ab+/' }] }), 400],
        ['empty data', await push({ ops: [good, { ...newOp(), data: '' }] }), 400],
        ['id too long', await push({ ops: [good, { ...newOp(), id: 'a'.repeat(65) }] }), 400],
        ['id with a slash', await push({ ops: [good, { ...newOp(), id: 'a/b' }] }), 400],
        ['numeric id', await push({ ops: [good, { ...newOp(), id: 7 }] }), 400],
        ['501 ops', await push({ ops: Array.from({ length: 501 }, () => newOp(8)) }), 413],
        ['op over 64 KiB', await push({ ops: [good, newOp(64 * 1024 + 1)] }), 413],
        ['body over 1 MiB', await push({ ops: Array.from({ length: 20 }, () => newOp(60 * 1024)) }), 413],
      ];
      for (const [name, answer, status] of cases) {
        expect(answer.status, name).toBe(status);
        expect(typeof answer.json.error, name).toBe('string');
        expect(typeof answer.json.message, name).toBe('string');
      }
      expect(await countRows(database.db)).toEqual(before);
      // The limits themselves are allowed: 500 ops, and one op of exactly 64 KiB.
      const biggest = await push({ ops: [newOp(64 * 1024)] });
      expect(biggest.status).toBe(200);
      const most = await push({ ops: Array.from({ length: 500 }, () => newOp(8)) });
      expect(most.json).toMatchObject({ accepted: 500 });
    });

    test('malformed space, device and header requests get 400 and store nothing', async () => {
      const server = inProcessServer(database.db);
      const identity = await server.newIdentity();
      const before = await countRows(database.db);
      const token = newToken();
      const answers = [
        await server.call('POST', '/api/spaces', { identity: { token }, raw: 'space=abc' }),
        await server.call('POST', '/api/spaces', { identity: { token }, body: { space: 'has spaces in it and is long enough' } }),
        await server.call('POST', '/api/spaces', { identity: { token }, body: ['not', 'an', 'object'] }),
        await server.call('POST', `/api/spaces/${identity.space}/devices`, { identity, body: { device: 'short', label: 'AAAA' } }),
        await server.call('POST', `/api/spaces/${identity.space}/devices`, { identity, body: { device: newDevice(), label: 'A'.repeat(513) } }),
        await server.call('POST', `/api/spaces/${identity.space}/devices`, { identity, body: { device: newDevice(), label: '<b>hi</b>' } }),
        await server.call('GET', `/api/spaces/${identity.space}/pull`, { identity: { ...identity, device: 'bad device' } }),
        await server.call('GET', `/api/spaces/${identity.space}/pull`, { identity: { token: identity.token } }),
        await server.call('GET', '/api/spaces/not*a*space*id*at*all*!/pull', { identity }),
        await server.call('DELETE', `/api/spaces/${identity.space}/devices/x`, { identity }),
      ];
      expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 400, 400]);
      expect(await countRows(database.db)).toEqual(before);
      const tooBig = await server.call('POST', '/api/spaces', { identity: { token }, raw: JSON.stringify({ space: newSpace(), pad: 'x'.repeat(1024 * 1024) }) });
      expect(tooBig.status).toBe(413);
      expect(await countRows(database.db)).toEqual(before);
    });

    test('rate limits per space and per address answer 429 with Retry-After, are kept in the database, and reset with the window', async () => {
      let now = Date.UTC(2030, 0, 1, 12, 0, 10);
      const config = testConfig({ rateLimitSpace: 5, rateLimitAddress: 12, rateWindowSeconds: 60 });
      const roomy = inProcessServer(database.db, testConfig(), () => now);
      const first = inProcessServer(database.db, config, () => now);
      const identity = await roomy.newIdentity();
      const other = await roomy.newIdentity();
      now += 60_000; // the setup's requests counted in the previous window
      const pull = (server: typeof first, who = identity, address = '198.51.100.1') =>
        server.call('GET', `/api/spaces/${who.space}/pull`, { identity: who, address });

      // Five pulls of one space from five addresses: fine; the sixth is one too many for the space.
      for (let i = 0; i < 5; i++) expect((await pull(first, identity, `198.51.100.${10 + i}`)).status).toBe(200);
      const limited = await pull(first, identity, '198.51.100.20');
      expect(limited.status).toBe(429);
      expect(limited.json.error).toBe('rate-limited');
      expect(Number(limited.headers.get('Retry-After'))).toBe(50);
      // Another space is not affected.
      expect((await pull(first, other, '198.51.100.21')).status).toBe(200);
      // A second server process on the same database counts the same window (here: a second app).
      const second = inProcessServer(database.db, config, () => now);
      expect((await pull(second, identity, '198.51.100.22')).status).toBe(429);

      // One address: 12 requests in the window, whatever they are; then 429, even for health.
      for (let i = 0; i < 11; i++) await first.call('GET', '/api/health', { address: '203.0.113.7' });
      expect((await first.call('GET', '/api/health', { address: '203.0.113.7' })).status).toBe(200);
      const addressLimited = await first.call('GET', '/api/health', { address: '203.0.113.7' });
      expect(addressLimited.status).toBe(429);
      expect(addressLimited.headers.get('Retry-After')).toBe('50');
      expect((await first.call('GET', '/api/health', { address: '203.0.113.8' })).status).toBe(200);

      // The next window starts afresh for both.
      now += 60_000;
      expect((await pull(first, identity, '198.51.100.30')).status).toBe(200);
      expect((await first.call('GET', '/api/health', { address: '203.0.113.7' })).status).toBe(200);
    });

    test('the request log names method, short path, status and time, and never a token, a secret or a body', async () => {
      const server = inProcessServer(database.db);
      const identity = await server.newIdentity();
      const op = newOp(200);
      const label = base64url(48);
      const laptop = newDevice();
      await server.call('POST', `/api/spaces/${identity.space}/devices`, { identity, body: { device: laptop, label } });
      await server.call('POST', `/api/spaces/${identity.space}/push`, { identity, body: { ops: [op] } });
      await server.call('GET', `/api/spaces/${identity.space}/pull?after=0&limit=10`, { identity });
      await server.call('GET', `/api/spaces/${identity.space}/devices`, { identity });
      await server.call('GET', `/api/spaces/${identity.space}/pull`, { identity: { ...identity, token: newToken() } });
      await server.call('POST', `/api/spaces/${identity.space}/push`, { identity, raw: `{"token":"${identity.token}"` });
      await server.call('DELETE', `/api/spaces/${identity.space}/devices/${laptop}`, { identity });
      await server.call('DELETE', `/api/spaces/${identity.space}`, { identity });

      const log = server.logs.join('\n');
      expect(server.logs.length).toBe(10); // two to set up, eight above: one line each
      for (const line of server.logs) expect(line).toMatch(/^(GET|POST|DELETE) \/api\/[^ ]* \d{3} \d+\.\dms$/);
      expect(log).toContain(`POST /api/spaces/${identity.space.slice(0, 6)}…/push 200 `);
      expect(log).toContain(`DELETE /api/spaces/${identity.space.slice(0, 6)}…/devices/${laptop.slice(0, 6)}… 204 `);
      expect(log).toContain(`/pull 401 `);
      for (const secret of [identity.token, identity.space, identity.device, laptop, op.data, op.iv, op.id, label, 'after=0']) {
        expect(log).not.toContain(secret);
      }
    });

    test('a fault in the store answers 500 {"error":"server"} without internals, logs no secret, and stores nothing', async () => {
      // The store fails the push's statement, as a lost connection or a full disk would.
      const failing: Database = {
        ...database.db,
        query: (sql, params) =>
          /INSERT INTO ops/.test(sql)
            ? Promise.reject(Object.assign(new Error(`boom near secret-parameter`), { code: 'XX000' }))
            : database.db.query(sql, params),
      } as Database;
      const setup = inProcessServer(database.db);
      const identity = await setup.newIdentity();
      const before = await countRows(database.db);
      const server = inProcessServer(failing);
      const answer = await server.call('POST', `/api/spaces/${identity.space}/push`, { identity, body: { ops: [newOp()] } });
      expect(answer.status).toBe(500);
      expect(answer.json).toEqual({ error: 'server' });
      expect(answer.headers.get('X-Drydock-Protocol')).toBe('1');
      expect(answer.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
      expect(server.logs.join('\n')).not.toContain('secret-parameter');
      expect(server.logs.join('\n')).not.toContain(identity.token);
      expect(server.logs.some((line) => line.startsWith('fault POST Error XX000'))).toBe(true);
      expect(await countRows(database.db)).toEqual(before);
    });
  });
}

test('the request log cuts class link ids like space and device ids: a class id lets anyone read its deck', async () => {
  const { pathForLog } = await import('../../server/request-log.ts');
  const id = 'Zq3vT8n1Lr5sYw0PbK7cXe2M4hU9aJ6d';
  const line = pathForLog(`/api/classes/${id}/versions/3`);
  expect(line).toBe('/api/classes/Zq3vT8…/versions/3');
  expect(line).not.toContain(id);
});
