// Full backup file: every table of the collection in one JSON file. Reading one back rebuilds every record against
// defaults (in the manner of Excalidraw's restore.ts): a missing or bad field gets its default, an out-of-range number
// is clamped, a record that cannot be repaired is left out, and each repair is reported in the preview. Everything
// that could fail at write time (duplicate keys, review ids, nesting, field sizes) is settled here, so "Replace
// everything" cannot fail half-way through a check the preview could have made. Unknown primitive fields are kept so
// newer bookkeeping survives a round trip.
import type { CardRecord, CardStateRecord, DeckRecord, MediaRecord, ReviewLogRecord, SettingRecord } from '../domain/records';
import { noteOf } from '../domain/model';
import { restoreSettings } from '../domain/settings';
import { fromBase64, toBase64 } from './bytes';
import { MAX_BACKUP_FILE_BYTES, MAX_COUNT, MAX_ID_CHARS, MAX_IMAGE_BYTES, MAX_SETTING_DEPTH, MAX_TEXT_CHARS } from './limits';
import { MEDIA_ID, sniffImage } from './media';
import { cleanImages } from './svg';
import { clampTime, isPlausibleTime } from '../domain/time-range';
import { formatBytes, guard, ImportFailure, yieldToPage, type ParseOptions, type Result } from './result';
import { validateCard } from './validate-deck';

export const BACKUP_KIND = 'drydock-backup';
export const BACKUP_VERSION = 1;

export interface CollectionSnapshot {
  decks: DeckRecord[];
  cards: CardRecord[];
  states: CardStateRecord[];
  reviews: ReviewLogRecord[];
  settings: SettingRecord[];
  /** Images cards show (absent in backups made before images were imported). In the file, bytes are base64. */
  media?: MediaRecord[];
}

export interface BackupFile {
  kind: typeof BACKUP_KIND;
  backupVersion: number;
  createdAt: number;
  tables: Omit<CollectionSnapshot, 'media'> & { media: (Omit<MediaRecord, 'bytes'> & { bytes: string })[] };
}

export interface ParsedBackup {
  createdAt: number;
  snapshot: CollectionSnapshot;
  warnings: string[];
}

export function writeBackup(snapshot: CollectionSnapshot, now: number): string {
  const media = (snapshot.media ?? []).map((m) => ({ ...m, bytes: toBase64(m.bytes) }));
  const file: BackupFile = { kind: BACKUP_KIND, backupVersion: BACKUP_VERSION, createdAt: now, tables: { ...snapshot, media } };
  return JSON.stringify(file);
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const str = (v: unknown, fallback: string, max = MAX_TEXT_CHARS) => (typeof v === 'string' ? v.slice(0, max) : fallback);
const flag = (v: unknown): 0 | 1 => (v === 1 || v === true ? 1 : 0);
const inSet = <T>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);
const key = (v: unknown): v is string => typeof v === 'string' && v !== '' && v.length <= MAX_ID_CHARS;

/** Counts the repairs made while restoring, so the preview can list them. */
export class RestoreRepairs {
  readonly counts = new Map<string, number>();
  note(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }
  /** A number within [min, max]; a value outside is clamped and reported, a missing or non-finite one defaulted. */
  clamp(v: unknown, fallback: number, min: number, max: number): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      if (v !== undefined) this.note('numbers that were not finite were reset');
      return fallback;
    }
    if (v < min || v > max) {
      this.note('out-of-range numbers were clamped');
      return Math.min(max, Math.max(min, v));
    }
    return v;
  }
  /** A time in 1970–2200; outside it the fallback is used and the repair reported. */
  time(v: unknown, fallback: number): number {
    if (isPlausibleTime(v)) return v;
    if (v !== undefined) this.note('dates outside 1970–2200 were corrected');
    return fallback;
  }
  messages(): string[] {
    return [...this.counts].map(([what, n]) => `${n} ${what}.`);
  }
}

/** Unknown fields with plain values, so bookkeeping added by a later version is not lost. */
function extras(raw: Raw, known: readonly string[]): Raw {
  const out: Raw = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!known.includes(k) && k.length <= MAX_ID_CHARS && (v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= MAX_TEXT_CHARS))) out[k] = v;
  }
  return out;
}

