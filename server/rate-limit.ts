// Fixed-window request counters kept in the database, so every server process on one PostgreSQL shares them and a
// restart does not reset them. One upsert per counted request.
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { RateLimit } from './config.ts';
import type { Queryable } from './db/database.ts';
import { fail, type AppDeps } from './http.ts';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window ends (for Retry-After). */
  retryAfter: number;
}

export async function hit(db: Queryable, bucket: string, rule: RateLimit, nowMs: number): Promise<RateDecision> {
  const now = Math.floor(nowMs / 1000);
  const windowStart = now - (now % rule.windowSeconds);
  const { rows } = await db.query<{ hits: number }>(
    `INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
     RETURNING hits`,
    [bucket, windowStart],
  );
  // Now and then, drop windows that have ended; which request does it does not matter.
  if (Math.random() < 0.01) {
    await db.query('DELETE FROM rate_limits WHERE window_start < $1', [windowStart - rule.windowSeconds]);
  }
  return { allowed: rows[0].hits <= rule.limit, retryAfter: windowStart + rule.windowSeconds - now };
}

export function tooMany(c: Context, decision: RateDecision) {
  c.header('Retry-After', String(Math.max(1, decision.retryAfter)));
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

/** Per client address, on every API request. */
export function addressRateLimit(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    const address = clientAddress(c, deps.config.trustProxy);
    const decision = await hit(deps.db, `addr:${address}`, deps.config.rateLimitAddress, deps.now());
    if (!decision.allowed) return tooMany(c, decision);
    await next();
  };
}
