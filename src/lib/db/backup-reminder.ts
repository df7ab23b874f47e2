// The reminder to download a backup file: when the last download is over 14 days old and there are reviews since
// (domain/backups.ts). Downloads are recorded per device; the learner may turn the reminder off.
import { backupReminderDue } from '../domain/backups';
import { db } from './db';
import { readDevice, writeDevice } from './device';

const KEY = 'backupDownloads';

export interface BackupDownloads {
  lastDownloadAt: number | null;
  reminderOff: boolean;
}

export async function backupDownloads(): Promise<BackupDownloads> {
  return { lastDownloadAt: null, reminderOff: false, ...(await readDevice<BackupDownloads>(KEY)) };
}

export async function recordBackupDownload(now: number): Promise<void> {
  await writeDevice(KEY, { ...(await backupDownloads()), lastDownloadAt: now });
}

export async function setBackupReminderOff(off: boolean): Promise<void> {
  await writeDevice(KEY, { ...(await backupDownloads()), reminderOff: off });
}

export interface ReminderStatus {
  due: boolean;
  lastDownloadAt: number | null;
  reviewsSince: number;
}

export async function backupReminderStatus(now: number): Promise<ReminderStatus> {
  const { lastDownloadAt, reminderOff } = await backupDownloads();
  const [reviewsSince, first] = await Promise.all([
    db.reviews.where('review').above(lastDownloadAt ?? -Infinity).count(),
    db.reviews.orderBy('review').first(),
  ]);
  const due = backupReminderDue({ lastDownloadAt, firstReviewAt: first?.review ?? null, reviewsSince, off: reminderOff }, now);
  return { due, lastDownloadAt, reviewsSince };
}