const DECK_FIELDS = ['id', 'title', 'description', 'tags', 'source', 'origin', 'bundleHash', 'createdAt', 'updatedAt'] as const;
export function restoreDeckRecord(raw: unknown, now: number, repairs = new RestoreRepairs()): DeckRecord | null {
  if (!isObject(raw) || !key(raw.id)) return null;
  const deck: DeckRecord = {
    ...(extras(raw, DECK_FIELDS) as object),
    id: raw.id,
    title: str(raw.title, 'Untitled deck', 2000) || 'Untitled deck',
    description: str(raw.description, ''),
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string' && t.length <= MAX_ID_CHARS) : [],
    source: str(raw.source, '', 2000),
    origin: inSet(raw.origin, ['bundled', 'user', 'imported'] as const, 'imported'),
    createdAt: repairs.time(raw.createdAt, now),
    updatedAt: repairs.time(raw.updatedAt, now),
  };
  if (typeof raw.bundleHash === 'string') deck.bundleHash = raw.bundleHash.slice(0, MAX_ID_CHARS);
  return deck;
}

export function restoreCardRecord(raw: unknown, index: number, deckIds: Set<string>, now: number, repairs = new RestoreRepairs()): CardRecord | null {
  if (!isObject(raw) || typeof raw.deckId !== 'string' || !deckIds.has(raw.deckId)) return null;
  let content;
  try {
    content = validateCard(raw);
  } catch {
    return null;
  }
  const record = {
    ...content,
    deckId: raw.deckId,
    order: repairs.clamp(raw.order, index, -MAX_COUNT * 100, MAX_COUNT * 100),
    suspended: flag(raw.suspended),
    retired: flag(raw.retired),
    createdAt: repairs.time(raw.createdAt, now),
    updatedAt: repairs.time(raw.updatedAt, now),
  } as CardRecord;
  if (raw.editedAt !== undefined) record.editedAt = repairs.time(raw.editedAt, now);
  return record;
}

const STATE_FIELDS = ['cardId', 'deckId', 'noteId', 'due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review', 'inactive'] as const;
export function restoreStateRecord(raw: unknown, card: CardRecord, now: number, repairs = new RestoreRepairs()): CardStateRecord {
  const r = isObject(raw) ? raw : {};
  const state: CardStateRecord = {
    ...(extras(r, STATE_FIELDS) as object),
    cardId: card.id,
    deckId: card.deckId,
    // Derived from the card like inactive: a backup made before version 2 has no note id on its states.
    noteId: noteOf(card),
    due: repairs.time(r.due, typeof r.due === 'number' && !Number.isNaN(r.due) ? clampTime(r.due) : now),
    stability: repairs.clamp(r.stability, 0, 0, MAX_COUNT),
    difficulty: repairs.clamp(r.difficulty, 0, 0, 10),
    elapsed_days: repairs.clamp(r.elapsed_days, 0, 0, MAX_COUNT),
    scheduled_days: repairs.clamp(r.scheduled_days, 0, 0, MAX_COUNT),
    learning_steps: repairs.clamp(r.learning_steps, 0, 0, MAX_COUNT),
    reps: Math.round(repairs.clamp(r.reps, 0, 0, MAX_COUNT)),
    lapses: Math.round(repairs.clamp(r.lapses, 0, 0, MAX_COUNT)),
    state: inSet(r.state, [0, 1, 2, 3] as const, 0),
    // Derived from the card, so a hand-edited backup cannot show a suspended card.
    inactive: card.suspended || card.retired ? 1 : 0,
  };
  if (r.last_review !== undefined) {
    if (isPlausibleTime(r.last_review)) state.last_review = r.last_review;
    else repairs.note('dates outside 1970–2200 were corrected');
  }
  return state;
}

const REVIEW_FIELDS = ['id', 'cardId', 'deckId', 'rating', 'state', 'due', 'stability', 'difficulty', 'elapsed_days', 'last_elapsed_days', 'scheduled_days', 'learning_steps', 'review', 'durationMs', 'source'] as const;
/**
 * One review, without its id: restore gives every review a fresh key in file order, so no id in a file (2^53, 1e300,
 * a repeated one) can reach the key generator.
 */
