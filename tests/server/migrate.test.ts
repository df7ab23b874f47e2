import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate, readMigrations } from '../../server/migrate.ts';
import { STORES, type TestDatabase } from './helpers.ts';

describe('migration files', () => {
  test('are read in number order and a bad name or a repeated number is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-migrations-'));
    try {
      writeFileSync(join(dir, '002-second.sql'), 'SELECT 2;');
      writeFileSync(join(dir, '010-tenth.sql'), 'SELECT 10;');
      writeFileSync(join(dir, '001-first.sql'), 'SELECT 1;');
      writeFileSync(join(dir, 'notes.md'), 'not a migration');
      expect(readMigrations(dir).map((m) => m.name)).toEqual(['001-first.sql', '002-second.sql', '010-tenth.sql']);
      writeFileSync(join(dir, '2-again.sql'), 'SELECT 2;');
      expect(() => readMigrations(dir)).toThrow(/share number 2/);
      rmSync(join(dir, '2-again.sql'));
      writeFileSync(join(dir, 'third.sql'), 'SELECT 3;');
      expect(() => readMigrations(dir)).toThrow(/001-name\.sql/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const store of STORES) {
  describe(`migrations on ${store.title}`, () => {
    let database: TestDatabase;
    let dir: string;
    beforeAll(async () => {
      database = await store.fresh(); // already migrated with the real files
      dir = mkdtempSync(join(tmpdir(), 'drydock-migrations-'));
      mkdirSync(dir, { recursive: true });
    });
    afterAll(async () => {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the real migrations are recorded, and running them again applies nothing', async () => {
      const { rows } = await database.db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
      expect(await migrate(database.db)).toEqual([]);
    });

    test('a new file is applied once; a failing one rolls back whole and is not recorded', async () => {
      const base = readMigrations();
      const added = [...base, { version: 900, name: '900-notes.sql', sql: 'CREATE TABLE notes (id int); INSERT INTO notes VALUES (1);' }];
      expect(await migrate(database.db, added)).toEqual(['900-notes.sql']);
      expect(await migrate(database.db, added)).toEqual([]);
      const broken = [...added, { version: 901, name: '901-broken.sql', sql: 'CREATE TABLE half (id int); SELECT nonsense FROM nowhere;' }];
      await expect(migrate(database.db, broken)).rejects.toThrow();
      const half = await database.db.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half'");
      expect(half.rows[0].n).toBe(0);
      const recorded = await database.db.query<{ version: number }>('SELECT version FROM schema_migrations WHERE version >= 900');
      expect(recorded.rows.map((r) => r.version)).toEqual([900]);
    });

    test('two migrators at once apply each file once', async () => {
      const added = [...readMigrations(), { version: 950, name: '950-counter.sql', sql: 'CREATE TABLE counter (n int); INSERT INTO counter VALUES (1);' }];
      const [one, two] = await Promise.all([migrate(database.db, added), migrate(database.db, added)]);
      expect([...one, ...two]).toEqual(['950-counter.sql']);
      const { rows } = await database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM counter');
      expect(rows[0].n).toBe(1);
    });
  });
}
