// PostgreSQL through node-postgres: a pool, and one pooled client held for each transaction.
import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.ts';

// int8 (bigint: sequence numbers) as a JS number, as PGlite returns it; sequences stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
      const result = await client.query(sql, params);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string) {
      // Without parameters node-postgres uses the simple protocol, which takes several statements.
      await client.query(sql);
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const relaxedPool = new pg.Pool({ connectionString: url, max: Math.max(2, Math.ceil(poolSize / 2)), options: '-c synchronous_commit=off' });
  // An idle client that loses its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  relaxedPool.on('error', () => {});
  const base = wrap(pool);
  return {
    kind: 'postgres',
    ...base,
    relaxed: wrap(relaxedPool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async version() {
      const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
      return `PostgreSQL ${rows[0].server_version}`;
    },
    async close() {
      if (!pool.ended) await pool.end();
      if (!relaxedPool.ended) await relaxedPool.end();
    },
  };
}