export function restoreReviewRecord(raw: unknown, repairs = new RestoreRepairs()): ReviewLogRecord | null {
  if (!isObject(raw) || !key(raw.cardId) || !key(raw.deckId)) return null;
  if (![1, 2, 3, 4].includes(raw.rating as number) || !isPlausibleTime(raw.review)) return null;
  return {
    ...(extras(raw, REVIEW_FIELDS) as object),
    cardId: raw.cardId,
    deckId: raw.deckId,
    rating: raw.rating as 1 | 2 | 3 | 4,
    state: inSet(raw.state, [0, 1, 2, 3] as const, 0),
    due: clampTime(num(raw.due, raw.review)),
    stability: repairs.clamp(raw.stability, 0, 0, MAX_COUNT),
    difficulty: repairs.clamp(raw.difficulty, 0, 0, 10),
    elapsed_days: repairs.clamp(raw.elapsed_days, 0, 0, MAX_COUNT),
    last_elapsed_days: repairs.clamp(raw.last_elapsed_days, 0, 0, MAX_COUNT),
    scheduled_days: repairs.clamp(raw.scheduled_days, 0, 0, MAX_COUNT),
    learning_steps: repairs.clamp(raw.learning_steps, 0, 0, MAX_COUNT),
    review: raw.review,
    durationMs: repairs.clamp(raw.durationMs, 0, 0, 24 * 3_600_000),
    source: inSet(raw.source, ['study', 'mock'] as const, 'study'),
  };
}

/** True when a value nests no deeper than the limit and holds a bounded number of parts (checked without recursion). */
function storableValue(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let parts = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++parts > 100_000 || depth > MAX_SETTING_DEPTH) return false;
    if (typeof v === 'string' && v.length > MAX_TEXT_CHARS) return false;
    if (typeof v === 'object' && v !== null) for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

/** Keeps the first record of each key and reports the rest. */
function firstOfEach<T>(items: T[], keyOf: (item: T) => string, what: string, warnings: string[]): T[] {
  const seen = new Set<string>();
  const out = items.filter((item) => !seen.has(keyOf(item)) && !!seen.add(keyOf(item)));
  if (out.length < items.length) warnings.push(`${items.length - out.length} ${what} repeat an id already in the backup; only the first of each will be restored.`);
  return out;
}

/** An image from a backup, checked like one from a deck: content-hash id, bytes that are an image, under the cap. */
export function restoreMediaRecord(raw: unknown, deckIds: Set<string>, now: number): MediaRecord | null {
  if (!isObject(raw) || typeof raw.id !== 'string' || !MEDIA_ID.test(raw.id) || typeof raw.bytes !== 'string') return null;
  const bytes = raw.bytes.length <= (MAX_IMAGE_BYTES * 4) / 3 + 4 ? fromBase64(raw.bytes) : null;
  const type = bytes ? sniffImage(bytes) : null;
  if (!bytes || !type || bytes.length > MAX_IMAGE_BYTES) return null;
  const deckId = typeof raw.deckId === 'string' && deckIds.has(raw.deckId) ? raw.deckId : '';
  return { id: raw.id, deckId, type, name: str(raw.name, 'image').slice(0, 200), bytes, createdAt: num(raw.createdAt, now) };
}

