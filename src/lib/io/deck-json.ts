// Drydock JSON: one deck object, a list of decks, or { formatVersion, decks: [...] } (what a multi-deck export writes).
import { FORMAT_VERSION, type Deck } from '../domain/model';
import { MAX_DECK_FILE_BYTES } from './limits';
import { formatBytes, guard, ImportFailure, type ImportBundle, type ParseOptions, type Result } from './result';
import { validateDeck } from './validate-deck';

export async function parseDeckJson(text: string, source: string, opts: ParseOptions = {}): Promise<Result<ImportBundle>> {
  return guard(async () => {
    if (text.length > MAX_DECK_FILE_BYTES) {
      throw new ImportFailure('too-large', `"${source}" is larger than ${formatBytes(MAX_DECK_FILE_BYTES)}, the limit for a deck file. Nothing was changed.`);
    }
    const body = text.replace(/^\uFEFF/, '');
    if (body.trim() === '') throw new ImportFailure('empty', `"${source}" is empty. Nothing was changed.`);
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch (e) {
      throw new ImportFailure('malformed', `"${source}" is not valid JSON (${(e as Error).message}). It may be truncated or not a Drydock deck. Nothing was changed.`);
    }
    opts.onProgress?.(0.5);
    return bundleOf(raw, source);
  }, 'file');
}

function bundleOf(raw: unknown, source: string): ImportBundle {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && (raw as { kind?: unknown }).kind === 'drydock-backup') {
    throw new ImportFailure('invalid', `"${source}" is a Drydock backup, not a deck. Use Restore in the Library to restore it. Nothing was changed.`);
  }
  let list: unknown[];
  if (Array.isArray(raw)) list = raw;
  else if (raw && typeof raw === 'object' && Array.isArray((raw as { decks?: unknown }).decks)) {
    const wrapper = raw as { formatVersion?: unknown; decks: unknown[] };
    if (typeof wrapper.formatVersion === 'number' && wrapper.formatVersion > FORMAT_VERSION) {
      throw new ImportFailure('unsupported-version', `"${source}" uses deck format version ${wrapper.formatVersion}, made by a newer Drydock; this version reads format ${FORMAT_VERSION}. Reload Drydock to update it, then try again. Nothing was changed.`);
    }
    list = wrapper.decks;
  } else list = [raw];
  if (list.length === 0) throw new ImportFailure('empty', `"${source}" contains no decks. Nothing was changed.`);
  const warnings: string[] = [];
  const seen = new Set<string>();
  const decks = list.map((d, i) => validateDeck(d, list.length > 1 ? `Deck ${i + 1} in "${source}"` : `"${source}"`, warnings, seen));
  if (decks.every((d) => d.cards.length === 0)) {
    throw new ImportFailure('invalid', `"${source}" has no usable cards.${warnings.length ? ` ${warnings[0]}` : ''} Nothing was changed.`);
  }
  return { format: 'json', source, decks, warnings };
}

export function writeDeckJson(decks: Deck[]): string {
  const clean = decks.map((d) => ({ ...d, formatVersion: FORMAT_VERSION }));
  return JSON.stringify(clean.length === 1 ? clean[0] : { formatVersion: FORMAT_VERSION, decks: clean }, null, 2) + '\n';
}
