// Class decks: an instructor publishes versions of a deck under an unguessable class link; anyone with the link reads
// them (they are stored in plain text, and the app says so before publishing); students who opt in send anonymous
// per-card counts. Only the holder of the owner key (the publishing collection) can publish, unpublish or read the
// figures; the server keeps the key's sha256 and compares in constant time.
//
//   POST   /api/classes                     owner key   {deck, note} -> 201 {class, version: 1}
//   POST   /api/classes/:id/versions        owner key   {deck, note} -> 201 {class, version}
//   DELETE /api/classes/:id                 owner key   -> 204: versions and progress deleted, students keep their cards
//   GET    /api/classes/:id                 anyone      -> {class, title, cards, version, note, publishedAt} | 410 unpublished
//   GET    /api/classes/:id/versions        anyone      -> {class, versions: [{version, note, publishedAt, cards}]}
//   GET    /api/classes/:id/versions/:n     anyone      -> {class, version, note, publishedAt, deck}
//   POST   /api/classes/:id/progress        student token  {cards: [{card, reviews, again, first}]} -> 200 {students}
//   DELETE /api/classes/:id/progress        student token  -> 204 (stops counting this student)
//   GET    /api/classes/:id/progress        owner key   -> ClassFigures (hidden below the minimum cohort)
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { classFigures, isClassId, MAX_NOTE_CHARS, type CardFigures } from '../../src/lib/domain/class-deck.ts';
import { MAX_DECK_FILE_BYTES, MAX_ID_CHARS } from '../../src/lib/io/limits.ts';
import { formatBytes, ImportFailure } from '../../src/lib/io/result.ts';
import { validateDeck } from '../../src/lib/io/validate-deck.ts';
import type { Queryable } from '../db/database.ts';
import { fail, type AppDeps, type RegisterRoutes } from '../http.ts';
import { hit, tooMany, windowOf } from '../rate-limit.ts';
import { bearerToken, hashToken, tokenMatches } from '../space-guard.ts';

/** The words a file import uses for a deck over the size limit. */
const TOO_LARGE = `The deck is larger than ${formatBytes(MAX_DECK_FILE_BYTES)}, the limit for a deck file. Nothing was changed.`;
/** A deck at the size limit, its note and the JSON around them. */
const deckBody = bodyLimit({ maxSize: MAX_DECK_FILE_BYTES + 64 * 1024, onError: (c) => fail(c, 413, 'too-large', TOO_LARGE) });
const smallBody = bodyLimit({ maxSize: 2 * 1024 * 1024, onError: (c) => fail(c, 413, 'too-large', 'A progress report is at most 2 MiB.') });

/** Versions one class may hold, so a link cannot be used as unlimited storage. */
export const MAX_VERSIONS = 500;
/** Reviews of one card in one report; more is not a person studying. */
const MAX_REPORTED_REVIEWS = 10_000;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 160 random bits (20 bytes) as 32 lowercase base32 letters. */
export function newClassId(): string {
  const bytes = randomBytes(20);
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

class Refusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 410 | 413,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

const refused = (c: Context, e: unknown) => {
  if (e instanceof Refusal) return fail(c, e.status, e.error, e.message);
  throw e;
};

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new Refusal(400, 'bad-request', 'The body is not JSON.');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Refusal(400, 'bad-request', 'The body must be a JSON object.');
  return raw as Record<string, unknown>;
}

interface Publication {
  deckJson: string;
  title: string;
  cardIds: string[];
  note: string;
}

