// One round of sync: push the outbox, then pull everything since the cursor. Safe to repeat and to interrupt at any
// point: the server stores an operation once whatever the retries, the outbox keeps an operation until the server
// acknowledged it, and each pulled page is applied together with its cursor. Server errors never touch the
// collection; the outbox simply waits.
import { db, type DrydockDB } from '../db/db';
import { applyRemoteOps } from '../db/sync-apply';
import { dropPushed, joinSpace, leaveSpace, readCursor, readMembership, readSyncStatus, writeSyncStatus } from '../db/sync-membership';
import type { SyncMembership } from '../db/sync-outbox';
import { deriveSpaceKeys, newPairingCode, normalisePairingCode, openOp, randomId, sealOp, sealText, openText, type SpaceKeys } from '../io/sync-crypto';
import type { SyncOp } from '../domain/sync/operations';
import { SyncError, type Credentials, type SyncTransport } from './transport';

/** Limits that keep each request well inside the server's (500 operations, 1 MiB). */
const PUSH_BATCH = 200;
const PUSH_BYTES = 700_000;
const PULL_PAGE = 500;

export interface SyncContext {
  transport: SyncTransport;
  database?: DrydockDB;
  now?: () => number;
}

export interface SyncRoundReport {
  pushed: number;
  pulled: number;
  conflicts: number;
  /** Operations that could not be opened (sealed with another key, or damaged): skipped. */
  unreadable: number;
}

const keyCache = new Map<string, Promise<SpaceKeys>>();
function keysFor(code: string): Promise<SpaceKeys> {
  let keys = keyCache.get(code);
  if (!keys) keyCache.set(code, (keys = deriveSpaceKeys(code)));
  return keys;
}

async function credentialsOf(m: SyncMembership): Promise<{ keys: SpaceKeys; credentials: Credentials }> {
  const keys = await keysFor(m.code);
  return { keys, credentials: { space: keys.space, token: keys.token, device: m.deviceId } };
}

export async function syncRound(ctx: SyncContext): Promise<SyncRoundReport> {
  const d = ctx.database ?? db;
  const now = ctx.now ?? Date.now;
  const membership = await readMembership(d);
  if (!membership) throw new Error('This device is not in a sync space.');
  const report: SyncRoundReport = { pushed: 0, pulled: 0, conflicts: 0, unreadable: 0 };
  try {
    const { keys, credentials } = await credentialsOf(membership);
    // Push, oldest first, until the outbox is empty.
    for (;;) {
      const rows = await d.outbox.orderBy('seq').limit(PUSH_BATCH).toArray();
      if (rows.length === 0) break;
      const sealed = [];
      let bytes = 0;
      for (const row of rows) {
        const op = await sealOp(keys, row.op);
        bytes += op.data.length + 64;
        if (sealed.length > 0 && bytes > PUSH_BYTES) break;
        sealed.push(op);
      }
      await ctx.transport.push(credentials, sealed);
      await dropPushed(rows.slice(0, sealed.length).map((r) => r.seq!), d);
      report.pushed += sealed.length;
    }
    // Pull every page since the cursor.
    let cursor = await readCursor(d);
    for (;;) {
      const page = await ctx.transport.pull(credentials, cursor, PULL_PAGE);
      const ops: SyncOp[] = [];
      let next = Math.max(cursor, page.last, ...page.ops.map((o) => o.seq));
      let newerApp = false;
      for (const sealed of page.ops) {
        const opened = await openOp(keys, sealed);
        if (opened.ok) ops.push(opened.op);
        else if (opened.error === 'newer-format') {
          // Made by a newer version of the app: stop before it, so it is read once this device is updated.
          next = sealed.seq - 1;
          newerApp = true;
          break;
        } else report.unreadable++;
      }
      const applied = await applyRemoteOps(ops, next, membership.deviceId, now(), d);
      report.pulled += applied.applied;
      report.conflicts += applied.conflicts;
      cursor = next;
      if (newerApp) throw new SyncError('update-app', 'Another device runs a newer Drydock. Reload to update this one; its changes wait on the server until then.');
      if (!page.more || page.ops.length === 0) break;
    }
    const unreadable =
      report.unreadable === 0 ? null : `${report.unreadable} change${report.unreadable === 1 ? '' : 's'} from another device could not be read (damaged, or sealed with another code) and ${report.unreadable === 1 ? 'was' : 'were'} skipped.`;
    await writeSyncStatus({ lastSyncAt: now(), error: unreadable, errorCode: unreadable ? 'unreadable' : null }, d);
    return report;
  } catch (error) {
    const previous = await readSyncStatus(d);
    const sync = error instanceof SyncError ? error : new SyncError('server');
    if (sync.code === 'device-removed') await leaveSpace(d);
    await writeSyncStatus({ ...previous, error: sync.message, errorCode: sync.code }, d);
    throw sync;
  }
}

