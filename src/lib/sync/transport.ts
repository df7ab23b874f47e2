// The sync server's HTTP API (protocol 1), as the device sees it. Every failure becomes a SyncError whose message a
// learner can read; nothing here touches the collection.
import type { SealedOp } from '../io/sync-crypto';

export const PROTOCOL = 1;

export type SyncErrorCode = 'offline' | 'no-server' | 'unauthorized' | 'device-removed' | 'update-app' | 'server-older' | 'rate-limited' | 'too-large' | 'server' | 'space-exists';

const MESSAGES: Record<SyncErrorCode, string> = {
  offline: 'You are offline. Changes wait on this device and sync when you are back online.',
  'no-server': 'Sync is not available here: this copy of Drydock runs without a sync server.',
  unauthorized: 'The sync server does not know this code. It may have been changed on another device: pair this device again with the new code.',
  'device-removed': 'This device was removed from sync on another device.',
  'update-app': 'This app is older than the sync server. Reload to update Drydock.',
  'server-older': 'The sync server is older than this app and cannot sync with it yet.',
  'rate-limited': 'The sync server asked us to slow down. Sync will try again in a minute.',
  'too-large': 'The sync server refused a batch as too large.',
  server: 'The sync server had a problem. Your changes wait on this device; sync will try again.',
  'space-exists': 'That sync space already exists with another code.',
};

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message = MESSAGES[code],
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export interface Credentials {
  space: string;
  token: string;
  device: string;
}

export interface PulledOp extends SealedOp {
  seq: number;
  device: string;
}

export interface DeviceListing {
  device: string;
  label: string;
  createdAt: number | string;
  lastSeenAt: number | string | null;
  removed: boolean;
}

export interface SyncTransport {
  health(): Promise<void>;
  createSpace(c: Credentials): Promise<void>;
  registerDevice(c: Credentials, label: string): Promise<void>;
  listDevices(c: Credentials): Promise<DeviceListing[]>;
  removeDevice(c: Credentials, device: string): Promise<void>;
  deleteSpace(c: Credentials): Promise<void>;
  push(c: Credentials, ops: SealedOp[]): Promise<{ accepted: number; duplicates: number; last: number }>;
  pull(c: Credentials, after: number, limit: number): Promise<{ ops: PulledOp[]; last: number; more: boolean }>;
}

/** `base`: where the app is served from (the API lives under its `api/`). */
export function httpTransport(base: string, fetcher: typeof fetch = (...args) => fetch(...args)): SyncTransport {
  async function call(path: string, init: RequestInit & { credentials?: never } = {}, c?: Credentials): Promise<unknown> {
    const headers: Record<string, string> = { 'X-Drydock-Protocol': String(PROTOCOL) };
    if (init.body) headers['Content-Type'] = 'application/json';
    if (c) {
      headers.Authorization = `Bearer ${c.token}`;
      headers['X-Drydock-Device'] = c.device;
    }
    let response: Response;
    try {
      response = await fetcher(new URL(`api/${path}`, base).href, { ...init, headers, cache: 'no-store' });
    } catch {
      throw new SyncError('offline');
    }
    // A static host answers without the header (its 404 page, or the app's index.html): no sync server there.
    const header = response.headers.get('X-Drydock-Protocol');
    const serverProtocol = header === null ? Number.NaN : Number(header);
    const body = response.status === 204 ? null : await response.json().catch(() => null);
    if (response.ok && !Number.isFinite(serverProtocol)) throw new SyncError('no-server');
    if (response.ok) return body;
    const error = (body as { error?: string } | null)?.error;
    if (response.status === 426 || error === 'update-app') throw new SyncError('update-app');
    if (response.status === 401) throw new SyncError('unauthorized');
    if (response.status === 403 && error === 'device-removed') throw new SyncError('device-removed');
    if (response.status === 409) throw new SyncError('space-exists');
    if (response.status === 413) throw new SyncError('too-large');
    if (response.status === 429) throw new SyncError('rate-limited');
    if (response.status === 404 || response.status === 405) throw new SyncError(Number.isFinite(serverProtocol) && serverProtocol < PROTOCOL ? 'server-older' : 'no-server');
    throw new SyncError('server');
  }
  const space = (c: Credentials) => `spaces/${encodeURIComponent(c.space)}`;
  return {
    async health() {
      const body = (await call('health')) as { ok?: boolean; protocol?: number } | null;
      if (!body?.ok) throw new SyncError('no-server');
      if ((body.protocol ?? 0) < PROTOCOL) throw new SyncError('server-older');
    },
    async createSpace(c) {
      await call('spaces', { method: 'POST', body: JSON.stringify({ space: c.space }) }, c);
    },
    async registerDevice(c, label) {
      await call(`${space(c)}/devices`, { method: 'POST', body: JSON.stringify({ device: c.device, label }) }, c);
    },
    async listDevices(c) {
      return ((await call(`${space(c)}/devices`, {}, c)) as { devices: DeviceListing[] }).devices;
    },
    async removeDevice(c, device) {
      await call(`${space(c)}/devices/${encodeURIComponent(device)}`, { method: 'DELETE' }, c);
    },
    async deleteSpace(c) {
      await call(space(c), { method: 'DELETE' }, c);
    },
    async push(c, ops) {
      return (await call(`${space(c)}/push`, { method: 'POST', body: JSON.stringify({ ops }) }, c)) as { accepted: number; duplicates: number; last: number };
    },
    async pull(c, after, limit) {
      return (await call(`${space(c)}/pull?after=${after}&limit=${limit}`, {}, c)) as { ops: PulledOp[]; last: number; more: boolean };
    },
  };
}