/** The deck through the same validator as a file import; any card it would leave out refuses the whole version. */
function publication(body: Record<string, unknown>): Publication {
  const note = body.note ?? '';
  if (typeof note !== 'string' || note.length > MAX_NOTE_CHARS) throw new Refusal(400, 'bad-request', `The note is text of at most ${MAX_NOTE_CHARS} characters.`);
  const warnings: string[] = [];
  let deck;
  try {
    deck = validateDeck(body.deck, 'The deck', warnings, new Set());
  } catch (e) {
    if (e instanceof ImportFailure) throw new Refusal(e.code === 'too-large' ? 413 : 400, e.code, e.message);
    throw e;
  }
  if (warnings.length > 0) throw new Refusal(400, 'invalid', `${warnings[0].replace(/; the card was left out\.$/, '.')} Fix the card, then publish again. Nothing was published.`);
  if (deck.cards.length === 0) throw new Refusal(400, 'invalid', 'The deck has no cards. Nothing was published.');
  return { deckJson: JSON.stringify(deck), title: deck.title, cardIds: deck.cards.map((c) => c.id), note: note.trim() };
}

async function insertVersion(tx: Queryable, classId: string, version: number, p: Publication, now: number) {
  await tx.query(
    `INSERT INTO class_versions (class_id, version, note, title, cards, card_ids, deck, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [classId, version, p.note, p.title, p.cardIds.length, JSON.stringify(p.cardIds), p.deckJson, now],
  );
}

const NOT_FOUND = () => new Refusal(404, 'not-found', 'There is no class at this link. Check the link with your instructor.');
const UNPUBLISHED = () => new Refusal(410, 'unpublished', 'The instructor unpublished this class. Cards you have stay in your collection; no more updates will come.');

interface ClassRow {
  owner_hash: Uint8Array;
  latest_version: number;
  unpublished: boolean;
}

/** The class row, locked when `lock` (publishing), or a refusal for an unknown or unpublished class. */
async function liveClass(db: Queryable, classId: string, lock = false): Promise<ClassRow> {
  const { rows } = await db.query<ClassRow>(
    `SELECT owner_hash, latest_version, unpublished_at IS NOT NULL AS unpublished FROM classes WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [classId],
  );
  if (rows.length === 0) throw NOT_FOUND();
  if (rows[0].unpublished) throw UNPUBLISHED();
  return rows[0];
}

function requireOwner(c: Context, row: ClassRow) {
  const key = bearerToken(c.req.header('Authorization'));
  // Compared in constant time even when the header is missing or malformed.
  if (!tokenMatches(row.owner_hash, key ?? '')) throw new Refusal(403, 'forbidden', 'Only the collection that published this class can change it or read its progress.');
}

