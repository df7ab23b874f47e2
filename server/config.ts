// Everything the server reads from its environment, in one place; README "Running the server" lists the same.
import { MIN_COHORT } from '../src/lib/domain/class-deck.ts';

export interface ServerConfig {
  host: string;
  port: number;
  /** The built PWA (vite build's outDir). */
  dist: string;
  /** postgres://… ; absent: embedded PGlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** Connections per server process when on PostgreSQL. */
  poolSize: number;
  /** Requests allowed per space, and per client address, in one fixed window of rateWindowSeconds. */
  rateLimitSpace: number;
  rateLimitAddress: number;
  rateWindowSeconds: number;
  /** Requests allowed per class link in one window (server/routes/classes.ts). */
  rateLimitClass: number;
  /** Sharing students a class needs before its figures show; only tests lower it (DRYDOCK_TEST_MIN_COHORT). */
  classMinCohort: number;
  /** Take the client address from the last X-Forwarded-For entry (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Log one line per request to stdout. */
  requestLog: boolean;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: env.PORT === undefined || env.PORT === '' ? 4173 : Number(env.PORT),
    dist: env.DRYDOCK_DIST || 'dist',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DRYDOCK_DATA || './data',
    poolSize: positiveInt(env, 'DRYDOCK_DB_POOL', 10),
    rateLimitSpace: positiveInt(env, 'DRYDOCK_RATE_SPACE', 600),
    rateLimitAddress: positiveInt(env, 'DRYDOCK_RATE_ADDRESS', 1200),
    rateWindowSeconds: positiveInt(env, 'DRYDOCK_RATE_WINDOW_SECONDS', 60),
    rateLimitClass: positiveInt(env, 'DRYDOCK_RATE_CLASS', 3000),
    // Never above the product's minimum: the setting exists to let a test class of two students see figures.
    classMinCohort: Math.min(MIN_COHORT, positiveInt(env, 'DRYDOCK_TEST_MIN_COHORT', MIN_COHORT)),
    trustProxy: env.DRYDOCK_TRUST_PROXY === '1',
    requestLog: env.DRYDOCK_REQUEST_LOG !== '0',
  };
}
