// An automatic backup kept inside the browser is the backup file's JSON, gzip-compressed: restoring one goes through the
// same validation (parseBackup) and the same preview as restoring a downloaded file.
import { parseBackup, writeBackup, type CollectionSnapshot, type ParsedBackup } from './backup';
import { compressBytes, decompressCapped } from './bytes';
import { MAX_BACKUP_FILE_BYTES } from './limits';
import { fail, type Result } from './result';

export async function encodeSnapshot(collection: CollectionSnapshot, now: number): Promise<Uint8Array> {
  return compressBytes(new TextEncoder().encode(writeBackup(collection, now)), 'gzip');
}

export async function decodeSnapshot(gzip: Uint8Array, source: string, now: number): Promise<Result<ParsedBackup>> {
  let bytes: Uint8Array | null;
  try {
    bytes = await decompressCapped(gzip, 'gzip', MAX_BACKUP_FILE_BYTES);
  } catch {
    return fail('malformed', `The ${source} is damaged and cannot be read. Nothing was changed.`);
  }
  if (!bytes) return fail('too-large', `The ${source} is larger than a backup may be. Nothing was changed.`);
  return parseBackup(new TextDecoder().decode(bytes), source, now);
}
