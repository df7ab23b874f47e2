// Runs the automatic backups: at start-up (once the page is idle) and whenever the app comes back to the foreground,
// so a day that ended with the app open is still captured. Failures (a full disk) are logged and retried next time;
// studying never waits on a backup.
import { takeSnapshotIfDue } from './snapshots';
import { syncBackupFolder } from './backup-folder';

let running: Promise<void> | null = null;

export function runDailyBackup(now = Date.now()): Promise<void> {
  running ??= (async () => {
    try {
      await takeSnapshotIfDue(now);
      await syncBackupFolder(now);
    } catch (e) {
      console.warn('Automatic backup failed; it will be retried.', e);
    } finally {
      running = null;
    }
  })();
  return running;
}

export function startDailyBackups(): void {
  const later = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 5000 }) : setTimeout(fn, 1000));
  later(() => void runDailyBackup());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void runDailyBackup();
  });
}
