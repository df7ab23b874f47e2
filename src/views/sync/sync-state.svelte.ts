// The Sync screen: turn sync on (a new space, or join one by code, QR or link), see its status, sync now, list and
// remove devices, change the code, and restore what lost a concurrent edit.
import { syncController, appBase } from '../../lib/ui/sync.svelte';
import { createSpace, joinWithCode, leaveSpace, listDevices, pairingOf, removeDevice, rotateSecret, type DeviceEntry, type Enrolment } from '../../lib/sync/engine';
import { SyncError } from '../../lib/sync/transport';
import { dismissConflict, listConflicts, restoreConflict } from '../../lib/db/sync-conflicts';
import type { ConflictRecord } from '../../lib/db/db';
import { cardBack, cardFront, type Card } from '../../lib/domain/model';

export interface ConflictEntry {
  id: number;
  what: string;
  /** The losing version, in words. */
  lost: string;
  /** What is in the collection now, in words. */
  kept: string;
  at: number;
}

export function describeConflict(c: ConflictRecord): ConflictEntry {
  // Two versions of a card usually differ on one side: show the side that differs.
  const sameFront = c.entity === 'card' && c.value !== null && c.winner !== null && cardFront(c.value as unknown as Card) === cardFront(c.winner as unknown as Card);
  const words = (v: Record<string, unknown> | null) => {
    if (v === null) return 'deleted';
    if (c.entity === 'card') return `“${(sameFront ? cardBack(v as unknown as Card) : cardFront(v as unknown as Card)).slice(0, 140)}”`;
    if (c.entity === 'deck') return `“${String(v.title)}”`;
    return 'a different value';
  };
  const what = c.entity === 'card' ? 'Card' : c.entity === 'deck' ? 'Deck' : `Setting “${c.key}”`;
  return { id: c.id!, what, lost: words(c.value), kept: words(c.winner), at: c.at };
}

export function defaultDeviceName(userAgent: string): string {
  if (/iPhone/.test(userAgent)) return 'iPhone';
  if (/iPad/.test(userAgent)) return 'iPad';
  if (/Android/.test(userAgent)) return /Mobile/.test(userAgent) ? 'Android phone' : 'Android tablet';
  if (/Macintosh/.test(userAgent)) return 'Mac';
  if (/Windows/.test(userAgent)) return 'Windows computer';
  if (/Linux/.test(userAgent)) return 'Linux computer';
  return 'This device';
}

export class SyncScreenState {
  readonly status = syncController;
  loaded = $state(false);
  /** null until checked; false on a static host with no sync server. */
  serverAvailable = $state<boolean | null>(null);
  pairing = $state.raw<Enrolment | null>(null);
  showCode = $state(false);
  qrDataUrl = $state<string | null>(null);
  joinCode = $state('');
  deviceName = $state(defaultDeviceName(typeof navigator === 'undefined' ? '' : navigator.userAgent));
  devices = $state.raw<DeviceEntry[]>([]);
  conflicts = $state.raw<ConflictEntry[]>([]);
  working = $state(false);
  message = $state<string | null>(null);
  error = $state<string | null>(null);

  constructor(prefilledCode = '') {
    this.joinCode = prefilledCode;
  }

  async load(): Promise<void> {
    await syncController.refresh();
    this.pairing = await pairingOf(appBase());
    this.conflicts = (await listConflicts()).map(describeConflict);
    this.loaded = true;
    void this.checkServer();
    if (syncController.member) void this.loadDevices();
  }

  async checkServer(): Promise<void> {
    try {
      await syncController.context().transport.health();
      this.serverAvailable = true;
    } catch {
      this.serverAvailable = false;
    }
  }

  async loadDevices(): Promise<void> {
    try {
      this.devices = await listDevices(syncController.context());
    } catch {
      this.devices = [];
    }
  }

  async #run(action: () => Promise<void>): Promise<void> {
    this.working = true;
    this.error = null;
    this.message = null;
    try {
      await action();
    } catch (error) {
      this.error = error instanceof SyncError ? error.message : 'Something went wrong; nothing was changed. Try again.';
    } finally {
      this.working = false;
    }
  }

  create(): Promise<void> {
    return this.#run(async () => {
      this.pairing = await createSpace(syncController.context(), this.deviceName.trim() || 'This device', appBase());
      this.showCode = true;
      await this.#afterJoin();
      this.message = 'Sync is on. Pair your other devices with the code below.';
    });
  }

  join(): Promise<void> {
    return this.#run(async () => {
      await joinWithCode(syncController.context(), this.joinCode, this.deviceName.trim() || 'This device');
      this.pairing = await pairingOf(appBase());
      await this.#afterJoin();
      this.message = 'This device joined. Your decks and progress from both sides are merged.';
    });
  }

  async #afterJoin(): Promise<void> {
    await syncController.syncNow();
    await this.loadDevices();
    if (this.showCode) await this.makeQr();
  }

  async toggleCode(): Promise<void> {
    this.showCode = !this.showCode;
    if (this.showCode) await this.makeQr();
  }

  async makeQr(): Promise<void> {
    if (!this.pairing) return;
    // Drawn as SVG text shown through an <img>: nothing of it runs or enters the page's DOM.
    const { toString } = await import('qrcode');
    const svg = await toString(this.pairing.link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    this.qrDataUrl = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }

  syncNow(): Promise<void> {
    return this.#run(async () => {
      await syncController.syncNow();
      this.conflicts = (await listConflicts()).map(describeConflict);
      await this.loadDevices();
    });
  }

  remove(device: string): Promise<void> {
    return this.#run(async () => {
      await removeDevice(syncController.context(), device);
      await this.loadDevices();
      this.message = 'Removed. To be sure it can never read new changes, also change the code.';
    });
  }

  rotate(): Promise<void> {
    return this.#run(async () => {
      this.pairing = await rotateSecret(syncController.context(), appBase());
      this.showCode = true;
      await this.makeQr();
      await syncController.refresh();
      await this.loadDevices();
      this.message = 'The code changed. Pair your other devices again with the new code; the old one no longer works.';
    });
  }

  leave(): Promise<void> {
    return this.#run(async () => {
      await leaveSpace();
      this.pairing = null;
      this.devices = [];
      this.showCode = false;
      await syncController.refresh();
      this.message = 'Sync is off on this device. Your collection stays here as it is.';
    });
  }

  restore(id: number): Promise<void> {
    return this.#run(async () => {
      await restoreConflict(id, Date.now());
      this.conflicts = (await listConflicts()).map(describeConflict);
      syncController.schedule(0);
      this.message = 'Restored. It replaces the other version on every device at the next sync.';
    });
  }

  dismiss(id: number): Promise<void> {
    return this.#run(async () => {
      await dismissConflict(id);
      this.conflicts = (await listConflicts()).map(describeConflict);
    });
  }
}