export const registerClassRoutes: RegisterRoutes = (app, deps: AppDeps) => {
  const { db } = deps;

  /** First on every /api/classes/:id route: a well-formed id, then the per-link rate limit. */
  const gate: MiddlewareHandler = async (c, next) => {
    const id = c.req.param('id');
    if (!isClassId(id)) return fail(c, 404, 'not-found', 'There is no class at this link. Check the link with your instructor.');
    const window = windowOf(deps.now(), deps.config.rateWindowSeconds);
    const hits = await hit(db.relaxed, `class:${id}`, window.start);
    if (hits > deps.config.rateLimitClass) return tooMany(c, window.retryAfter);
    await next();
  };

  app.post('/api/classes', deckBody, async (c) => {
    const key = bearerToken(c.req.header('Authorization'));
    if (!key) return fail(c, 401, 'unauthorized', 'Publishing needs an owner key made by the app.');
    try {
      const p = publication(await jsonBody(c));
      const classId = newClassId();
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO classes (id, owner_hash, latest_version) VALUES ($1, $2, 1)', [classId, hashToken(key)]);
        await insertVersion(tx, classId, 1, p, deps.now());
      });
      return c.json({ class: classId, version: 1 }, 201);
    } catch (e) {
      return refused(c, e);
    }
  });

  app.post('/api/classes/:id/versions', gate, deckBody, async (c) => {
    const classId = c.req.param('id');
    try {
      // The key is checked before the body is read: a wrong key stores nothing and learns nothing about the deck rules.
      requireOwner(c, await liveClass(db, classId));
      const p = publication(await jsonBody(c));
      const version = await db.transaction(async (tx) => {
        const row = await liveClass(tx, classId, true);
        requireOwner(c, row);
        if (row.latest_version >= MAX_VERSIONS) throw new Refusal(409, 'too-many-versions', `A class keeps at most ${MAX_VERSIONS} versions. Publish the deck as a new class.`);
        const next = row.latest_version + 1;
        await insertVersion(tx, classId, next, p, deps.now());
        await tx.query('UPDATE classes SET latest_version = $2 WHERE id = $1', [classId, next]);
        return next;
      });
      return c.json({ class: classId, version }, 201);
    } catch (e) {
      return refused(c, e);
    }
  });

  app.delete('/api/classes/:id', gate, async (c) => {
    const classId = c.req.param('id');
    try {
      await db.transaction(async (tx) => {
        requireOwner(c, await liveClass(tx, classId, true));
        await tx.query('DELETE FROM class_versions WHERE class_id = $1', [classId]);
        await tx.query('DELETE FROM class_card_progress WHERE class_id = $1', [classId]);
        await tx.query('DELETE FROM class_students WHERE class_id = $1', [classId]);
        await tx.query('UPDATE classes SET unpublished_at = now() WHERE id = $1', [classId]);
      });
      return c.body(null, 204);
    } catch (e) {
      return refused(c, e);
    }
  });

  app.get('/api/classes/:id', gate, async (c) => {
    const classId = c.req.param('id');
    // The update check every student makes: one read of the class and its newest version's heading.
    const { rows } = await db.query<{ unpublished: boolean; version: number; title: string; cards: number; note: string; published_at: string }>(
      `SELECT c.unpublished_at IS NOT NULL AS unpublished, c.latest_version AS version, v.title, v.cards, v.note, v.published_at
       FROM classes c LEFT JOIN class_versions v ON v.class_id = c.id AND v.version = c.latest_version
       WHERE c.id = $1`,
      [classId],
    );
    const row = rows[0];
    if (!row || row.unpublished) return refused(c, row ? UNPUBLISHED() : NOT_FOUND());
    return c.json({ class: classId, title: row.title, cards: row.cards, version: row.version, note: row.note, publishedAt: Number(row.published_at) });
  });

  app.get('/api/classes/:id/versions', gate, async (c) => {
    const classId = c.req.param('id');
    try {
      await liveClass(db, classId);
      const { rows } = await db.query<{ version: number; note: string; published_at: string; cards: number }>(
        'SELECT version, note, published_at, cards FROM class_versions WHERE class_id = $1 ORDER BY version DESC',
        [classId],
      );
      return c.json({ class: classId, versions: rows.map((r) => ({ version: r.version, note: r.note, publishedAt: Number(r.published_at), cards: r.cards })) });
    } catch (e) {
      return refused(c, e);
    }
  });

  app.get('/api/classes/:id/versions/:n', gate, async (c) => {
    const classId = c.req.param('id');
    const n = Number(c.req.param('n'));
    try {
      await liveClass(db, classId);
      const { rows } = Number.isSafeInteger(n) && n > 0
        ? await db.query<{ note: string; published_at: string; deck: string }>('SELECT note, published_at, deck FROM class_versions WHERE class_id = $1 AND version = $2', [classId, n])
        : { rows: [] };
      if (rows.length === 0) return fail(c, 404, 'not-found', 'This class has no such version.');
      // The stored deck is already validated JSON: spliced in, not parsed and re-serialised for every student.
      const head = JSON.stringify({ class: classId, version: n, note: rows[0].note, publishedAt: Number(rows[0].published_at) });
      return c.body(`${head.slice(0, -1)},"deck":${rows[0].deck}}`, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    } catch (e) {
      return refused(c, e);
    }
  });

  app.post('/api/classes/:id/progress', gate, smallBody, async (c) => {
    const classId = c.req.param('id');
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) return fail(c, 401, 'unauthorized', 'Sharing progress needs a token made by the app.');
    try {
      const row = await liveClass(db, classId);
      const body = await jsonBody(c);
      const { rows } = await db.query<{ card_ids: string }>('SELECT card_ids FROM class_versions WHERE class_id = $1 AND version = $2', [classId, row.latest_version]);
      const known = new Set(JSON.parse(rows[0].card_ids) as string[]);
      const entries = reportEntries(body.cards, known);
      const students = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO class_students (class_id, token_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING', [classId, hashToken(token)]);
        if (entries.length > 0) {
          await tx.query(
            `INSERT INTO class_card_progress (class_id, card_id, students, reviews, again)
             SELECT $1, r.card, CASE WHEN r.first THEN 1 ELSE 0 END, r.reviews, r.again
             FROM json_to_recordset($2::json) AS r(card text, reviews integer, again integer, first boolean)
             ON CONFLICT (class_id, card_id) DO UPDATE SET students = class_card_progress.students + excluded.students,
               reviews = class_card_progress.reviews + excluded.reviews, again = class_card_progress.again + excluded.again`,
            [classId, JSON.stringify(entries)],
          );
        }
        const { rows: counted } = await tx.query<{ n: string }>('SELECT count(*) AS n FROM class_students WHERE class_id = $1', [classId]);
        return Number(counted[0].n);
      });
      return c.json({ students });
    } catch (e) {
      return refused(c, e);
    }
  });

  app.delete('/api/classes/:id/progress', gate, async (c) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token) return fail(c, 401, 'unauthorized');
    // Counts already sent stay in the anonymous totals; the student no longer counts towards the cohort.
    await db.query('DELETE FROM class_students WHERE class_id = $1 AND token_hash = $2', [c.req.param('id'), hashToken(token)]);
    return c.body(null, 204);
  });

  app.get('/api/classes/:id/progress', gate, async (c) => {
    const classId = c.req.param('id');
    try {
      requireOwner(c, await liveClass(db, classId));
      const [{ rows: counted }, { rows }] = await Promise.all([
        db.query<{ n: string }>('SELECT count(*) AS n FROM class_students WHERE class_id = $1', [classId]),
        db.query<{ card_id: string; students: number; reviews: number; again: number }>(
          'SELECT card_id, students, reviews, again FROM class_card_progress WHERE class_id = $1',
          [classId],
        ),
      ]);
      const cards: CardFigures[] = rows.map((r) => ({ card: r.card_id, students: r.students, reviews: r.reviews, again: r.again }));
      return c.json(classFigures(cards, Number(counted[0].n), deps.config.classMinCohort));
    } catch (e) {
      return refused(c, e);
    }
  });
};

