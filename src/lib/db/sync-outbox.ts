// The outbox: a Dexie DBCore middleware that turns every change to cards, decks, settings and reviews into a sync
// operation, written in the same IndexedDB transaction as the change itself (the transaction's scope is widened to
// the outbox, so an answer and its operation commit or fail together). Writers need not know about sync, so editor
// saves, imports, restores and repairs are all carried. Only while this device is in a sync space; transactions that
// derive data on every device alike (bundled-deck updates, applying operations received) are marked local-only.
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware, type Transaction } from 'dexie';
import { entityKey, OP_FORMAT, type EntityKind, type SyncOp, type SyncOpBody } from '../domain/sync/operations';
import { formatHlc, parseHlc, tick, type Hlc } from '../domain/sync/hlc';
import { randomId } from '../io/random-id';

/** This device's membership of a sync space (device table, key `sync`). */
export interface SyncMembership {
  /** The pairing code: the secret every key is derived from. */
  code: string;
  space: string;
  deviceId: string;
  deviceName: string;
  joinedAt: number;
}

export const SYNC_KEYS = { membership: 'sync', clock: 'syncClock', cursor: 'syncCursor', status: 'syncStatus' } as const;

const SYNCED_TABLES: Record<string, EntityKind | 'review'> = { cards: 'card', decks: 'deck', settings: 'setting', reviews: 'review' };
const SYNC_STORES = ['outbox', 'device', 'clocks'];
/** Settings rows that describe this browser, not the collection. */
export const DEVICE_ONLY_SETTINGS = new Set(['storagePersistence', 'backupDownloads', 'backupFolder']);

const localOnly = new WeakSet<object>();

/** Call first thing inside a transaction whose writes every device derives for itself. */
export function markLocalOnly(tx: Transaction): void {
  localOnly.add((tx as Transaction & { idbtrans: object }).idbtrans);
}

interface TxSync {
  membership: SyncMembership;
  /** The device's clock, read once per transaction by the first write that makes a version (see clockOf). */
  clock: Hlc | null;
  clockRead?: PromiseLike<Hlc>;
}
const perTransaction = new WeakMap<object, PromiseLike<TxSync | null>>();

// Every step below chains Dexie's own promises (never a native await): Dexie keeps the transaction's zone through
// them, and the layers under this one (table hooks) read it when the write goes down.
function syncOf(down: DBCore, trans: DBCoreTransaction): PromiseLike<TxSync | null> {
  let found = perTransaction.get(trans);
  if (!found) {
    found = down
      .table('device')
      .get({ trans, key: SYNC_KEYS.membership })
      .then((membership) => {
        const m = membership?.value as SyncMembership | undefined;
        return m ? { membership: m, clock: null } : null;
      });
    perTransaction.set(trans, found);
  }
  return found;
}

/**
 * The device's clock, as this transaction moves it. Only versions (cards, decks, settings) tick it; a review's
 * operation needs none, so an answer reads only the membership. The read goes out beside the version clocks' own
 * read (operationsFor), so it costs no extra round trip.
 */
function clockOf(down: DBCore, trans: DBCoreTransaction, sync: TxSync): PromiseLike<Hlc> {
  sync.clockRead ??= down
    .table('device')
    .get({ trans, key: SYNC_KEYS.clock })
    .then((row) => {
      const parsed = typeof row?.value === 'string' ? parseHlc(row.value) : null;
      sync.clock = parsed ?? { wall: 0, counter: 0, device: sync.membership.deviceId };
      return sync.clock;
    });
  return sync.clockRead;
}

/** What a card, deck or setting version carries: the record without what each device keeps for itself. */
export function versionValue(entity: EntityKind, record: Record<string, unknown>): Record<string, unknown> {
  const { retired: _r, bundleHash: _b, ...rest } = record;
  return entity === 'card' || entity === 'deck' ? rest : record;
}

export const syncOutboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'drydock-sync-outbox',
  create(uncached) {
    // The layers below build a new table object on every table() call (the virtual-index layer re-derives its indexes
    // each time); the device, clock and outbox tables are asked for on every write, so each is built once per connection.
    const tables = new Map<string, DBCoreTable>();
    const down: DBCore = {
      ...uncached,
      table(name) {
        let table = tables.get(name);
        if (!table) tables.set(name, (table = uncached.table(name)));
        return table;
      },
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.some((s) => s in SYNCED_TABLES) ? [...new Set([...stores, ...SYNC_STORES])] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const kind = SYNCED_TABLES[name];
        if (!kind) return table;
        return {
          ...table,
          // A read-write transaction's first read also asks whether this device syncs, so that answer arrives with the
          // writer's own reads (an answer reads its card's state) rather than one round trip later, at its first write.
          get: (req) => {
            if ((req.trans as DBCoreTransaction & { mode?: string }).mode === 'readwrite') syncOf(down, req.trans).then(undefined, () => null);
            return table.get(req);
          },
          mutate: (req) => mutateWithOutbox(down, table, kind, req) as Promise<DBCoreMutateResponse>,
        };
      },
    };
  },
};

