// Full backup file: every table of the collection in one JSON file. Reading one back validates each record against
// defaults (in the manner of Excalidraw's restore): a missing or bad field gets its default, a record that cannot be
// repaired is left out and reported, and unknown primitive fields are kept so newer bookkeeping survives a round trip.
import type { CardRecord, CardStateRecord, DeckRecord, MediaRecord, ReviewLogRecord, SettingRecord } from '../db/db';
import { noteOf } from '../domain/model';
import { restoreSettings } from '../domain/settings';
import { fromBase64, toBase64 } from './bytes';
import { MAX_BACKUP_FILE_BYTES, MAX_IMAGE_BYTES } from './limits';
import { MEDIA_ID, sniffImage } from './media';
import { cleanImages } from './svg';
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
const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
const flag = (v: unknown): 0 | 1 => (v === 1 || v === true ? 1 : 0);
const inSet = <T>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

/** Unknown fields with plain values, so bookkeeping added by a later version is not lost. */
function extras(raw: Raw, known: readonly string[]): Raw {
  const out: Raw = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!known.includes(k) && (v === null || ['string', 'number', 'boolean'].includes(typeof v))) out[k] = v;
  }
  return out;
}

const DECK_FIELDS = ['id', 'title', 'description', 'tags', 'source', 'origin', 'bundleHash', 'createdAt', 'updatedAt'] as const;
export function restoreDeckRecord(raw: unknown, now: number): DeckRecord | null {
  if (!isObject(raw) || typeof raw.id !== 'string' || raw.id === '') return null;
  const deck: DeckRecord = {
    ...(extras(raw, DECK_FIELDS) as object),
    id: raw.id,
    title: str(raw.title, 'Untitled deck') || 'Untitled deck',
    description: str(raw.description, ''),
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [],
    source: str(raw.source, ''),
    origin: inSet(raw.origin, ['bundled', 'user', 'imported'] as const, 'imported'),
    createdAt: num(raw.createdAt, now),
    updatedAt: num(raw.updatedAt, now),
  };
  if (typeof raw.bundleHash === 'string') deck.bundleHash = raw.bundleHash;
  return deck;
}

export function restoreCardRecord(raw: unknown, index: number, deckIds: Set<string>, now: number): CardRecord | null {
  if (!isObject(raw) || typeof raw.deckId !== 'string' || !deckIds.has(raw.deckId)) return null;
  let content;
  try {
    content = validateCard(raw);
  } catch {
    return null;
  }
  const record = { ...content, deckId: raw.deckId, order: num(raw.order, index), suspended: flag(raw.suspended), retired: flag(raw.retired), createdAt: num(raw.createdAt, now), updatedAt: num(raw.updatedAt, now) } as CardRecord;
  if (typeof raw.editedAt === 'number' && Number.isFinite(raw.editedAt)) record.editedAt = raw.editedAt;
  return record;
}

const STATE_FIELDS = ['cardId', 'deckId', 'noteId', 'due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review', 'inactive'] as const;
export function restoreStateRecord(raw: unknown, card: CardRecord, now: number): CardStateRecord {
  const r = isObject(raw) ? raw : {};
  const state: CardStateRecord = {
    ...(extras(r, STATE_FIELDS) as object),
    cardId: card.id,
    deckId: card.deckId,
    // Derived from the card like inactive: a backup made before version 2 has no note id on its states.
    noteId: noteOf(card),
    due: num(r.due, now),
    stability: Math.max(0, num(r.stability, 0)),
    difficulty: Math.max(0, num(r.difficulty, 0)),
    elapsed_days: Math.max(0, num(r.elapsed_days, 0)),
    scheduled_days: Math.max(0, num(r.scheduled_days, 0)),
    learning_steps: Math.max(0, num(r.learning_steps, 0)),
    reps: Math.max(0, num(r.reps, 0)),
    lapses: Math.max(0, num(r.lapses, 0)),
    state: inSet(r.state, [0, 1, 2, 3] as const, 0),
    // Derived from the card, so a hand-edited backup cannot show a suspended card.
    inactive: card.suspended || card.retired ? 1 : 0,
  };
  if (typeof r.last_review === 'number' && Number.isFinite(r.last_review)) state.last_review = r.last_review;
  return state;
}