/** A report's entries, each a card of the class's latest version with plausible counts; anything else refuses it. */
function reportEntries(raw: unknown, known: ReadonlySet<string>): { card: string; reviews: number; again: number; first: boolean }[] {
  if (!Array.isArray(raw) || raw.length > known.size) throw new Refusal(400, 'bad-request', '"cards" must list at most one entry per card of the class.');
  const seen = new Set<string>();
  return raw.map((e) => {
    const entry = e as Record<string, unknown>;
    const ok =
      entry && typeof entry === 'object' &&
      typeof entry.card === 'string' && entry.card.length <= MAX_ID_CHARS && known.has(entry.card) && !seen.has(entry.card) &&
      Number.isSafeInteger(entry.reviews) && (entry.reviews as number) >= 1 && (entry.reviews as number) <= MAX_REPORTED_REVIEWS &&
      Number.isSafeInteger(entry.again) && (entry.again as number) >= 0 && (entry.again as number) <= (entry.reviews as number) &&
      typeof entry.first === 'boolean';
    if (!ok) throw new Refusal(400, 'bad-request', 'Each entry is {card, reviews, again, first} for a card of the class.');
    seen.add(entry.card as string);
    return { card: entry.card as string, reviews: entry.reviews as number, again: entry.again as number, first: entry.first as boolean };
  });
}
