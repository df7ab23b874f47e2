// The contract of SYNC-API.md, route by route, on every store.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { base64url, inProcessServer, newDevice, newOp, newSpace, newToken, STORES, type TestDatabase } from './helpers.ts';

for (const store of STORES) {
  describe(`sync API on ${store.title}`, () => {
    let database: TestDatabase;
    let server: ReturnType<typeof inProcessServer>;
    beforeAll(async () => {
      database = await store.fresh();
      server = inProcessServer(database.db);
    });
    afterAll(() => database.drop());

    test('health answers with the protocol range, and every API answer carries the protocol headers', async () => {
      const health = await server.call('GET', '/api/health', { protocol: null });
      expect(health.status).toBe(200);
      expect(health.json).toEqual({ ok: true, protocol: 1, minProtocol: 1 });
      expect(health.headers.get('X-Drydock-Protocol')).toBe('1');
      expect(health.headers.get('X-Drydock-Min-Protocol')).toBe('1');
      const missing = await server.call('GET', '/api/nothing-here');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('X-Drydock-Protocol')).toBe('1');
    });

    test('an app without the protocol header, or below the minimum, is told to update; a newer one is served', async () => {
      const identity = await server.newIdentity();
      for (const protocol of [null, '0', 'one']) {
        const old = await server.call('GET', `/api/spaces/${identity.space}/pull`, { identity, protocol });
        expect(old.status).toBe(426);
        expect(old.json).toEqual({ error: 'update-app', message: 'This app is older than the sync server. Reload to update Drydock.' });
        expect(old.headers.get('X-Drydock-Min-Protocol')).toBe('1');
      }
      const newer = await server.call('GET', `/api/spaces/${identity.space}/pull`, { identity, protocol: '2' });
      expect(newer.status).toBe(200);
      expect(newer.headers.get('X-Drydock-Protocol')).toBe('1');
    });

    test('creating a space is idempotent for its token and refused for another', async () => {
      const space = newSpace();
      const token = newToken();
      const first = await server.call('POST', '/api/spaces', { identity: { token }, body: { space } });
      expect([first.status, first.json]).toEqual([201, { space }]);
      const again = await server.call('POST', '/api/spaces', { identity: { token }, body: { space } });
      expect([again.status, again.json]).toEqual([200, { space }]);
      const other = await server.call('POST', '/api/spaces', { identity: { token: newToken() }, body: { space } });
      expect([other.status, other.json]).toEqual([409, { error: 'space-exists' }]);
      const noToken = await server.call('POST', '/api/spaces', { body: { space: newSpace() } });
      expect(noToken.status).toBe(401);
      const badSpace = await server.call('POST', '/api/spaces', { identity: { token }, body: { space: 'short' } });
      expect(badSpace.status).toBe(400);
    });

    test('push stores new operations once, counts repeats as duplicates, and numbers them in order', async () => {
      const identity = await server.newIdentity();
      const ops = [newOp(), newOp(), newOp()];
      const first = await server.call('POST', `/api/spaces/${identity.space}/push`, { identity, body: { ops } });
      expect([first.status, first.json]).toEqual([200, { accepted: 3, duplicates: 0, last: 3 }]);
      // A retry after a lost answer, plus one new op, plus the new op twice in the same push.
      const extra = newOp();
      const retry = await server.call('POST', `/api/spaces/${identity.space}/push`, { identity, body: { ops: [...ops, extra, extra] } });
      expect([retry.status, retry.json]).toEqual([200, { accepted: 1, duplicates: 4, last: 4 }]);
      const empty = await server.call('POST', `/api/spaces/${identity.space}/push`, { identity, body: { ops: [] } });
      expect(empty.json).toEqual({ accepted: 0, duplicates: 0, last: 4 });

      const pulled = await server.call('GET', `/api/spaces/${identity.space}/pull?after=0`, { identity });
      expect(pulled.status).toBe(200);
      expect(pulled.json).toEqual({
        ops: [...ops, extra].map((op, index) => ({ seq: index + 1, id: op.id, device: identity.device, iv: op.iv, data: op.data })),
        last: 4,
        more: false,
      });
    });

    test('pull pages with after and limit, and says whether there is more', async () => {
      const identity = await server.newIdentity();
      const ops = Array.from({ length: 7 }, () => newOp(40));
      await server.call('POST', `/api/spaces/${identity.space}/push`, { identity, body: { ops } });
      const seen: string[] = [];
      let after = 0;
      const pages: boolean[] = [];
      for (;;) {
        const page = await server.call('GET', `/api/spaces/${identity.space}/pull?after=${after}&limit=3`, { identity });
        expect(page.status).toBe(200);
        seen.push(...page.json.ops.map((op: { id: string }) => op.id));
        pages.push(page.json.more);
        after = page.json.last;
        if (!page.json.more) break;
      }
      expect(seen).toEqual(ops.map((op) => op.id));
      expect(pages).toEqual([true, true, false]);
      const none = await server.call('GET', `/api/spaces/${identity.space}/pull?after=7`, { identity });
      expect(none.json).toEqual({ ops: [], last: 7, more: false });
      for (const query of ['after=-1', 'after=x', 'limit=0', 'limit=501', 'limit=2.5', 'after=1e3']) {
        const bad = await server.call('GET', `/api/spaces/${identity.space}/pull?${query}`, { identity });
        expect(bad.status, query).toBe(400);
        expect(bad.json.error).toBe('bad-request');
      }
    });

    test('a device pulling while others push never skips an op, whatever order the pushes commit in', async () => {
      const identity = await server.newIdentity();
      const pushers = Array.from({ length: 4 }, () => ({ ...identity, device: newDevice() }));
      const sent: string[] = [];
      let pushing = true;
      const pushes = Promise.all(
        pushers.map(async (who) => {
          for (let i = 0; i < 10; i++) {
            const ops = Array.from({ length: 20 }, () => newOp(60));
            const answer = await server.call('POST', `/api/spaces/${identity.space}/push`, { identity: who, body: { ops } });
            expect(answer.status).toBe(200);
            sent.push(...ops.map((op) => op.id));
          }
        }),
      ).finally(() => (pushing = false));
      const seen = new Set<string>();
      let cursor = 0;
      const pullOnce = async () => {
        const page = await server.call('GET', `/api/spaces/${identity.space}/pull?after=${cursor}&limit=50`, { identity });
        for (const op of page.json.ops) seen.add(op.id);
        cursor = page.json.last;
        return page.json.more as boolean;
      };
      while (pushing) await pullOnce();
      await pushes;
      while (await pullOnce());
      expect(seen.size).toBe(800);
      expect(sent.every((id) => seen.has(id))).toBe(true);
    });

    test('an unknown space and a wrong token get the same 401', async () => {
      const identity = await server.newIdentity();
      const wrongToken = await server.call('GET', `/api/spaces/${identity.space}/pull`, { identity: { ...identity, token: newToken() } });
      const unknown = await server.call('GET', `/api/spaces/${newSpace()}/pull`, { identity });
      const noToken = await server.call('GET', `/api/spaces/${identity.space}/pull`, { identity: { device: identity.device } });
      for (const answer of [wrongToken, unknown, noToken]) {
        expect(answer.status).toBe(401);
        expect(answer.json).toEqual({ error: 'unauthorized' });
      }
    });

    test("one space can never read or write another's operations", async () => {
      const alice = await server.newIdentity();
      const mallory = await server.newIdentity();
      const secret = newOp();
      await server.call('POST', `/api/spaces/${alice.space}/push`, { identity: alice, body: { ops: [secret] } });

      // Mallory's own token against Alice's space: refused for every route.
      const asMallory = { ...mallory, space: alice.space };
      const attempts = [
        await server.call('GET', `/api/spaces/${alice.space}/pull`, { identity: asMallory }),
        await server.call('POST', `/api/spaces/${alice.space}/push`, { identity: asMallory, body: { ops: [newOp()] } }),
        await server.call('GET', `/api/spaces/${alice.space}/devices`, { identity: asMallory }),
        await server.call('POST', `/api/spaces/${alice.space}/devices`, { identity: asMallory, body: { device: newDevice(), label: 'aaaa' } }),
        await server.call('DELETE', `/api/spaces/${alice.space}/devices/${alice.device}`, { identity: asMallory }),
        await server.call('DELETE', `/api/spaces/${alice.space}`, { identity: asMallory }),
      ];
      expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);

      // Pushing Alice's op id into Mallory's space is a new op there and leaves Alice's untouched.
      const copy = { ...secret, data: base64url(30) };
      const pushed = await server.call('POST', `/api/spaces/${mallory.space}/push`, { identity: mallory, body: { ops: [copy] } });
      expect(pushed.json).toEqual({ accepted: 1, duplicates: 0, last: 1 });
      const malloryPull = await server.call('GET', `/api/spaces/${mallory.space}/pull`, { identity: mallory });
      expect(malloryPull.json.ops.map((op: { data: string }) => op.data)).toEqual([copy.data]);
      const alicePull = await server.call('GET', `/api/spaces/${alice.space}/pull`, { identity: alice });
      expect(alicePull.json.ops).toEqual([{ seq: 1, id: secret.id, device: alice.device, iv: secret.iv, data: secret.data }]);
      const aliceDevices = await server.call('GET', `/api/spaces/${alice.space}/devices`, { identity: alice });
      expect(aliceDevices.json.devices.map((d: { device: string; removed: boolean }) => [d.device, d.removed])).toEqual([[alice.device, false]]);
    });

    test('devices: registered, listed, relabelled, and once removed refused everywhere', async () => {
      const identity = await server.newIdentity();
      const laptop = { ...identity, device: newDevice() };
      const label = base64url(60);
      const added = await server.call('POST', `/api/spaces/${identity.space}/devices`, { identity: laptop, body: { device: laptop.device, label } });
      expect([added.status, added.json]).toEqual([201, { device: laptop.device }]);
      const relabelled = await server.call('POST', `/api/spaces/${identity.space}/devices`, {
        identity: laptop,
        body: { device: laptop.device, label: 'bmV3' },
      });
      expect(relabelled.status).toBe(200);

      const listed = await server.call('GET', `/api/spaces/${identity.space}/devices`, { identity });
      expect(listed.status).toBe(200);
      const laptopEntry = listed.json.devices.find((d: { device: string }) => d.device === laptop.device);
      expect(laptopEntry).toMatchObject({ device: laptop.device, label: 'bmV3', removed: false });
      expect(Date.parse(laptopEntry.createdAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(Date.parse(laptopEntry.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);

      const removed = await server.call('DELETE', `/api/spaces/${identity.space}/devices/${laptop.device}`, { identity });
      expect(removed.status).toBe(204);
      for (const [method, path, body] of [
        ['GET', `/api/spaces/${identity.space}/pull`, undefined],
        ['POST', `/api/spaces/${identity.space}/push`, { ops: [newOp()] }],
        ['GET', `/api/spaces/${identity.space}/devices`, undefined],
        ['POST', `/api/spaces/${identity.space}/devices`, { device: laptop.device, label: 'YWJj' }],
      ] as const) {
        const answer = await server.call(method, path, { identity: laptop, body });
        expect(answer.status, `${method} ${path}`).toBe(403);
        expect(answer.json.error).toBe('device-removed');
      }
      // Registering the removed id from another device does not bring it back either.
      const readd = await server.call('POST', `/api/spaces/${identity.space}/devices`, { identity, body: { device: laptop.device, label: 'YWJj' } });
      expect(readd.status).toBe(403);
      const after = await server.call('GET', `/api/spaces/${identity.space}/devices`, { identity });
      expect(after.json.devices.find((d: { device: string }) => d.device === laptop.device)).toMatchObject({ removed: true, label: 'bmV3' });
      const pulled = await server.call('GET', `/api/spaces/${identity.space}/pull`, { identity });
      expect(pulled.json.ops).toEqual([]);
    });

    test('deleting a space deletes its devices and operations, and the id can then be created anew', async () => {
      const identity = await server.newIdentity();
      await server.call('POST', `/api/spaces/${identity.space}/push`, { identity, body: { ops: [newOp(), newOp()] } });
      const deleted = await server.call('DELETE', `/api/spaces/${identity.space}`, { identity });
      expect(deleted.status).toBe(204);
      expect((await server.call('GET', `/api/spaces/${identity.space}/pull`, { identity })).status).toBe(401);
      const rows = await database.db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM ops WHERE space_id = $1)::int + (SELECT count(*) FROM devices WHERE space_id = $1)::int AS n`,
        [identity.space],
      );
      expect(rows.rows[0].n).toBe(0);
      const recreated = await server.call('POST', '/api/spaces', { identity: { token: newToken() }, body: { space: identity.space } });
      expect(recreated.status).toBe(201);
    });

    test('the server stores the token only as its sha256', async () => {
      const identity = await server.newIdentity();
      const { rows } = await database.db.query<{ token_hash: Uint8Array }>('SELECT token_hash FROM spaces WHERE id = $1', [identity.space]);
      const { createHash } = await import('node:crypto');
      expect(Buffer.from(rows[0].token_hash).equals(createHash('sha256').update(identity.token).digest())).toBe(true);
      const dump = await database.db.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM (SELECT * FROM spaces UNION ALL SELECT * FROM spaces WHERE false) t`,
      );
      expect(dump.rows.some((r) => r.row.includes(identity.token))).toBe(false);
    });
  });
}