const REVIEW_FIELDS = ['id', 'cardId', 'deckId', 'rating', 'state', 'due', 'stability', 'difficulty', 'elapsed_days', 'last_elapsed_days', 'scheduled_days', 'learning_steps', 'review', 'durationMs', 'source'] as const;
export function restoreReviewRecord(raw: unknown): ReviewLogRecord | null {
  if (!isObject(raw) || typeof raw.cardId !== 'string' || typeof raw.deckId !== 'string') return null;
  if (![1, 2, 3, 4].includes(raw.rating as number) || typeof raw.review !== 'number' || !Number.isFinite(raw.review)) return null;
  const review: ReviewLogRecord = {
    ...(extras(raw, REVIEW_FIELDS) as object),
    cardId: raw.cardId,
    deckId: raw.deckId,
    rating: raw.rating as 1 | 2 | 3 | 4,
    state: inSet(raw.state, [0, 1, 2, 3] as const, 0),
    due: num(raw.due, raw.review),
    stability: num(raw.stability, 0),
    difficulty: num(raw.difficulty, 0),
    elapsed_days: num(raw.elapsed_days, 0),
    last_elapsed_days: num(raw.last_elapsed_days, 0),
    scheduled_days: num(raw.scheduled_days, 0),
    learning_steps: num(raw.learning_steps, 0),
    review: raw.review,
    durationMs: Math.max(0, num(raw.durationMs, 0)),
    source: inSet(raw.source, ['study', 'mock'] as const, 'study'),
  };
  if (Number.isInteger(raw.id) && (raw.id as number) > 0) review.id = raw.id as number;
  return review;
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
    const decks = list('decks').map((d) => restoreDeckRecord(d, now)).filter((d): d is DeckRecord => d !== null);
    const deckIds = new Set(decks.map((d) => d.id));
    const rawCards = list('cards');
    const cards: CardRecord[] = [];
    for (let i = 0; i < rawCards.length; i++) {
      if (i % 2000 === 1999) await yieldToPage(opts.signal);
      const c = restoreCardRecord(rawCards[i], i, deckIds, now);
      if (c) cards.push(c);
    }
    if (cards.length < rawCards.length) warnings.push(`${rawCards.length - cards.length} damaged card record(s) will be left out.`);
    const rawStates = new Map<string, unknown>();
    for (const s of list('states')) if (isObject(s) && typeof s.cardId === 'string') rawStates.set(s.cardId, s);
    const states = cards.map((c) => restoreStateRecord(rawStates.get(c.id), c, now));
    const rawReviews = list('reviews');
    const reviews = rawReviews.map(restoreReviewRecord).filter((r): r is ReviewLogRecord => r !== null);
    if (reviews.length < rawReviews.length) warnings.push(`${rawReviews.length - reviews.length} damaged review record(s) will be left out.`);
    const settings: SettingRecord[] = [];
    for (const s of list('settings')) {
      if (!isObject(s) || typeof s.key !== 'string') continue;
      settings.push({ key: s.key, value: s.key === 'settings' ? restoreSettings(s.value) : s.value });
    }
    const rawMedia = list('media');
    const media = cleanImages(rawMedia.map((m) => restoreMediaRecord(m, deckIds, now)).filter((m): m is MediaRecord => m !== null));
    if (media.length < rawMedia.length) warnings.push(`${rawMedia.length - media.length} damaged image(s) will be left out; their cards show the image's name instead.`);
    return { createdAt: num(raw.createdAt, 0), snapshot: { decks, cards, states, reviews, settings, media }, warnings };
  }, 'backup');
}
