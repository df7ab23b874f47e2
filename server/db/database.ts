// One tiny interface over both stores, so every route and migration is the same SQL on PGlite and PostgreSQL.

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** Something that runs SQL: the database itself (one statement, autocommit) or an open transaction. */
export interface Queryable {
  /** One statement with $1-style parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Several statements separated by semicolons, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * For bookkeeping that may be lost in a crash (rate-limit counters, last-seen times): its commits do not wait for
   * the disk (synchronous_commit off). Every request of one client address updates the same counter row, and a
   * row lock held through a disk flush would let that address make only a few hundred requests a second.
   */
  readonly relaxed: Queryable;
  /** Runs `work` in one READ COMMITTED transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** The server's version string, e.g. "PostgreSQL 15.8". */
  version(): Promise<string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… ; when absent the embedded PGlite store is used. */
  databaseUrl?: string;
  /** PGlite's data folder; 'memory://' keeps it in memory (tests). */
  dataDir: string;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(options.databaseUrl, options.poolSize);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(options.dataDir);
}
