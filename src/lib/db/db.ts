// The only IndexedDB access in the app: one Dexie class, one singleton.
// Schema changes are a new version(n) with an upgrade, tested on data written by the previous version.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { noteOf, type Card } from '../domain/model';
import type { FsrsLogFields, FsrsStateFields } from '../domain/scheduler';
import type { ImageType } from '../io/media';
import type { EntityKind, SyncOp } from '../domain/sync/operations';
import { randomId } from '../io/sync-crypto';
import { syncOutboxMiddleware } from './sync-outbox';

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

export class DrydockDB extends Dexie {
  decks!: EntityTable<DeckRecord, 'id'>;
  cards!: EntityTable<CardRecord, 'id'>;
  states!: EntityTable<CardStateRecord, 'cardId'>;
  reviews!: EntityTable<ReviewLogRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  snapshots!: EntityTable<SnapshotRecord, 'id'>;
  device!: EntityTable<DeviceRecord, 'key'>;
  media!: EntityTable<MediaRecord, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'seq'>;
  clocks!: EntityTable<ClockRecord, 'key'>;
  conflicts!: EntityTable<ConflictRecord, 'id'>;

  constructor(name = 'drydock') {
    // Strict durability: an answered card is on disk before the transaction reports success.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      decks: 'id, origin',
      cards: 'id, deckId, *tags, kind, [deckId+order]',
      states: 'cardId, deckId, due, state, [deckId+inactive+due], [deckId+inactive+state], [inactive+due]',
      reviews: '++id, cardId, deckId, review, [cardId+review], [deckId+review]',
      settings: 'key',
    });
    // Siblings: every state carries its card's note id. No index: the queue reads a deck's states whole.
    this.version(2).upgrade(fillStateNoteIds);
    // Version 3 rebuilds the reviews store with fresh keys, in key order. A backup restored by version 1 could set a
    // review id of 2^53, which exhausts the store's key generator for good (clearing a store never resets it), so
    // every later answer failed; a new store has a new generator. Nothing since writes a review id from a file.
    this.version(3).stores({}).upgrade(rebuildReviewsStore);
    // Images imported with Anki packages. A new table, nothing to migrate.
    this.version(4).stores({ media: 'id, deckId' });
    // Automatic local backups and device-only bookkeeping. Two new tables, nothing to migrate.
    this.version(5).stores({
      snapshots: '++id, createdAt',
      device: 'key',
    });
    // Device sync: every review gets a device-made id, and three tables keep what sync needs (the outbox of
    // operations not yet pushed, each record's version clock, and versions that lost to a concurrent edit).
    this.version(6)
      .stores({ reviews: '++id, cardId, deckId, review, [cardId+review], [deckId+review], &uid', outbox: '++seq', clocks: 'key', conflicts: '++id, at' })
      .upgrade(giveReviewsUids);
    this.use(syncOutboxMiddleware);
  }
}

/** Version 6 upgrade: every review written before sync existed gets its id. */
async function giveReviewsUids(tx: Transaction): Promise<void> {
  await tx.table<ReviewLogRecord, number>('reviews').toCollection().modify((review) => {
    review.uid ??= randomId();
  });
}

/** Version 2 upgrade: copies each card's note id (its own id when it has none) onto its state row. */
async function fillStateNoteIds(tx: Transaction): Promise<void> {
  const noteIds = new Map<string, string>();
  await tx.table<CardRecord, string>('cards').each((card) => noteIds.set(card.id, noteOf(card)));
  await tx.table<CardStateRecord, string>('states').toCollection().modify((state) => {
    state.noteId = noteIds.get(state.cardId) ?? state.cardId;
  });
}

const REVIEWS_SCHEMA = { keyPath: 'id', autoIncrement: true, indexes: ['cardId', 'deckId', 'review', '[cardId+review]', '[deckId+review]'] };

async function rebuildReviewsStore(tx: Transaction): Promise<void> {
  const rows = await tx.table<ReviewLogRecord, number>('reviews').toArray();
  const idbTx = (tx as Transaction & { idbtrans: IDBTransaction }).idbtrans;
  const idb = idbTx.db;
  idb.deleteObjectStore('reviews');
  const store = idb.createObjectStore('reviews', { keyPath: REVIEWS_SCHEMA.keyPath, autoIncrement: REVIEWS_SCHEMA.autoIncrement });
  for (const name of REVIEWS_SCHEMA.indexes) {
    const compound = /^\[(.*)\]$/.exec(name);
    store.createIndex(name, compound ? compound[1].split('+') : name);
  }
  for (const { id: _id, ...row } of rows) store.add(row);
}

export const db = new DrydockDB();
