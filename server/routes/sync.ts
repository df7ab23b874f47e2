// The sync API of SYNC-API.md (protocol 1): spaces, devices, push and pull of encrypted operations.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { fail, type RegisterRoutes } from '../http.ts';
import { bearerToken, hashToken, spaceGuard, tokenMatches } from '../space-guard.ts';
import { isDeviceId, isSpaceId, LIMITS, parseDevice, parsePull, parsePush, ShapeError } from '../sync-shapes.ts';

const limitBody = bodyLimit({
  maxSize: LIMITS.bodyBytes,
  onError: (c) => fail(c, 413, 'body-too-large', `A request body is at most ${LIMITS.bodyBytes / 1024 / 1024} MiB.`),
});

/** The JSON body, or a ShapeError; the body limit has already been enforced. */
async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ShapeError(400, 'bad-request', 'The body is not JSON.');
  }
}

function shapeFailure(c: Context, error: unknown) {
  if (error instanceof ShapeError) return fail(c, error.status, error.error, error.message);
  throw error;
}

// A push is this one statement, so one transaction, with its round trip. Its UPDATE locks the space row and
// numbers the new ops after last_seq: pushes to one space, from any number of server processes, take numbers and
// commit in one order, so a pull never passes a number that a slower push commits later. The NOT EXISTS leaves out
// ops already stored; when this push had to wait for another one to the same space, its snapshot may predate the
// other's ops, and ON CONFLICT then skips them (leaving unused numbers: numbers only ever increase).
const PUSH_SQL = `
WITH incoming AS (
  SELECT t.id, t.iv, t.data, row_number() OVER (ORDER BY t.ord) AS n
  FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t (id, iv, data, ord)
  WHERE NOT EXISTS (SELECT 1 FROM ops WHERE ops.space_id = $1 AND ops.id = t.id)
),
bumped AS (
  UPDATE spaces SET last_seq = last_seq + (SELECT count(*) FROM incoming)
  WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM devices WHERE space_id = $1 AND id = $2 AND removed_at IS NOT NULL)
  RETURNING last_seq, last_seq - (SELECT count(*) FROM incoming) AS first
),
inserted AS (
  INSERT INTO ops (space_id, seq, id, device, iv, data)
  SELECT $1, bumped.first + incoming.n, incoming.id, $2, incoming.iv, incoming.data FROM bumped, incoming
  ON CONFLICT (space_id, id) DO NOTHING
  RETURNING 1
)
SELECT (SELECT last_seq FROM bumped) AS last, (SELECT count(*) FROM inserted)::int AS accepted`;

