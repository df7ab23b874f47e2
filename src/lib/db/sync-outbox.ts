// The outbox: a Dexie DBCore middleware that turns every change to cards, decks, settings and reviews into a sync
// operation, written in the same IndexedDB transaction as the change itself (the transaction's scope is widened to
// the outbox, so an answer and its operation commit or fail together). Writers need not know about sync, so editor
// saves, imports, restores and repairs are all carried. Only while this device is in a sync space; transactions that
// derive data on every device alike (bundled-deck updates, applying operations received) are marked local-only.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import { entityKey, OP_FORMAT, type EntityKind, type SyncOp, type SyncOpBody } from '../domain/sync/operations';
import { formatHlc, parseHlc, tick, type Hlc } from '../domain/sync/hlc';
import { randomId } from '../io/sync-crypto';

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
  clock: Hlc;
}
const perTransaction = new WeakMap<object, Promise<TxSync | null>>();

function syncOf(down: DBCore, trans: DBCoreTransaction): Promise<TxSync | null> {
  let found = perTransaction.get(trans);
  if (!found) {
    found = (async () => {
      const device = down.table('device');
      const [membership, clock] = await Promise.all([device.get({ trans, key: SYNC_KEYS.membership }), device.get({ trans, key: SYNC_KEYS.clock })]);
      const m = membership?.value as SyncMembership | undefined;
      if (!m) return null;
      const parsed = typeof clock?.value === 'string' ? parseHlc(clock.value) : null;
      return { membership: m, clock: parsed ?? { wall: 0, counter: 0, device: m.deviceId } };
    })();
    perTransaction.set(trans, found);
  }
  return found;
}

/** What a card, deck or setting version carries: the record without what each device keeps for itself. */
export function versionValue(entity: EntityKind, record: Record<string, unknown>): Record<string, unknown> {
  const { retired: _r, bundleHash: _b, ...rest } = record;
  return entity === 'card' || entity === 'deck' ? rest : record;
}

export const syncOutboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'drydock-sync-outbox',
  create(down) {
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
        return { ...table, mutate: (req) => mutateWithOutbox(down, table, kind, req) };
      },
    };
  },
};

async function mutateWithOutbox(down: DBCore, table: DBCoreTable, kind: EntityKind | 'review', req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const trans = req.trans as DBCoreTransaction & { mode?: string };
  if (localOnly.has(trans) || trans.mode === 'versionchange') return table.mutate(req);
  const sync = await syncOf(down, trans);
  if (!sync) return table.mutate(req);

  const bodies: SyncOpBody[] = [];
  let request = req;
  if (kind === 'review') {
    if (req.type === 'add' || req.type === 'put') {
      const values = req.values.map((v) => (v.uid ? v : { ...v, uid: randomId() }));
      request = { ...req, values };
      for (const v of values) {
        bodies.push({ type: 'review', review: { uid: v.uid, cardId: v.cardId, deckId: v.deckId, rating: v.rating, at: v.review, durationMs: v.durationMs ?? 0, source: v.source === 'mock' ? 'mock' : 'study' } });
      }
    } else {
      for (const row of await rowsToDelete(table, req)) if (row?.uid) bodies.push({ type: 'unreview', uid: row.uid, cardId: row.cardId });
    }
  } else {
    const versions: { key: string; value: Record<string, unknown> | null }[] = [];
    if (req.type === 'add' || req.type === 'put') {
      for (const v of req.values) versions.push({ key: kind === 'setting' ? v.key : v.id, value: versionValue(kind, v) });
    } else {
      for (const row of await rowsToDelete(table, req)) if (row) versions.push({ key: kind === 'setting' ? row.key : row.id, value: null });
    }
    const relevant = kind === 'setting' ? versions.filter((v) => !DEVICE_ONLY_SETTINGS.has(v.key)) : versions;
    if (relevant.length > 0) {
      const clocks = down.table('clocks');
      const keys = relevant.map((v) => entityKey(kind, v.key));
      const current = await clocks.getMany({ trans, keys });
      const writes = relevant.map((v, i) => {
        sync.clock = tick(sync.clock, Date.now());
        const hlc = formatHlc(sync.clock);
        const base: string = current[i]?.hlc ?? '';
        bodies.push({ type: 'version', entity: kind, key: v.key, hlc, base, value: v.value });
        return { key: keys[i], hlc, base };
      });
      await clocks.mutate({ trans, type: 'put', values: writes });
      await down.table('device').mutate({ trans, type: 'put', values: [{ key: SYNC_KEYS.clock, value: formatHlc(sync.clock) }] });
    }
  }
  const result = await table.mutate(request);
  if (bodies.length > 0) {
    const device = sync.membership.deviceId;
    const rows = bodies.map((body) => ({ op: { ...body, id: randomId(), device, format: OP_FORMAT } as SyncOp }));
    await down.table('outbox').mutate({ trans, type: 'add', values: rows });
    outboxListeners.forEach((listener) => listener());
  }
  return result;
}

async function rowsToDelete(table: DBCoreTable, req: DBCoreMutateRequest): Promise<Record<string, any>[]> {
  if (req.type === 'delete') return table.getMany({ trans: req.trans, keys: req.keys });
  if (req.type === 'deleteRange') {
    const found = await table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } });
    return found.result;
  }
  return [];
}

const outboxListeners = new Set<() => void>();

/** Called (synchronously, inside the writing transaction) whenever an operation is queued: sync schedules a push. */
export function onOutboxWrite(listener: () => void): () => void {
  outboxListeners.add(listener);
  return () => outboxListeners.delete(listener);
}
