// Shared shapes for every importer: a parse either yields validated decks or one typed error with a user-facing message.
import type { Deck } from '../domain/model';
import type { MediaFile } from './media';

export type ImportFormat = 'json' | 'csv' | 'notes' | 'apkg' | 'share' | 'backup';

export type ImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'malformed'
  | 'unsupported-version'
  | 'invalid'
  | 'unsafe-archive'
  | 'not-anki'
  | 'tampered'
  | 'cancelled';

export interface ImportError {
  code: ImportErrorCode;
  /** One or two sentences a user can act on; names the problem and, where known, where it is. */
  message: string;
}

export type Result<T, E = ImportError> = { ok: true; value: T } | { ok: false; error: E };

export interface ImportBundle {
  format: ImportFormat;
  /** The file name or "share link". */
  source: string;
  decks: Deck[];
  /** Problems that did not stop the import (skipped rows, media left out…), shown in the preview. */
  warnings: string[];
  /** Images the cards refer to as drydock-media: references (Anki packages), stored with the cards. */
  media?: MediaFile[];
  /** For the preview: distinct images kept and left out (too large, not an image, missing). */
  images?: { imported: number; skipped: number };
}

export interface ParseOptions {
  signal?: AbortSignal;
  /** 0..1 */
  onProgress?: (fraction: number) => void;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ImportErrorCode, message: string): { ok: false; error: ImportError } => ({ ok: false, error: { code, message } });

/** Thrown inside parsers and turned into a failed Result at the boundary, so deep helpers need not thread Results. */
export class ImportFailure extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function cancelled(): ImportFailure {
  return new ImportFailure('cancelled', 'The import was cancelled. Nothing was changed.');
}

/** Runs a parser body, turning ImportFailure (and anything unexpected) into a failed Result. */
export async function guard<T>(body: () => Promise<T>, what: string): Promise<Result<T>> {
  try {
    return ok(await body());
  } catch (e) {
    if (e instanceof ImportFailure) return fail(e.code, e.message);
    if (e instanceof DOMException && e.name === 'AbortError') return fail('cancelled', cancelled().message);
    return fail('malformed', `This ${what} could not be read (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`);
  }
}

/** Lets the page paint and handle input between chunks of parsing; throws when the user cancelled. */
export async function yieldToPage(signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw cancelled();
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (signal?.aborted) throw cancelled();
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