export const registerSyncRoutes: RegisterRoutes = (app, deps) => {
  const { db } = deps;
  const guard = spaceGuard(deps);

  app.post('/api/spaces', limitBody, async (c) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) return fail(c, 401, 'unauthorized');
    let space: unknown;
    try {
      space = ((await jsonBody(c)) as { space?: unknown } | null)?.space;
    } catch (error) {
      return shapeFailure(c, error);
    }
    if (!isSpaceId(space)) return fail(c, 400, 'bad-request', 'A space is {"space":"<22-43 base64url chars>"}.');
    const created = await db.query('INSERT INTO spaces (id, token_hash) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id', [
      space,
      hashToken(token),
    ]);
    if (created.rows.length === 1) return c.json({ space }, 201);
    const { rows } = await db.query<{ token_hash: Uint8Array }>('SELECT token_hash FROM spaces WHERE id = $1', [space]);
    if (rows.length === 0) return fail(c, 409, 'space-exists'); // deleted between the two statements: try again
    return tokenMatches(rows[0].token_hash, token) ? c.json({ space }, 200) : fail(c, 409, 'space-exists');
  });

  app.delete('/api/spaces/:space', guard, async (c) => {
    // Devices and operations go with it (ON DELETE CASCADE), in this one statement.
    await db.query('DELETE FROM spaces WHERE id = $1', [c.get('space')]);
    return c.body(null, 204);
  });

  app.post('/api/spaces/:space/devices', guard, limitBody, async (c) => {
    let registration;
    try {
      registration = parseDevice(await jsonBody(c));
    } catch (error) {
      return shapeFailure(c, error);
    }
    const { rows } = await db.query<{ created: boolean; removed: boolean }>(
      `INSERT INTO devices (space_id, id, label) VALUES ($1, $2, $3)
       ON CONFLICT (space_id, id) DO UPDATE SET label = CASE WHEN devices.removed_at IS NULL THEN excluded.label ELSE devices.label END,
         last_seen_at = now()
       RETURNING (xmax = 0) AS created, removed_at IS NOT NULL AS removed`,
      [c.get('space'), registration.device, registration.label],
    );
    if (rows[0].removed) return fail(c, 403, 'device-removed', 'This device was removed from the sync space.');
    return c.json({ device: registration.device }, rows[0].created ? 201 : 200);
  });

  app.get('/api/spaces/:space/devices', guard, async (c) => {
    const { rows } = await db.query<{ id: string; label: string; created_at: Date; last_seen_at: Date; removed: boolean }>(
      `SELECT id, label, created_at, last_seen_at, removed_at IS NOT NULL AS removed
       FROM devices WHERE space_id = $1 ORDER BY created_at, id`,
      [c.get('space')],
    );
    return c.json({
      devices: rows.map((row) => ({
        device: row.id,
        label: row.label,
        createdAt: new Date(row.created_at).toISOString(),
        lastSeenAt: new Date(row.last_seen_at).toISOString(),
        removed: row.removed,
      })),
    });
  });

  app.delete('/api/spaces/:space/devices/:device', guard, async (c) => {
    const device = c.req.param('device');
    if (!isDeviceId(device)) return fail(c, 400, 'bad-request', 'A device id is 16-43 base64url characters.');
    // A device never registered is recorded as removed too, so it cannot come back under that id.
    await db.query(
      `INSERT INTO devices (space_id, id, label, removed_at) VALUES ($1, $2, '', now())
       ON CONFLICT (space_id, id) DO UPDATE SET removed_at = coalesce(devices.removed_at, now())`,
      [c.get('space'), device],
    );
    return c.body(null, 204);
  });

  app.post('/api/spaces/:space/push', guard, limitBody, async (c) => {
    let ops;
    try {
      ops = parsePush(await jsonBody(c));
    } catch (error) {
      return shapeFailure(c, error);
    }
    const space = c.get('space');
    const device = c.get('device');
    // Repeats inside one push count as duplicates; the first copy is the one stored.
    const firsts = new Map<string, (typeof ops)[number]>();
    for (const op of ops) if (!firsts.has(op.id)) firsts.set(op.id, op);
    const unique = [...firsts.values()];
    const { rows } = await db.query<{ last: number | null; accepted: number }>(PUSH_SQL, [
      space,
      device,
      unique.map((op) => op.id),
      unique.map((op) => op.iv),
      unique.map((op) => op.data),
    ]);
    let result: 'gone' | 'removed' | { accepted: number; duplicates: number; last: number };
    if (rows[0].last === null) {
      // Rare: the space was deleted, or this device removed, after the guard let the request in.
      const exists = await db.query('SELECT 1 FROM spaces WHERE id = $1', [space]);
      result = exists.rows.length === 0 ? 'gone' : 'removed';
    } else {
      result = { accepted: rows[0].accepted, duplicates: ops.length - rows[0].accepted, last: rows[0].last };
    }
    if (result === 'gone') return fail(c, 401, 'unauthorized');
    if (result === 'removed') return fail(c, 403, 'device-removed', 'This device was removed from the sync space.');
    return c.json(result);
  });

  app.get('/api/spaces/:space/pull', guard, async (c) => {
    let page;
    try {
      page = parsePull(c.req.query('after'), c.req.query('limit'));
    } catch (error) {
      return shapeFailure(c, error);
    }
    const space = c.get('space');
    const { rows } = await db.query<{ seq: number; id: string; device: string; iv: string; data: string }>(
      `SELECT seq, id, device, iv, data FROM ops WHERE space_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [space, page.after, page.limit + 1],
    );
    const more = rows.length > page.limit;
    const ops = more ? rows.slice(0, page.limit) : rows;
    return c.json({ ops, last: ops.length > 0 ? ops[ops.length - 1].seq : page.after, more });
  });
};
