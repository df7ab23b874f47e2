// Decompression of untrusted archives. Sizes declared inside an archive are never trusted: every inflated byte is
// counted as it is produced, and decompression stops at the cap (zip bombs). Entry names that climb out of the archive
// (../, absolute paths) refuse the whole file.
import { Unzip, UnzipInflate } from 'fflate';
import { Decompress as ZstdDecompress } from 'fzstd';
import { concatBytes } from './bytes';
import { MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES } from './limits';
import { formatBytes, ImportFailure, yieldToPage } from './result';

const PUSH = 16 * 1024;
/** The most a zstd frame can expand one input byte to: an RLE block is 4 bytes on disk and 128 KB decoded. */
const ZSTD_MAX_EXPANSION = 32_768;

export interface UnzipOptions {
  maxInflated?: number;
  maxEntries?: number;
  /** Which entries to decompress; the others are only listed. */
  want?: (name: string) => boolean;
  signal?: AbortSignal;
}

export interface Archive {
  files: Map<string, Uint8Array>;
  names: string[];
}

export function isUnsafeEntryName(name: string): boolean {
  return name.includes('\0') || /^([a-zA-Z]:)?[\\/]/.test(name) || name.split(/[\\/]/).some((part) => part === '..');
}

function bomb(source: string, cap: number): ImportFailure {
  return new ImportFailure('unsafe-archive', `"${source}" expands to more than ${formatBytes(cap)} when unpacked, the limit for one package, so it was refused (it may be a zip bomb). Nothing was changed.`);
}

export async function unzipSafe(bytes: Uint8Array, source: string, opts: UnzipOptions = {}): Promise<Archive> {
  const cap = opts.maxInflated ?? MAX_INFLATED_BYTES;
  const maxEntries = opts.maxEntries ?? MAX_ZIP_ENTRIES;
  const want = opts.want ?? (() => true);
  const files = new Map<string, Uint8Array>();
  const names: string[] = [];
  const pending = new Set<string>();
  let inflated = 0;
  let error: ImportFailure | null = null;
  const unzip = new Unzip((file) => {
    if (error) return;
    names.push(file.name);
    if (names.length > maxEntries) {
      error = new ImportFailure('unsafe-archive', `"${source}" has more than ${maxEntries} files inside, so it was refused. Nothing was changed.`);
      return;
    }
    if (isUnsafeEntryName(file.name)) {
      error = new ImportFailure('unsafe-archive', `"${source}" contains an entry named "${file.name.slice(0, 80)}" that points outside the archive, so it was refused. Nothing was changed.`);
      return;
    }
    if (!want(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    pending.add(file.name);
    file.ondata = (err, data, final) => {
      if (error) return;
      if (err) {
        error = new ImportFailure('malformed', `"${source}" is damaged: "${file.name}" could not be unpacked (${err.message}). Nothing was changed.`);
        return;
      }
      inflated += data.length;
      size += data.length;
      if (inflated > cap) {
        error = bomb(source, cap);
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) {
        pending.delete(file.name);
        files.set(file.name, concatBytes(chunks, size));
      }
    };
    try {
      file.start();
    } catch {
      error = new ImportFailure('malformed', `"${source}" uses a compression method Drydock cannot read for "${file.name}". Nothing was changed.`);
    }
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length || at === 0; at += PUSH) {
    const end = Math.min(bytes.length, at + PUSH);
    try {
      unzip.push(bytes.subarray(at, end), end >= bytes.length);
    } catch (e) {
      if (!error) error = new ImportFailure('malformed', `"${source}" is not a valid zip archive (${(e as Error).message}). Nothing was changed.`);
    }
    if (error) throw error;
    if (at % (PUSH * 32) === 0) await yieldToPage(opts.signal);
    if (end >= bytes.length) break;
  }
  if (error) throw error;
  if (names.length === 0) throw new ImportFailure('malformed', `"${source}" is not a zip archive (an .apkg is a zip file). Nothing was changed.`);
  if (pending.size > 0) throw new ImportFailure('malformed', `"${source}" is truncated: "${[...pending][0]}" ends early. Nothing was changed.`);
  return { files, names };
}

/** Zstandard (Anki's current collection.anki21b) with a running output cap. */
export async function unzstdCapped(bytes: Uint8Array, cap: number, source: string, signal?: AbortSignal): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const stream = new ZstdDecompress((data) => {
    total += data.length;
    if (total > cap) over = true;
    else chunks.push(data);
  });
  // Pieces small enough that one cannot decode to more than the cap before the count is checked: 16 KB of RLE blocks
  // would decode to 512 MB first.
  const piece = Math.max(64, Math.min(PUSH, Math.floor(cap / ZSTD_MAX_EXPANSION)));
  for (let at = 0; at < bytes.length; at += piece) {
    const end = Math.min(bytes.length, at + piece);
    try {
      stream.push(bytes.subarray(at, end), end >= bytes.length);
    } catch (e) {
      throw new ImportFailure('malformed', `"${source}" holds a damaged compressed collection (${(e as Error).message}). Nothing was changed.`);
    }
    if (over) throw bomb(source, cap);
    if (at % (piece * 32) === 0) await yieldToPage(signal);
  }
  if (total === 0) throw new ImportFailure('malformed', `"${source}" holds an empty or truncated compressed collection. Nothing was changed.`);
  return concatBytes(chunks, total);
}