export interface Enrolment {
  code: string;
  link: string;
}

function pairingLink(base: string, code: string): string {
  // The code travels in the fragment, which browsers never send to a server.
  return new URL(`#/pair/${code}`, base).href;
}

/** Starts a new sync space with this device in it, and queues the whole collection for it. */
export async function createSpace(ctx: SyncContext, deviceName: string, base: string): Promise<Enrolment> {
  const d = ctx.database ?? db;
  await ctx.transport.health();
  const code = newPairingCode();
  const membership: SyncMembership = { code, space: '', deviceId: randomId(), deviceName, joinedAt: (ctx.now ?? Date.now)() };
  const { keys, credentials } = await credentialsOf(membership);
  membership.space = keys.space;
  await ctx.transport.createSpace(credentials);
  await ctx.transport.registerDevice(credentials, await sealText(keys, deviceName));
  await joinSpace(membership, d);
  return { code, link: pairingLink(base, code) };
}

/** Joins an existing space by its code; this device's collection is merged with it, nothing is dropped. */
export async function joinWithCode(ctx: SyncContext, typedCode: string, deviceName: string): Promise<void> {
  const d = ctx.database ?? db;
  const code = normalisePairingCode(typedCode);
  if (!code) throw new SyncError('unauthorized', 'That is not a pairing code: it has 26 letters and digits, like 7K2M-…');
  await ctx.transport.health();
  const membership: SyncMembership = { code, space: '', deviceId: randomId(), deviceName, joinedAt: (ctx.now ?? Date.now)() };
  const { keys, credentials } = await credentialsOf(membership);
  membership.space = keys.space;
  try {
    // Proves the code before anything is written here.
    await ctx.transport.pull(credentials, 0, 1);
  } catch (error) {
    if (error instanceof SyncError && error.code === 'unauthorized') throw new SyncError('unauthorized', 'No sync space has that code. Check it on the other device.');
    throw error;
  }
  await ctx.transport.registerDevice(credentials, await sealText(keys, deviceName));
  await joinSpace(membership, d);
}

export async function pairingOf(base: string, d: DrydockDB = db): Promise<Enrolment | null> {
  const m = await readMembership(d);
  return m ? { code: m.code, link: pairingLink(base, m.code) } : null;
}

export interface DeviceEntry {
  device: string;
  name: string;
  thisDevice: boolean;
  lastSeenAt: number | null;
  removed: boolean;
}

export async function listDevices(ctx: SyncContext): Promise<DeviceEntry[]> {
  const m = await readMembership(ctx.database ?? db);
  if (!m) return [];
  const { keys, credentials } = await credentialsOf(m);
  const devices = await ctx.transport.listDevices(credentials);
  return Promise.all(
    devices.map(async (entry) => ({
      device: entry.device,
      name: (await openText(keys, entry.label)) ?? 'Unnamed device',
      thisDevice: entry.device === m.deviceId,
      lastSeenAt: entry.lastSeenAt === null ? null : new Date(entry.lastSeenAt).getTime(),
      removed: entry.removed,
    })),
  );
}

export async function removeDevice(ctx: SyncContext, device: string): Promise<void> {
  const m = await readMembership(ctx.database ?? db);
  if (!m) return;
  const { credentials } = await credentialsOf(m);
  await ctx.transport.removeDevice(credentials, device);
}

/**
 * A new secret for the space: this device creates the new space, uploads its whole collection there (after one last
 * round on the old one, so nothing pending is lost), then deletes the old space. Other devices pair again with the
 * new code; a removed device keeps only what it already had.
 */
export async function rotateSecret(ctx: SyncContext, base: string): Promise<Enrolment> {
  const d = ctx.database ?? db;
  const old = await readMembership(d);
  if (!old) throw new Error('This device is not in a sync space.');
  await syncRound(ctx);
  const code = newPairingCode();
  const membership: SyncMembership = { ...old, code, space: '', joinedAt: (ctx.now ?? Date.now)() };
  const { keys, credentials } = await credentialsOf(membership);
  membership.space = keys.space;
  await ctx.transport.createSpace(credentials);
  await ctx.transport.registerDevice(credentials, await sealText(keys, old.deviceName));
  await joinSpace(membership, d);
  await syncRound(ctx);
  const previous = await credentialsOf(old);
  await ctx.transport.deleteSpace(previous.credentials);
  return { code, link: pairingLink(base, code) };
}

export { leaveSpace };
