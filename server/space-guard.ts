// The door of every /api/spaces/:space… route: a well-formed space and device id, the right bearer token (compared
// in constant time against the stored sha256), a device that has not been removed, and the rate limits of the
// space and of the client address. An unknown space and a wrong token get the same 401, so nobody can probe which
// spaces exist. One statement does the lookup, both counters and the device's last-seen time, because it runs
// before every sync request.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { fail, type AppDeps, type AppEnv } from './http.ts';
import { clientAddress, pruneNowAndThen, tooMany, windowOf } from './rate-limit.ts';
import { isDeviceId, isSpaceId, isToken } from './sync-shapes.ts';

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Compared against when the space does not exist, so that answer takes as long as a wrong token. */
const NO_SPACE_HASH = Buffer.alloc(32);

export function tokenMatches(stored: Uint8Array | undefined | null, token: string): boolean {
  const expected = stored && stored.length === 32 ? Buffer.from(stored) : NO_SPACE_HASH;
  return timingSafeEqual(expected, hashToken(token)) && !!stored;
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  return match && isToken(match[1]) ? match[1] : undefined;
}

/** Space routes: the path the address middleware leaves to the guard, which counts the address itself. */
export const SPACE_ROUTE = /^\/api\/spaces\/[^/]+/;

// The space counter moves only for a request that passes (the SQL equality of two sha256 digests tells nobody
// anything about the token; the decision itself is timingSafeEqual's), so strangers cannot use up a space's limit.
const GUARD_SQL = `
WITH auth AS (
  SELECT s.token_hash, d.removed_at IS NOT NULL AS removed, s.token_hash = $3 AND d.removed_at IS NULL AS ok
  FROM spaces s LEFT JOIN devices d ON d.space_id = s.id AND d.id = $2
  WHERE s.id = $1
),
counted AS (
  INSERT INTO rate_limits (bucket, window_start, hits)
  SELECT bucket, $5, 1 FROM (VALUES ($4::text, true), ('space:' || $1, (SELECT ok FROM auth))) AS wanted (bucket, yes)
  WHERE yes
  ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
  RETURNING bucket, hits
),
touched AS (
  UPDATE devices SET last_seen_at = now()
  WHERE space_id = $1 AND id = $2 AND last_seen_at < now() - interval '1 minute' AND (SELECT ok FROM auth)
)
SELECT auth.token_hash, auth.removed,
  (SELECT hits FROM counted WHERE bucket = $4) AS address_hits,
  (SELECT hits FROM counted WHERE bucket <> $4) AS space_hits
FROM (SELECT 1) AS one LEFT JOIN auth ON true`;

export function spaceGuard(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const { rateLimitAddress, rateLimitSpace, rateWindowSeconds } = deps.config;
  return async (c, next) => {
    const space = c.req.param('space');
    const device = c.req.header('X-Drydock-Device');
    const token = bearerToken(c.req.header('Authorization'));
    const address = `addr:${clientAddress(c, deps.config.trustProxy)}`;
    const window = windowOf(deps.now(), rateWindowSeconds);
    // A malformed request still counts against its address.
    const lookup = isSpaceId(space) && isDeviceId(device) && token;
    const { rows } = await deps.db.relaxed.query<{ token_hash: Uint8Array | null; removed: boolean | null; address_hits: number; space_hits: number | null }>(
      GUARD_SQL,
      lookup ? [space, device, hashToken(token), address, window.start] : ['', '', Buffer.alloc(0), address, window.start],
    );
    const row = rows[0];
    await pruneNowAndThen(deps.db.relaxed, window.start);
    if (row.address_hits > rateLimitAddress) return tooMany(c, window.retryAfter);

    if (!isSpaceId(space)) return fail(c, 400, 'bad-request', 'The space id must be 22-43 base64url characters.');
    if (!isDeviceId(device)) return fail(c, 400, 'bad-request', 'X-Drydock-Device must be 16-43 base64url characters.');
    if (!token) return fail(c, 401, 'unauthorized');
    if (!tokenMatches(row.token_hash, token)) return fail(c, 401, 'unauthorized');
    if (row.removed) return fail(c, 403, 'device-removed', 'This device was removed from the sync space.');
    if ((row.space_hits ?? 0) > rateLimitSpace) return tooMany(c, window.retryAfter);

    c.set('space', space);
    c.set('device', device);
    await next();
  };
}