function mutateWithOutbox(down: DBCore, table: DBCoreTable, kind: EntityKind | 'review', req: DBCoreMutateRequest): PromiseLike<DBCoreMutateResponse> {
  const trans = req.trans as DBCoreTransaction & { mode?: string };
  // Every review has its id from the start, synced or not, so a collection that starts syncing later needs no rewrite.
  const request: DBCoreMutateRequest =
    kind === 'review' && (req.type === 'add' || req.type === 'put') ? { ...req, values: req.values.map((v) => (v.uid ? v : { ...v, uid: randomId() })) } : req;
  if (localOnly.has(trans) || trans.mode === 'versionchange') return table.mutate(request);
  return syncOf(down, trans).then((sync) => {
    if (!sync) return table.mutate(request);
    return rowsToDelete(table, request)
      .then((deleted) => operationsFor(down, sync, kind, request, deleted))
      .then((bodies) => {
        if (bodies.length === 0) return table.mutate(request);
        const device = sync.membership.deviceId;
        const rows = bodies.map((body) => ({ op: { ...body, id: randomId(), device, format: OP_FORMAT } as SyncOp }));
        // The write and its operations go out together: waiting for the write's result first would cost every synced
        // write (an answer among them) one more round trip to the database before the commit. A refused operation fails
        // the write, so the writer's transaction aborts and neither is kept.
        return Dexie.Promise.all([table.mutate(request), down.table('outbox').mutate({ trans, type: 'add', values: rows })]).then(([result, queued]) => {
          if (queued.numFailures > 0) throw Object.values(queued.failures)[0];
          outboxListeners.forEach((listener) => listener());
          return result;
        });
      });
  });
}

/** The operations one write makes; versions also move their record's clock and the device's clock, in the same transaction. */
function operationsFor(down: DBCore, sync: TxSync, kind: EntityKind | 'review', req: DBCoreMutateRequest, deleted: Record<string, any>[]): PromiseLike<SyncOpBody[]> {
  const trans = req.trans;
  const bodies: SyncOpBody[] = [];
  if (kind === 'review') {
    if (req.type === 'add' || req.type === 'put') {
      for (const v of req.values) {
        bodies.push({ type: 'review', review: { uid: v.uid, cardId: v.cardId, deckId: v.deckId, rating: v.rating, at: v.review, durationMs: v.durationMs ?? 0, source: v.source === 'mock' ? 'mock' : 'study' } });
      }
    } else {
      for (const row of deleted) if (row?.uid) bodies.push({ type: 'unreview', uid: row.uid, cardId: row.cardId });
    }
    return Dexie.Promise.resolve(bodies);
  }
  const versions: { key: string; value: Record<string, unknown> | null }[] = [];
  if (req.type === 'add' || req.type === 'put') {
    for (const v of req.values) versions.push({ key: kind === 'setting' ? v.key : v.id, value: versionValue(kind, v) });
  } else {
    for (const row of deleted) if (row) versions.push({ key: kind === 'setting' ? row.key : row.id, value: null });
  }
  const relevant = kind === 'setting' ? versions.filter((v) => !DEVICE_ONLY_SETTINGS.has(v.key)) : versions;
  if (relevant.length === 0) return Dexie.Promise.resolve(bodies);
  const clocks = down.table('clocks');
  const keys = relevant.map((v) => entityKey(kind, v.key));
  return Dexie.Promise.all([clocks.getMany({ trans, keys }), clockOf(down, trans, sync)]).then(([current]) => {
    // Several writes in one transaction share the clock: each moves on from where the one before left it.
    let clock = sync.clock!;
    const writes = relevant.map((v, i) => {
      clock = tick(clock, Date.now());
      const hlc = formatHlc(clock);
      const base: string = current[i]?.hlc ?? '';
      bodies.push({ type: 'version', entity: kind, key: v.key, hlc, base, value: v.value });
      return { key: keys[i], hlc, base };
    });
    sync.clock = clock;
    return clocks
      .mutate({ trans, type: 'put', values: writes })
      .then(() => down.table('device').mutate({ trans, type: 'put', values: [{ key: SYNC_KEYS.clock, value: formatHlc(clock) }] }))
      .then(() => bodies);
  });
}

function rowsToDelete(table: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<Record<string, any>[]> {
  if (req.type === 'delete') return table.getMany({ trans: req.trans, keys: req.keys });
  if (req.type === 'deleteRange') {
    return table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((found) => found.result);
  }
  return Dexie.Promise.resolve([]);
}

const outboxListeners = new Set<() => void>();

/** Called (synchronously, inside the writing transaction) whenever an operation is queued: sync schedules a push. */
export function onOutboxWrite(listener: () => void): () => void {
  outboxListeners.add(listener);
  return () => outboxListeners.delete(listener);
}

/** For operations another thread's connection queued (the import worker's): this page's listeners schedule the push. */
export function announceOutboxWrite(): void {
  outboxListeners.forEach((listener) => listener());
}
