// Fixed-window request counters kept in the database, so every server process on one PostgreSQL shares them and a
// restart does not reset them. One upsert per request: here for the address alone; the space guard counts the
// address and the space in its own statement.
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Queryable } from './db/database.ts';
import { fail, type AppDeps } from './http.ts';
import { SPACE_ROUTE } from './space-guard.ts';

/** The fixed window `nowMs` falls in: its start (seconds) and the seconds left (for Retry-After). */
export function windowOf(nowMs: number, windowSeconds: number): { start: number; retryAfter: number } {
  const now = Math.floor(nowMs / 1000);
  const start = now - (now % windowSeconds);
  return { start, retryAfter: Math.max(1, start + windowSeconds - now) };
}

export async function hit(db: Queryable, bucket: string, windowStart: number): Promise<number> {
  const { rows } = await db.query<{ hits: number }>(
    `INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
     RETURNING hits`,
    [bucket, windowStart],
  );
  return rows[0].hits;
}

export function tooMany(c: Context, retryAfter: number) {
  c.header('Retry-After', String(retryAfter));
  return fail(c, 429, 'rate-limited', 'Too many requests. Try again in a minute.');
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw; earlier entries are whatever the client sent.
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests calling app.request) have no socket.
    return c.req.header('X-Test-Address') ?? 'local';
  }
}

/** Now and then (one request in a hundred), drop the counters of windows that have ended. */
export async function pruneNowAndThen(db: Queryable, windowStart: number) {
  if (Math.random() < 0.01) await db.query('DELETE FROM rate_limits WHERE window_start < $1', [windowStart]);
}

/** Per client address, on every API request outside the space routes (whose guard counts it). */
export function addressRateLimit(deps: AppDeps): MiddlewareHandler {
  const { rateLimitAddress, rateWindowSeconds, trustProxy } = deps.config;
  return async (c, next) => {
    if (SPACE_ROUTE.test(c.req.path)) return next();
    const window = windowOf(deps.now(), rateWindowSeconds);
    const hits = await hit(deps.db.relaxed, `addr:${clientAddress(c, trustProxy)}`, window.start);
    await pruneNowAndThen(deps.db.relaxed, window.start);
    if (hits > rateLimitAddress) return tooMany(c, window.retryAfter);
    await next();
  };
}
