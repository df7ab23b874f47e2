// Test stores and servers. PGlite always; PostgreSQL as well when TEST_DATABASE_URL (or DATABASE_URL) names a
// server, each test file getting its own fresh database there so files never see each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../server/app.ts';
import { configFromEnv, type ServerConfig } from '../../server/config.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { migrate } from '../../server/migrate.ts';
import { emptyClusterDump } from '../support/pglite-dump.ts';

// Server processes for tests and benches live in ../support/child-server.ts (no test framework in it).
export { freePort, startChildServer, type ChildServer } from '../support/child-server.ts';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

export interface Store {
  /** For describe titles: "PGlite (PostgreSQL 18.x)" or "PostgreSQL 15.8". */
  title: string;
  kind: 'pglite' | 'postgres';
  /** A new, empty database (PGlite in memory, or a fresh PostgreSQL database), migrated. */
  fresh(): Promise<TestDatabase>;
}

export interface TestDatabase {
  db: Database;
  /** For a child server process: DATABASE_URL, or undefined for PGlite. */
  url?: string;
  drop(): Promise<void>;
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

/** A new database on the PostgreSQL server of `adminUrl`, and its URL. */
export async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `drydock_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

// A fresh PGlite store starts from the dump of an empty cluster instead of running initdb (support/pglite-dump.ts), and
// applies the real migration files like any new database.
const pgliteStore: Store = {
  title: 'PGlite (embedded)',
  kind: 'pglite',
  async fresh() {
    const db = await openDatabase({ dataDir: 'memory://', pgliteDump: await emptyClusterDump() });
    await migrate(db);
    return { db, drop: () => db.close() };
  },
};

export const STORES: Store[] = [pgliteStore];
if (POSTGRES_URL) {
  const adminUrl = POSTGRES_URL;
  STORES.push({
    title: `PostgreSQL ${await postgresVersion(adminUrl)}`,
    kind: 'postgres',
    async fresh() {
      const created = await createPostgresDatabase(adminUrl);
      const db = await openDatabase({ databaseUrl: created.url, dataDir: '' });
      await migrate(db);
      return {
        db,
        url: created.url,
        async drop() {
          await db.close();
          await created.drop();
        },
      };
    },
  });
}

export const base64url = (bytes: number) => randomBytes(bytes).toString('base64url');
export const newSpace = () => base64url(16);
export const newToken = () => base64url(32);
export const newDevice = () => base64url(16);
export const newOp = (size = 300) => ({ id: crypto.randomUUID(), iv: base64url(12), data: base64url(size) });

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...configFromEnv({}), dist: 'tests/server/no-dist', ...overrides };
}

/** One space with its token and one registered device, as an app sees it. */
export interface Identity {
  space: string;
  token: string;
  device: string;
}

export interface CallOptions {
  identity?: Partial<Identity>;
  body?: unknown;
  /** A raw body (string) instead of JSON.stringify(body). */
  raw?: string;
  headers?: Record<string, string>;
  protocol?: string | null;
  address?: string;
}

/** The app in this process over `db`, with its log lines kept in `logs`. */
export function inProcessServer(db: Database, config: ServerConfig = testConfig(), now = () => Date.now()) {
  const logs: string[] = [];
  const app = createApp({ config, db, log: (line) => logs.push(line), now });
  async function call(method: string, path: string, options: CallOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.protocol !== null) headers['X-Drydock-Protocol'] = options.protocol ?? '1';
    if (options.identity?.token) headers.Authorization = `Bearer ${options.identity.token}`;
    if (options.identity?.device) headers['X-Drydock-Device'] = options.identity.device;
    if (options.address) headers['X-Test-Address'] = options.address;
    let body: string | undefined = options.raw;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await app.request(path, { method, headers, body });
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  }
  /** Creates a space and registers one device in it. */
  async function newIdentity(): Promise<Identity> {
    const identity = { space: newSpace(), token: newToken(), device: newDevice() };
    const created = await call('POST', '/api/spaces', { identity, body: { space: identity.space } });
    if (created.status !== 201) throw new Error(`space not created: ${created.status} ${created.text}`);
    const registered = await call('POST', `/api/spaces/${identity.space}/devices`, {
      identity,
      body: { device: identity.device, label: base64url(24) },
    });
    if (registered.status !== 201) throw new Error(`device not registered: ${registered.status} ${registered.text}`);
    return identity;
  }
  return { app, logs, call, newIdentity };
}

/** fetch against a child server with the protocol, token and device headers. */
export async function callUrl(base: string, method: string, path: string, identity: Identity, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      'X-Drydock-Protocol': '1',
      Authorization: `Bearer ${identity.token}`,
      'X-Drydock-Device': identity.device,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}
