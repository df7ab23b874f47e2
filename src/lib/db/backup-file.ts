// The downloadable backup file (every table as JSON), shared by "Back up everything", the reminder and the backup folder.
import { writeBackup, type ParsedBackup } from '../io/backup';
import { countCollection, countsOf, restoreCollection, RestoreError, snapshotCollection, type CollectionCounts } from './backup';
import { localIsoDate } from '../domain/day';

export interface BackupFileOut {
  name: string;
  blob: Blob;
  counts: CollectionCounts;
}

export async function makeBackupFile(now: number): Promise<BackupFileOut> {
  const collection = await snapshotCollection();
  return { name: `drydock-backup-${localIsoDate(now)}.json`, blob: new Blob([writeBackup(collection, now)], { type: 'application/json' }), counts: countsOf(collection) };
}

/** A backup read and validated, waiting for the learner to confirm; the preview compares its counts with the collection's. */
export interface PendingRestore {
  source: string;
  parsed: ParsedBackup;
  current: CollectionCounts;
  incoming: CollectionCounts;
}

/** The preview of a validated backup: what it holds beside what the collection holds now. */
export async function pendingRestore(source: string, parsed: ParsedBackup): Promise<PendingRestore> {
  return { source, parsed, current: await countCollection(), incoming: countsOf(parsed.snapshot) };
}

/** Replaces the collection with a confirmed backup (one transaction) and says what happened, in the learner's words. */
export async function applyRestore(pending: PendingRestore): Promise<{ ok: true; status: string } | { ok: false; error: string }> {
  try {
    await restoreCollection(pending.parsed.snapshot);
    return { ok: true, status: `Restored ${pending.incoming.decks} decks, ${pending.incoming.cards} cards and ${pending.incoming.reviews} reviews from ${pending.source}.` };
  } catch (e) {
    return { ok: false, error: e instanceof RestoreError ? e.message : `The restore failed and nothing was changed (${e instanceof Error ? e.message : String(e)}).` };
  }
}
