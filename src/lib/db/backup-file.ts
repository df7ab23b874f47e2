// The downloadable backup file (every table as JSON), shared by "Back up everything", the reminder and the backup folder.
import { writeBackup, type ParsedBackup } from '../io/backup';
import { countsOf, snapshotCollection, type CollectionCounts } from './backup';

export interface BackupFileOut {
  name: string;
  blob: Blob;
  counts: CollectionCounts;
}

const isoDay = (now: number) => new Date(now).toISOString().slice(0, 10);

export async function makeBackupFile(now: number): Promise<BackupFileOut> {
  const collection = await snapshotCollection();
  return { name: `drydock-backup-${isoDay(now)}.json`, blob: new Blob([writeBackup(collection, now)], { type: 'application/json' }), counts: countsOf(collection) };
}

/** A backup read and validated, waiting for the learner to confirm; the preview compares its counts with the collection's. */
export interface PendingRestore {
  source: string;
  parsed: ParsedBackup;
  current: CollectionCounts;
  incoming: CollectionCounts;
}
