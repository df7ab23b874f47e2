// PGlite: PostgreSQL compiled to wasm, in this process, storing its files in a data folder.
// One PGlite instance is one connection: it runs one statement at a time and PGlite queues the rest, and
// transaction() holds that connection for the whole transaction, so transactions never interleave.
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, Queryable, QueryResult } from './types.ts';

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

/** PGlite is one process's database: a second process on the same folder would corrupt it, so it is refused. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'drydock-server.pid');
  let holder = NaN;
  try {
    holder = Number(readFileSync(lockFile, 'utf8'));
  } catch {
    // no lock: nobody holds the folder
  }
  if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
    throw new Error(
      `The data folder ${dataDir} is in use by process ${holder}. PGlite serves one process; for several, use PostgreSQL (DATABASE_URL).`,
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openPglite(dataDir: string, dump?: Blob): Promise<Database> {
  const unlock = dataDir.startsWith('memory://') ? () => {} : lockDataDir(dataDir);
  let db: PGlite;
  try {
    // PGlite's files in a folder of their own, beside the lock.
    db = await PGlite.create(dataDir.startsWith('memory://') ? dataDir : join(dataDir, 'pglite'), dump ? { loadDataDir: dump } : {});
  } catch (error) {
    unlock();
    throw error;
  }
  const base = wrap(db);
  return {
    kind: 'pglite',
    ...base,
    // PGlite commits without fsync anyway (see README, Durability).
    relaxed: base,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    async version() {
      const { rows } = await db.query<{ server_version: string }>('SHOW server_version');
      return `PGlite (PostgreSQL ${rows[0].server_version})`;
    },
    async close() {
      if (!db.closed) await db.close();
      unlock();
    },
  };
}
