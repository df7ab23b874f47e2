// What the class-deck server sends is untrusted input like any file: each answer becomes validated values or a typed
// error, and a deck goes through the same validator (validate-deck.ts) and limits as a file import. Its text is later
// rendered through the app's Markdown renderer and DOMPurify like every other card.
import { isClassId, MAX_NOTE_CHARS, type CardFigures, type ClassFigures } from '../domain/class-deck';
import type { Deck } from '../domain/model';
import { MAX_DECK_FILE_BYTES, MAX_ID_CHARS, MAX_IMPORT_CARDS } from './limits';
import { formatBytes, guard, ImportFailure, type Result } from './result';
import { validateDeck } from './validate-deck';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export interface ClassInfo {
  classId: string;
  title: string;
  cards: number;
  version: number;
  note: string;
  publishedAt: number;
}

export interface ClassVersion {
  classId: string;
  version: number;
  note: string;
  publishedAt: number;
  deck: Deck;
  /** Cards the validator left out (should be none: the server validated them too). */
  warnings: string[];
}

export interface VersionEntry {
  version: number;
  note: string;
  publishedAt: number;
  cards: number;
}

const DAMAGED = 'The class server sent something this app cannot read. Try again later; nothing was changed.';

const note = (v: unknown) => (typeof v === 'string' ? v.slice(0, MAX_NOTE_CHARS) : '');

export function parseClassInfo(raw: unknown): Result<ClassInfo, string> {
  if (!isObject(raw) || !isClassId(raw.class) || typeof raw.title !== 'string' || !count(raw.cards) || !count(raw.version) || raw.version < 1 || !count(raw.publishedAt)) {
    return { ok: false, error: DAMAGED };
  }
  return { ok: true, value: { classId: raw.class, title: raw.title.slice(0, 2000), cards: raw.cards, version: raw.version, note: note(raw.note), publishedAt: raw.publishedAt } };
}

export function parseVersionList(raw: unknown): Result<VersionEntry[], string> {
  if (!isObject(raw) || !Array.isArray(raw.versions)) return { ok: false, error: DAMAGED };
  const list: VersionEntry[] = [];
  for (const v of raw.versions) {
    if (!isObject(v) || !count(v.version) || !count(v.publishedAt) || !count(v.cards)) return { ok: false, error: DAMAGED };
    list.push({ version: v.version, note: note(v.note), publishedAt: v.publishedAt, cards: v.cards });
  }
  return { ok: true, value: list };
}

/** A version's text as the server sent it; `bodyChars` is its length, checked against the deck-file limit first. */
export async function parseClassVersion(text: string): Promise<Result<ClassVersion>> {
  return guard(async () => {
    if (text.length > MAX_DECK_FILE_BYTES) {
      throw new ImportFailure('too-large', `The class deck is larger than ${formatBytes(MAX_DECK_FILE_BYTES)}, the limit for a deck file. Nothing was changed.`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ImportFailure('malformed', DAMAGED);
    }
    if (!isObject(raw) || !isClassId(raw.class) || !count(raw.version) || raw.version < 1 || !count(raw.publishedAt)) throw new ImportFailure('malformed', DAMAGED);
    const warnings: string[] = [];
    const deck = validateDeck(raw.deck, 'The class deck', warnings, new Set());
    return { classId: raw.class, version: raw.version, note: note(raw.note), publishedAt: raw.publishedAt, deck, warnings };
  }, 'class deck');
}

export function parseClassFigures(raw: unknown): Result<ClassFigures, string> {
  if (!isObject(raw) || !count(raw.students) || !count(raw.minimum) || typeof raw.shown !== 'boolean' || !Array.isArray(raw.cards)) return { ok: false, error: DAMAGED };
  const cards: ClassFigures['cards'] = [];
  for (const c of raw.cards.slice(0, MAX_IMPORT_CARDS)) {
    if (!isObject(c) || typeof c.card !== 'string' || c.card.length > MAX_ID_CHARS || !count(c.students) || !count(c.reviews) || !count(c.again) || c.again > c.reviews || c.reviews === 0) {
      return { ok: false, error: DAMAGED };
    }
    const figures: CardFigures = { card: c.card, students: c.students, reviews: c.reviews, again: c.again };
    cards.push({ ...figures, againShare: figures.again / figures.reviews });
  }
  return { ok: true, value: { students: raw.students, minimum: raw.minimum, shown: raw.shown, cards } };
}

/**
 * Why a deck cannot be published, in the words a file import uses for the same limits, or null. `json` is the deck as
 * it would be sent.
 */
export function publishLimitProblem(deck: Deck, json: string): string | null {
  if (deck.cards.length === 0) return 'This deck has no cards to publish yet.';
  if (json.length > MAX_DECK_FILE_BYTES) return `"${deck.title}" is larger than ${formatBytes(MAX_DECK_FILE_BYTES)}, the limit for a deck file. Nothing was changed.`;
  if (deck.cards.length > MAX_IMPORT_CARDS) return `"${deck.title}" has ${deck.cards.length} cards; the limit is ${MAX_IMPORT_CARDS}. Nothing was changed.`;
  return null;
}
