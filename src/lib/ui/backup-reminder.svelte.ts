// The home screen's reminder to download a backup file (rules in domain/backups.ts). "Not now" hides it for this visit;
// "Don't remind me" turns it off (Settings → Backups turns it back on).
import { backupReminderStatus, recordBackupDownload, setBackupReminderOff } from '../db/backup-reminder';

let hiddenThisVisit = false;

export class BackupReminder {
  due = $state(false);
  lastDownloadAt = $state<number | null>(null);
  reviewsSince = $state(0);

  /** Never fails: a status that cannot be read leaves the reminder hidden. */
  async load(now: number): Promise<void> {
    try {
      await this.#read(now);
    } catch {
      // Nothing to remind of when the collection cannot be read; the deck list says so itself.
    }
  }

  async #read(now: number): Promise<void> {
    const status = await backupReminderStatus(now);
    this.due = status.due && !hiddenThisVisit;
    this.lastDownloadAt = status.lastDownloadAt;
    this.reviewsSince = status.reviewsSince;
  }

  /** The file to save; the reminder goes away. */
  async download(now: number): Promise<{ name: string; blob: Blob }> {
    // The backup writer loads when it is asked for, not with the home screen.
    const { makeBackupFile } = await import('../db/backup-file');
    const file = await makeBackupFile(now);
    await recordBackupDownload(now);
    this.due = false;
    return file;
  }

  notNow(): void {
    hiddenThisVisit = true;
    this.due = false;
  }

  async turnOff(): Promise<void> {
    await setBackupReminderOff(true);
    this.due = false;
  }
}
