// Settings → Backups: the automatic backups kept in this browser (restore any one after the usual preview), the
// reminder to download a backup file, and the backup folder where the browser supports one.
import { applyRestore, pendingRestore, type PendingRestore } from '../../lib/db/backup-file';
import { backupDownloads, setBackupReminderOff } from '../../lib/db/backup-reminder';
import { listSnapshots, readSnapshot, type SnapshotSummary } from '../../lib/db/snapshots';
import { backupFolderStatus, backupFolderSupported, chooseBackupFolder, forgetBackupFolder, syncBackupFolder, type FolderStatus } from '../../lib/db/backup-folder';

export const snapshotLabel = (s: Pick<SnapshotSummary, 'createdAt'>) =>
  `automatic backup of ${new Date(s.createdAt).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}`;

export class BackupsState {
  snapshots = $state.raw<SnapshotSummary[]>([]);
  loaded = $state(false);
  pending = $state.raw<PendingRestore | null>(null);
  /** The snapshot whose preview is open (its list item shows the preview). */
  pendingId = $state<number | null>(null);
  busy = $state(false);
  status = $state<string | null>(null);
  error = $state<string | null>(null);
  reminderOn = $state(true);
  lastDownloadAt = $state<number | null>(null);
  folderSupported = backupFolderSupported();
  folder = $state.raw<FolderStatus | null>(null);

  async load(): Promise<void> {
    const [snapshots, downloads, folder] = await Promise.all([listSnapshots(), backupDownloads(), this.folderSupported ? backupFolderStatus() : null]);
    this.snapshots = snapshots;
    this.reminderOn = !downloads.reminderOff;
    this.lastDownloadAt = downloads.lastDownloadAt;
    this.folder = folder;
    this.loaded = true;
  }

  /** Reads one automatic backup and shows what it would replace; nothing changes until confirmRestore(). */
  async openRestore(id: number, now: number): Promise<void> {
    this.error = null;
    this.status = null;
    const snapshot = this.snapshots.find((s) => s.id === id);
    if (!snapshot) return;
    const source = `the ${snapshotLabel(snapshot)}`;
    const parsed = await readSnapshot(id, source, now);
    if (!parsed.ok) {
      this.error = parsed.error.message;
      return;
    }
    this.pending = await pendingRestore(source, parsed.value);
    this.pendingId = id;
  }

  cancelRestore(): void {
    this.pending = null;
    this.pendingId = null;
  }

  async confirmRestore(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.busy = true;
    try {
      const outcome = await applyRestore(pending);
      if (outcome.ok) {
        this.cancelRestore();
        this.status = outcome.status;
      } else this.error = outcome.error;
    } finally {
      this.busy = false;
    }
  }

  async setReminder(on: boolean): Promise<void> {
    await setBackupReminderOff(!on);
    this.reminderOn = on;
  }

  async chooseFolder(now: number): Promise<void> {
    this.error = null;
    try {
      const name = await chooseBackupFolder(now);
      this.status = `Saved ${name} in the folder. A new file goes there each day after you study.`;
    } catch (e) {
      // Closing the picker is not an error worth a message.
      if (!(e instanceof DOMException && e.name === 'AbortError')) this.error = `Could not use that folder (${e instanceof Error ? e.message : String(e)}).`;
    }
    this.folder = await backupFolderStatus();
  }

  /** Inside a tap, so the browser may ask for permission again. */
  async writeFolderNow(now: number): Promise<void> {
    this.error = null;
    const result = await syncBackupFolder(now, true).catch(() => 'failed' as const);
    if (result === 'written') this.status = 'Backup file saved in the folder.';
    else this.error = result === 'needs-permission' ? 'The browser did not allow writing to the folder.' : 'The backup file could not be written to the folder.';
    this.folder = await backupFolderStatus();
  }

  async forgetFolder(): Promise<void> {
    await forgetBackupFolder();
    this.folder = null;
    this.status = 'Drydock no longer writes to that folder. The files already there are kept.';
  }
}
