// Picks the importer for a file from its name and first bytes, reads it under the size limit, and parses it.
// The heavy libraries (sql.js, fflate, fzstd) load only when an .apkg is opened.
import { MAX_DECK_FILE_BYTES } from './limits';
import { fail, formatBytes, type ImportBundle, type ParseOptions, type Result } from './result';

export type DeckFileFormat = 'json' | 'csv' | 'notes' | 'apkg';

export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function detectFormat(name: string, head: Uint8Array): DeckFileFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.apkg') || lower.endsWith('.colpkg') || (head[0] === 0x50 && head[1] === 0x4b)) return 'apkg';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return 'csv';
  if (lower.endsWith('.md') || lower.endsWith('.markdown') || lower.endsWith('.txt')) return 'notes';
  const start = new TextDecoder().decode(head.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (start.startsWith('#')) return 'notes';
  return 'csv';
}

export function decodeUtf8(bytes: Uint8Array, name: string): Result<string> {
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail('malformed', `"${name}" is not UTF-8 text, so it cannot be read as a deck. Save it as UTF-8 (or pick a different file). Nothing was changed.`);
  }
}

export async function openDeckFile(file: FileLike, opts: ParseOptions = {}): Promise<Result<ImportBundle>> {
  if (file.size === 0) return fail('empty', `"${file.name}" is empty. Nothing was changed.`);
  if (file.size > MAX_DECK_FILE_BYTES) {
    return fail('too-large', `"${file.name}" is ${formatBytes(file.size)}; the limit for a deck file is ${formatBytes(MAX_DECK_FILE_BYTES)}. Nothing was changed.`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return fail('malformed', `"${file.name}" could not be read from the device. Nothing was changed.`);
  }
  const format = detectFormat(file.name, bytes.subarray(0, 64));
  if (format === 'apkg') {
    const { readApkg } = await import('./apkg-read');
    return readApkg(bytes, file.name, opts);
  }
  const text = decodeUtf8(bytes, file.name);
  if (!text.ok) return text;
  if (format === 'json') return (await import('./deck-json')).parseDeckJson(text.value, file.name, opts);
  if (format === 'csv') return (await import('./csv')).parseDelimited(text.value, file.name, opts);
  return (await import('./notes')).parseNotes(text.value, file.name, opts);
}
