// Says which stores the server suite runs on. CI sets DRYDOCK_REQUIRE_POSTGRES, so a run whose PostgreSQL half was
// skipped (no TEST_DATABASE_URL or DATABASE_URL) fails instead of passing quietly.
import { expect, test } from 'vitest';
import { STORES } from './helpers.ts';

test(`the server suite runs on: ${STORES.map((store) => store.title).join(' and ')}`, async () => {
  const kinds = STORES.map((store) => store.kind);
  expect(kinds[0]).toBe('pglite');
  if (process.env.DRYDOCK_REQUIRE_POSTGRES) expect(kinds).toContain('postgres');
  for (const store of STORES) {
    const database = await store.fresh();
    try {
      const version = await database.db.version();
      expect(version).toMatch(store.kind === 'postgres' ? /^PostgreSQL \d+/ : /^PGlite \(PostgreSQL \d+/);
    } finally {
      await database.drop();
    }
  }
});
