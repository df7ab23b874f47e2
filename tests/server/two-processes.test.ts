// Several server processes share one PostgreSQL: they start together (migrations once), and serving one space in
// turns, or at the same time, gives the same operations in the same order as one process would.
// PGlite is one process's database: a second process on the same data folder is refused (tested too).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { readMigrations } from '../../server/migrate.ts';
import { callUrl, newDevice, newOp, newSpace, newToken, startChildServer, STORES, type ChildServer, type Identity } from './helpers.ts';

const postgres = STORES.find((store) => store.kind === 'postgres');

async function pullAll(server: ChildServer, identity: Identity) {
  const ops: { seq: number; id: string; device: string; iv: string; data: string }[] = [];
  let after = 0;
  for (;;) {
    const page = await callUrl(server.url, 'GET', `/api/spaces/${identity.space}/pull?after=${after}&limit=137`, identity);
    expect(page.status).toBe(200);
    ops.push(...page.json.ops);
    after = page.json.last;
    if (!page.json.more) return ops;
  }
}

describe('the PGlite data folder', () => {
  test('a second server process on the same folder is refused with a plain message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-two-'));
    const first = await startChildServer({ DRYDOCK_DATA: dir });
    try {
      await expect(startChildServer({ DRYDOCK_DATA: dir })).rejects.toThrow(/cannot start: The data folder .* is in use by process \d+/);
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      await first.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

if (postgres) {
  describe(`two server processes on one ${postgres.title}`, () => {
    const cleanups: (() => Promise<unknown>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    test('start together, apply each migration once, and serve one space alternately and concurrently with one result', async () => {
      const database = await postgres.fresh();
      // An empty database: the two processes race to migrate it.
      await database.db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      await database.db.close();
      cleanups.push(() => database.drop());
      const env = { DATABASE_URL: database.url!, DRYDOCK_RATE_SPACE: '100000', DRYDOCK_RATE_ADDRESS: '100000' };
      const [a, b] = await Promise.all([startChildServer(env), startChildServer(env)]);
      cleanups.push(() => a.stop(), () => b.stop());
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const migrations = await client.query('SELECT version FROM schema_migrations ORDER BY version');
      await client.end();
      expect(migrations.rows.map((row) => row.version)).toEqual(readMigrations().map((m) => m.version));
      // Each migration was applied by exactly one of them. The lock is taken per migration, so one process may apply
      // the first file and the other the next: between them they name every file once.
      const appliedBy = (output: string) => /applied migrations: (.*)/.exec(output)?.[1].split(', ') ?? [];
      expect([...appliedBy(a.output()), ...appliedBy(b.output())].sort()).toEqual(readMigrations().map((m) => m.name).sort());

      const identity: Identity = { space: newSpace(), token: newToken(), device: newDevice() };
      expect((await callUrl(a.url, 'POST', '/api/spaces', identity, { space: identity.space })).status).toBe(201);
      expect((await callUrl(b.url, 'POST', '/api/spaces', identity, { space: identity.space })).status).toBe(200);
      const phone = { ...identity, device: newDevice() };

      // Alternately: each process takes a push, and each sees the other's.
      const pushed: string[] = [];
      for (let round = 0; round < 6; round++) {
        const [server, who] = round % 2 === 0 ? [a, identity] : [b, phone];
        const ops = Array.from({ length: 25 }, () => newOp(120));
        const answer = await callUrl(server.url, 'POST', `/api/spaces/${identity.space}/push`, who, { ops });
        expect(answer.json).toEqual({ accepted: 25, duplicates: 0, last: (round + 1) * 25 });
        pushed.push(...ops.map((op) => op.id));
        // A retry of the same push through the other process is all duplicates.
        const retry = await callUrl((server === a ? b : a).url, 'POST', `/api/spaces/${identity.space}/push`, who, { ops });
        expect(retry.json).toEqual({ accepted: 0, duplicates: 25, last: (round + 1) * 25 });
      }
      // At the same time: both processes take pushes of overlapping ops; each op is stored once, numbers stay dense.
      const shared = Array.from({ length: 40 }, () => newOp(80));
      const bursts = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          callUrl((i % 2 === 0 ? a : b).url, 'POST', `/api/spaces/${identity.space}/push`, i % 2 === 0 ? identity : phone, {
            ops: [...shared.slice(i * 3, i * 3 + 20), newOp(80)],
          }),
        ),
      );
      expect(bursts.every((burst) => burst.status === 200)).toBe(true);
      const fromA = await pullAll(a, identity);
      const fromB = await pullAll(b, phone);
      expect(fromB).toEqual(fromA);
      // Numbers only increase. (Two pushes of the same op racing may leave a number unused; that is all.)
      expect(fromA.every((op, i) => i === 0 || op.seq > fromA[i - 1].seq)).toBe(true);
      expect(fromA.slice(0, pushed.length).map((op) => op.seq)).toEqual(Array.from({ length: pushed.length }, (_, i) => i + 1));
      expect(new Set(fromA.map((op) => op.id)).size).toBe(fromA.length);
      expect(fromA.slice(0, pushed.length).map((op) => op.id)).toEqual(pushed);
      // Between them the bursts carried all 40 shared ops (overlapping) and one fresh op each.
      const afterAlternating = new Set(fromA.slice(pushed.length).map((op) => op.id));
      expect(shared.every((op) => afterAlternating.has(op.id))).toBe(true);
      expect(afterAlternating.size).toBe(shared.length + 8);
      expect(bursts.reduce((sum, burst) => sum + burst.json.accepted, 0)).toBe(shared.length + 8);
    });
  });
}
