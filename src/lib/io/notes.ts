// Markdown or plain-text notes become cards through the same generator as the bundled decks (headings become tags).
import { generateDecks } from '../domain/generator';
import { MAX_DECK_FILE_BYTES } from './limits';
import { formatBytes, guard, ImportFailure, yieldToPage, type ImportBundle, type ParseOptions, type Result } from './result';
import { validateDeck } from './validate-deck';

export async function parseNotes(text: string, source: string, opts: ParseOptions = {}): Promise<Result<ImportBundle>> {
  return guard(async () => {
    if (text.length > MAX_DECK_FILE_BYTES) throw new ImportFailure('too-large', `"${source}" is larger than ${formatBytes(MAX_DECK_FILE_BYTES)}, the limit for a notes file. Nothing was changed.`);
    const body = text.replace(/^\uFEFF/, '');
    if (body.trim() === '') throw new ImportFailure('empty', `"${source}" is empty. Nothing was changed.`);
    if (body.includes('\u0000')) throw new ImportFailure('malformed', `"${source}" is a binary file, not Markdown or text notes. Nothing was changed.`);
    await yieldToPage(opts.signal);
    const generated = generateDecks(body, { source });
    await yieldToPage(opts.signal);
    // The generator's output goes through the same validator as any file, so notes can never produce a bad card.
    const warnings = [...generated.warnings];
    const seen = new Set<string>();
    const decks = generated.decks.map((d, i) => validateDeck(d, `Deck ${i + 1} from "${source}"`, warnings, seen)).filter((d) => d.cards.length > 0);
    if (decks.length === 0) {
      throw new ImportFailure('empty', `No cards could be made from "${source}". Notes become cards from headings with lists, tables, "Q:/A:" pairs and "term: definition" lines. Nothing was changed.`);
    }
    return { format: 'notes', source, decks, warnings };
  }, 'notes file');
}
