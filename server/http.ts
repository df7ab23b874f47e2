// Shared pieces of the HTTP layer: the app's context type, JSON error answers, and the protocol version.
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';

export const PROTOCOL = 1;
export const MIN_PROTOCOL = 1;

export interface AppDeps {
  config: ServerConfig;
  db: Database;
  /** Where request log lines and fault notes go (stdout in the process; a buffer in tests). */
  log: (line: string) => void;
  /** Milliseconds since the epoch; tests move it to cross rate-limit windows. */
  now: () => number;
}

/** What the space guard leaves for the route handlers. */
export interface AppEnv {
  Variables: { space: string; device: string; /** The file serveStatic sent, for its Cache-Control. */ staticFile?: string };
}

export type App = Hono<AppEnv>;
/** A file under server/routes/ exports one of these; server/app.ts calls it. */
export type RegisterRoutes = (app: App, deps: AppDeps) => void;

export function fail(c: Context, status: ContentfulStatusCode, error: string, message?: string) {
  return c.json(message === undefined ? { error } : { error, message }, status);
}
