// kill -9 in the middle of pushes: every push the server acknowledged is there after a restart, and every push is
// all or nothing. A real server process on a file-backed store: PGlite in a data folder, and PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { callUrl, newDevice, newOp, newSpace, newToken, startChildServer, STORES, type ChildServer, type Identity } from './helpers.ts';

for (const store of STORES) {
  describe(`kill -9 mid-push on ${store.title}`, () => {
    const cleanups: (() => Promise<void> | void)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    async function storeEnv(): Promise<Record<string, string>> {
      if (store.kind === 'pglite') {
        const dir = mkdtempSync(join(tmpdir(), 'drydock-crash-'));
        cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
        return { DRYDOCK_DATA: dir };
      }
      const database = await store.fresh();
      await database.db.close();
      cleanups.push(() => database.drop());
      return { DATABASE_URL: database.url! };
    }

    test('acknowledged pushes survive, unacknowledged ones are whole or absent', async () => {
      const env = { ...(await storeEnv()), DRYDOCK_RATE_SPACE: '1000000', DRYDOCK_RATE_ADDRESS: '1000000' };
      let server: ChildServer = await startChildServer(env);
      cleanups.push(() => server.kill9());

      const identity: Identity = { space: newSpace(), token: newToken(), device: newDevice() };
      expect((await callUrl(server.url, 'POST', '/api/spaces', identity, { space: identity.space })).status).toBe(201);

      const acknowledged = new Set<string>();
      const attempted: string[][] = [];
      let inFlight = 0;
      let inFlightAtKill = -1;
      let stop = false;
      // Four devices push 50-op batches as fast as they can until the process dies under them.
      const pushers = Array.from({ length: 4 }, async () => {
        while (!stop) {
          const ops = Array.from({ length: 50 }, () => newOp(300));
          attempted.push(ops.map((op) => op.id));
          inFlight++;
          try {
            const answer = await callUrl(server.url, 'POST', `/api/spaces/${identity.space}/push`, identity, { ops });
            if (answer.status === 200 && answer.json.accepted === 50) for (const op of ops) acknowledged.add(op.id);
          } catch {
            // the connection died with the process: this push was not acknowledged
            stop = true;
          } finally {
            inFlight--;
          }
        }
      });
      // Let some pushes land, then kill while others are being written.
      while (acknowledged.size < 1000) await new Promise((resolve) => setTimeout(resolve, 5));
      inFlightAtKill = inFlight;
      await server.kill9();
      stop = true;
      await Promise.all(pushers);
      expect(inFlightAtKill).toBeGreaterThan(0);

      server = await startChildServer(env);
      const stored = new Map<string, number>();
      let after = 0;
      for (;;) {
        const page = await callUrl(server.url, 'GET', `/api/spaces/${identity.space}/pull?after=${after}`, identity);
        expect(page.status).toBe(200);
        for (const op of page.json.ops) {
          expect(stored.has(op.id)).toBe(false);
          stored.set(op.id, op.seq);
        }
        after = page.json.last;
        if (!page.json.more) break;
      }
      const missing = [...acknowledged].filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      // Each push is one transaction: all 50 of its ops, or none.
      for (const batch of attempted) {
        const present = batch.filter((id) => stored.has(id)).length;
        expect([0, 50]).toContain(present);
      }
      // Numbers are dense from 1: nothing half-written left a gap.
      expect([...stored.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: stored.size }, (_, i) => i + 1));
      // And the space still takes pushes after recovery.
      const more = await callUrl(server.url, 'POST', `/api/spaces/${identity.space}/push`, identity, { ops: [newOp()] });
      expect(more.json).toMatchObject({ accepted: 1, last: stored.size + 1 });
      expect(await server.stop()).toBe(0);
    });
  });
}
