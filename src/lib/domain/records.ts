// The shapes of the records the collection stores, one per IndexedDB table. They are domain knowledge: storage (db/),
// formats (io/ reads and writes them in backups) and the server all use them, while only db/db.ts knows Dexie.
import type { Card } from './model';
import type { FsrsLogFields, FsrsStateFields } from './scheduler';
import type { EntityKind, SyncOp } from './sync/operations';

/** The image formats a card may show, decided by the file's first bytes (io/media.ts). */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/svg+xml';

export type DeckOrigin = 'bundled' | 'user' | 'imported';

export interface DeckRecord {
  id: string;
  title: string;
  description: string;
  tags: string[];
  source: string;
  origin: DeckOrigin;
  /**
   * For bundled decks: a hash of the bundled content last merged, so an unchanged bundle is skipped. For class decks:
   * `class-version:<n>`, the class version last merged on this device. Sync leaves it to each device.
   */
  bundleHash?: string;
  createdAt: number;
  updatedAt: number;
}

/** Card content as stored: the exchange-format card plus collection bookkeeping. */
export type CardRecord = Card & {
  deckId: string;
  /** Position inside the deck, for stable display and new-card order. */
  order: number;
  /** 1 when the learner suspended the card. (IndexedDB cannot index booleans.) */
  suspended: 0 | 1;
  /** 1 when a deck update no longer contains the card: hidden from study, history kept. */
  retired: 0 | 1;
  /** Set when the learner edited the card in the editor; deck updates then leave its content alone. */
  editedAt?: number;
  createdAt: number;
  updatedAt: number;
};

/** FSRS state per card (ts-fsrs Card fields, dates as epoch ms). One row per card, created with the card. */
export interface CardStateRecord extends FsrsStateFields {
  cardId: string;
  deckId: string;
  /** Mirrors the card's suspended/retired flags (1 when hidden from study) so queue queries need one table. */
  inactive: 0 | 1;
  /** Mirrors noteOf(card) (since version 2), so the queue can keep siblings apart without reading card content. */
  noteId: string;
}

export type ReviewSource = 'study' | 'mock';

/** Append-only: one row per answer. The FSRS fields are the card's state *before* the answer. */
export interface ReviewLogRecord extends FsrsLogFields {
  id?: number;
  /** Made on the device that answered and never changed (since version 6): what sync merges reviews by. */
  uid?: string;
  cardId: string;
  deckId: string;
  /** Time spent on the card, ms. */
  durationMs: number;
  source: ReviewSource;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** One automatic backup kept inside the browser: the backup file's JSON, gzip-compressed. */
export interface SnapshotRecord {
  id?: number;
  createdAt: number;
  /** Counts shown in the list without decompressing. */
  decks: number;
  cards: number;
  reviews: number;
  /** Compressed size in bytes (the budget is counted in these). */
  size: number;
  gzip: Uint8Array;
}

/** Belongs to this browser, not to the collection: never written into a backup, never replaced by a restore. */
export interface DeviceRecord {
  key: string;
  value: unknown;
}

/** An image a card shows (`drydock-media:<id>` in its text), keyed by the SHA-256 of the file as imported. */
export interface MediaRecord {
  id: string;
  /** The deck whose import first brought it. */
  deckId: string;
  type: ImageType;
  name: string;
  bytes: Uint8Array;
  createdAt: number;
}

/** An operation waiting to be pushed to the sync server, written in the same transaction as the change it records. */
export interface OutboxRecord {
  seq?: number;
  op: SyncOp;
}

/** The clock of the version of a card, deck or setting this device holds (key: `card:<id>`…). */
export interface ClockRecord {
  key: string;
  hlc: string;
  base: string;
}

/** A version that lost to a concurrent edit on another device, kept so the learner can restore it. */
export interface ConflictRecord {
  id?: number;
  entity: EntityKind;
  key: string;
  /** The losing version (null: it was a deletion). */
  value: Record<string, unknown> | null;
  /** The version that won, for the list (null: it was a deletion). */
  winner: Record<string, unknown> | null;
  loserDevice: string;
  at: number;
}
