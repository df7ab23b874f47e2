// PGlite: PostgreSQL compiled to wasm, in this process, storing its files in a data folder.
// One PGlite instance is one connection: it runs one statement at a time and PGlite queues the rest, and
// transaction() holds that connection for the whole transaction, so transactions never interleave.
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { Database, Queryable, QueryResult } from './database.ts';

function wrap(db: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable {
  return {
    async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
      const result = await db.query<Row>(sql, params);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    async version() {
      const { rows } = await db.query<{ server_version: string }>('SHOW server_version');
      return `PGlite (PostgreSQL ${rows[0].server_version})`;
    },
    async close() {
      await db.close();
    },
  };
}
