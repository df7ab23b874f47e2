// Device sync for the running app: when it runs (on start, a few seconds after answers and edits, when the browser
// comes back online, and on "Sync now"), and what the screens show about it. Loaded after the first paint, and only
// does anything once the learner has turned sync on: nothing leaves the device before that.
import { db } from '../db/db';
import { pendingCount, readMembership, readSyncStatus } from '../db/sync-membership';
import { onOutboxWrite } from '../db/sync-outbox';
import { syncRound, type SyncContext } from '../sync/engine';
import { httpTransport, SyncError } from '../sync/transport';

/** Answers come in bursts: one round a few seconds after the last change carries them together. */
const DEBOUNCE_MS = 4000;
const RETRY_MS = 60_000;

export function appBase(): string {
  return new URL('./', location.href).href;
}

export class SyncController {
  member = $state(false);
  deviceName = $state('');
  busy = $state(false);
  lastSyncAt = $state<number | null>(null);
  pending = $state(0);
  error = $state<string | null>(null);
  errorCode = $state<string | null>(null);
  /** Bumped after every round that brought changes in, so open screens can reload. */
  revision = $state(0);

  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  #started = false;

  context(): SyncContext {
    return { transport: httpTransport(appBase()), database: db };
  }

  async refresh(): Promise<void> {
    const [membership, status, pending] = await Promise.all([readMembership(), readSyncStatus(), pendingCount()]);
    this.member = membership !== null;
    this.deviceName = membership?.deviceName ?? '';
    this.lastSyncAt = status.lastSyncAt ?? null;
    this.error = status.error;
    this.errorCode = status.errorCode;
    this.pending = pending;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    onOutboxWrite(() => this.schedule(DEBOUNCE_MS));
    addEventListener('online', () => this.schedule(0));
    void this.refresh().then(() => {
      if (this.member) this.schedule(0);
    });
  }

  schedule(delay: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.syncNow();
    }, delay);
  }

  /** One round now (or joins the one under way). Errors are shown in the status line, never thrown. */
  syncNow(): Promise<void> {
    this.#running ??= (async () => {
      this.busy = true;
      try {
        if (!(await readMembership())) return;
        const report = await syncRound(this.context());
        if (report.pulled > 0) this.revision++;
        // Class decks are checked on every sync too (loaded on demand; no request unless the collection follows one).
        void import('../class-decks').then((m) => m.checkClassUpdates()).catch(() => undefined);
      } catch (error) {
        if (error instanceof SyncError && (error.code === 'offline' || error.code === 'rate-limited' || error.code === 'server')) this.schedule(RETRY_MS);
      } finally {
        await this.refresh();
        this.busy = false;
        this.#running = null;
      }
    })();
    return this.#running;
  }
}

export const syncController = new SyncController();

/** "Last synced 3 minutes ago · 2 changes waiting", or the error in words. */
export function syncStatusLine(s: Pick<SyncController, 'lastSyncAt' | 'pending' | 'error' | 'busy'>, now: number): string {
  const parts: string[] = [];
  if (s.busy) parts.push('Syncing…');
  else if (s.lastSyncAt === null) parts.push('Not synced yet');
  else parts.push(`Last synced ${ago(now - s.lastSyncAt)}`);
  parts.push(s.pending === 0 ? 'nothing waiting' : s.pending === 1 ? '1 change waiting' : `${s.pending} changes waiting`);
  return parts.join(' · ');
}

function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.floor(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}
