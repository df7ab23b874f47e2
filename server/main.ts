// The server process (npm start): open and migrate the store, serve the app and the API, stop cleanly on SIGTERM.
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { configFromEnv, type ServerConfig } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './migrate.ts';

async function openStore(config: ServerConfig): Promise<{ db: Database; applied: string[] }> {
  try {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
    return { db, applied: await migrate(db) };
  } catch (error) {
    // A plain sentence, not a stack: the usual causes are a folder in use, a wrong DATABASE_URL, a failed migration.
    process.stderr.write(`Drydock server cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

const config = configFromEnv();
const { db, applied } = await openStore(config);
const log = (line: string) => process.stdout.write(`${line}\n`);
const app = createApp({ config, db, log, now: Date.now });

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const store = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
  log(`Drydock on http://${info.address}:${info.port}/ (app from ${config.dist}, sync store: ${store})`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing open requests`);
  // Stop accepting; requests in flight finish (a push commits or rolls back), then the store closes.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
