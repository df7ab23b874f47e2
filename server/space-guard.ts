// The door of every /api/spaces/:space… route: a well-formed space and device id, the right bearer token (compared
// in constant time against the stored sha256), a device that has not been removed, and the space's rate limit.
// An unknown space and a wrong token get the same 401, so nobody can probe which spaces exist.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { fail, type AppDeps, type AppEnv } from './http.ts';
import { hit, tooMany } from './rate-limit.ts';
import { isDeviceId, isSpaceId, isToken } from './sync-shapes.ts';

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Compared against when the space does not exist, so that answer takes as long as a wrong token. */
const NO_SPACE_HASH = Buffer.alloc(32);

export function tokenMatches(stored: Uint8Array | undefined, token: string): boolean {
  const expected = stored && stored.length === 32 ? Buffer.from(stored) : NO_SPACE_HASH;
  return timingSafeEqual(expected, hashToken(token)) && stored !== undefined;
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  return match && isToken(match[1]) ? match[1] : undefined;
}

export function spaceGuard(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const space = c.req.param('space');
    if (!isSpaceId(space)) return fail(c, 400, 'bad-request', 'The space id must be 22-43 base64url characters.');
    const device = c.req.header('X-Drydock-Device');
    if (!isDeviceId(device)) return fail(c, 400, 'bad-request', 'X-Drydock-Device must be 16-43 base64url characters.');
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) return fail(c, 401, 'unauthorized');

    const { rows } = await deps.db.query<{ token_hash: Uint8Array; removed: boolean | null }>(
      `SELECT s.token_hash, d.removed_at IS NOT NULL AS removed
       FROM spaces s LEFT JOIN devices d ON d.space_id = s.id AND d.id = $2
       WHERE s.id = $1`,
      [space, device],
    );
    if (!tokenMatches(rows[0]?.token_hash, token)) return fail(c, 401, 'unauthorized');
    if (rows[0].removed) return fail(c, 403, 'device-removed', 'This device was removed from the sync space.');

    const decision = await hit(deps.db, `space:${space}`, deps.config.rateLimitSpace, deps.now());
    if (!decision.allowed) return tooMany(c, decision);
    c.set('space', space);
    c.set('device', device);
    await next();
  };
}
