// The only IndexedDB access in the app: one Dexie class, one singleton.
// Schema changes are a new version(n) with an upgrade, tested on data written by the previous version.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { noteOf } from '../domain/model';
import type {
  CardRecord,
  CardStateRecord,
  DeckOrigin,
  DeckRecord,
  DeviceRecord,
  MediaRecord,
  ReviewLogRecord,
  ReviewSource,
  SettingRecord,
  SnapshotRecord,
  OutboxRecord,
  ClockRecord,
  ConflictRecord,
} from '../domain/records';
import { randomId } from '../io/random-id';
import { syncOutboxMiddleware } from './sync-outbox';

// The stored shapes live in domain/records.ts (io/ and the server read them too); re-exported for existing imports.
export type { CardRecord, CardStateRecord, DeckOrigin, DeckRecord, DeviceRecord, MediaRecord, ReviewLogRecord, ReviewSource, SettingRecord, SnapshotRecord, OutboxRecord, ClockRecord, ConflictRecord };

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
    // No query cache: it serves liveQuery, which Drydock does not use (screens read once and keep their own state).
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled' });
    // Dexie's change tracking serves liveQuery too, and costs every write: each put and add records the key ranges it
    // touched in every index, and each committed transaction announces them to the page (an event) and to every other
    // tab (a BroadcastChannel message, a structured clone); in a profile of the study bench the broadcast alone took
    // about 0.5 ms of each answer's transaction. With them gone, liveQuery would never re-run and
    // Dexie.on('storagemutated') never fires (tests/unit/db/study.test.ts checks it): whoever first needs either must
    // put these two back and measure the answer again (npm run bench -- study).
    this.unuse({ stack: 'dbcore', name: 'Observability' });
    this.unuse({ stack: 'dbcore', name: 'Cache' });
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
    // One index serves two readers: the study session reads only what it shows first (study-data.ts) and the deck
    // list and the Library count today's cards (deck-counts.ts). Each kind of card in due order makes the due reviews one
    // range that stops at the day's limit. Adding an index needs no upgrade: IndexedDB builds it from the stored rows.
    this.version(7).stores({ states: 'cardId, deckId, due, state, [deckId+inactive+due], [deckId+inactive+state], [inactive+due], [deckId+inactive+state+due]' });
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
