// One tiny interface over both stores, so every route and migration is the same SQL on PGlite and PostgreSQL.

import type { Database } from './types.ts';

// The interfaces live in types.ts, which both stores implement; re-exported for the routes.
export type { Database, Queryable, QueryResult } from './types.ts';

export interface OpenOptions {
  /** postgres://… ; when absent the embedded PGlite store is used. */
  databaseUrl?: string;
  /** PGlite's data folder; 'memory://' keeps it in memory (tests). */
  dataDir: string;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
  /** PGlite only: a new data folder starts from this dump (PGlite's dumpDataDir) instead of running initdb. */
  pgliteDump?: Blob;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(options.databaseUrl, options.poolSize);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(options.dataDir, options.pgliteDump);
}