export async function parseBackup(text: string, source: string, now: number, opts: ParseOptions = {}): Promise<Result<ParsedBackup>> {
  return guard(async () => {
    if (text.length > MAX_BACKUP_FILE_BYTES) throw new ImportFailure('too-large', `"${source}" is larger than ${formatBytes(MAX_BACKUP_FILE_BYTES)}, the limit for a backup. Nothing was changed.`);
    if (text.trim() === '') throw new ImportFailure('empty', `"${source}" is empty. Nothing was changed.`);
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new ImportFailure('malformed', `"${source}" is not valid JSON (${(e as Error).message}); it may be truncated. Nothing was changed.`);
    }
    if (!isObject(raw) || raw.kind !== BACKUP_KIND || !isObject(raw.tables)) {
      throw new ImportFailure('invalid', `"${source}" is not a Drydock backup. (To add a deck file, use Import instead.) Nothing was changed.`);
    }
    if (typeof raw.backupVersion !== 'number' || raw.backupVersion > BACKUP_VERSION) {
      throw new ImportFailure('unsupported-version', `"${source}" was made by a newer Drydock (backup version ${String(raw.backupVersion)}). Reload Drydock to update it, then restore again. Nothing was changed.`);
    }
    const t = raw.tables;
    const list = (name: string): unknown[] => {
      const v = t[name];
      if (v === undefined) return [];
      if (!Array.isArray(v)) throw new ImportFailure('invalid', `"${source}" is damaged: "${name}" is not a list. Nothing was changed.`);
      return v;
    };
    const warnings: string[] = [];
    const repairs = new RestoreRepairs();
    const rawDecks = list('decks');
    const decks = firstOfEach(rawDecks.map((d) => restoreDeckRecord(d, now, repairs)).filter((d): d is DeckRecord => d !== null), (d) => d.id, 'decks', warnings);
    const deckIds = new Set(decks.map((d) => d.id));
    const rawCards = list('cards');
    const restoredCards: CardRecord[] = [];
    for (let i = 0; i < rawCards.length; i++) {
      if (i % 2000 === 1999) await yieldToPage(opts.signal);
      const c = restoreCardRecord(rawCards[i], i, deckIds, now, repairs);
      if (c) restoredCards.push(c);
    }
    if (restoredCards.length < rawCards.length) warnings.push(`${rawCards.length - restoredCards.length} damaged card record(s) will be left out.`);
    const cards = firstOfEach(restoredCards, (c) => c.id, 'cards', warnings);
    const rawStates = new Map<string, unknown>();
    for (const s of list('states')) if (isObject(s) && typeof s.cardId === 'string' && !rawStates.has(s.cardId)) rawStates.set(s.cardId, s);
    const states = cards.map((c) => restoreStateRecord(rawStates.get(c.id), c, now, repairs));
    const cardDecks = new Map(cards.map((c) => [c.id, c.deckId]));
    const rawReviews = list('reviews');
    const reviews: ReviewLogRecord[] = [];
    const reviewIds = new Set<unknown>();
    let damaged = 0;
    let repeated = 0;
    let orphans = 0;
    for (let i = 0; i < rawReviews.length; i++) {
      if (i % 20_000 === 19_999) await yieldToPage(opts.signal);
      const rawReview = rawReviews[i];
      const review = restoreReviewRecord(rawReview, repairs);
      if (!review) damaged++;
      else if (isObject(rawReview) && rawReview.id !== undefined && reviewIds.has(rawReview.id)) repeated++;
      else if (!cardDecks.has(review.cardId)) orphans++;
      else {
        if (isObject(rawReview) && rawReview.id !== undefined) reviewIds.add(rawReview.id);
        // A review belongs to its card's deck, whatever the file says.
        reviews.push({ ...review, deckId: cardDecks.get(review.cardId)! });
      }
    }
    if (damaged) warnings.push(`${damaged} damaged review record(s) will be left out.`);
    if (repeated) warnings.push(`${repeated} review(s) repeat an id already in the backup; only the first of each will be restored.`);
    if (orphans) warnings.push(`${orphans} review(s) belong to no card in the backup and will be left out.`);
    const settings: SettingRecord[] = [];
    let unstorable = 0;
    for (const s of list('settings')) {
      if (!isObject(s) || !key(s.key) || settings.some((o) => o.key === s.key)) continue;
      if (s.key !== 'settings' && !storableValue(s.value)) unstorable++;
      else settings.push({ key: s.key, value: s.key === 'settings' ? restoreSettings(s.value) : s.value });
    }
    if (unstorable) warnings.push(`${unstorable} setting(s) nested deeper than ${MAX_SETTING_DEPTH} levels or too large will be left out.`);
    warnings.push(...repairs.messages());
    const rawMedia = list('media');
    const restoredMedia = cleanImages(rawMedia.map((m) => restoreMediaRecord(m, deckIds, now)).filter((m): m is MediaRecord => m !== null));
    if (restoredMedia.length < rawMedia.length) warnings.push(`${rawMedia.length - restoredMedia.length} damaged image(s) will be left out; their cards show the image's name instead.`);
    const media = firstOfEach(restoredMedia, (m) => m.id, 'images', warnings);
    return { createdAt: isPlausibleTime(raw.createdAt) ? raw.createdAt : 0, snapshot: { decks, cards, states, reviews, settings, media }, warnings };
  }, 'backup');
}
