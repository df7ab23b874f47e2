// CSV/TSV: columns front, back, tags (space-separated) and, when several decks travel in one file, deck. Optional
// columns kind, explanation, options, id and note carry every card kind, its id and its note id (csv-kinds.ts).
// The parser is a small state machine with hard limits, so a hostile file (100,000 columns, a 10 MB line) is refused
// early instead of building a huge row, and it yields to the page between chunks.
import { FORMAT_VERSION, type Card, type Deck, cardBack, cardFront } from '../domain/model';
import { slugify, stableId } from '../domain/ids';
import { MAX_COLUMNS, MAX_DECK_FILE_BYTES, MAX_FIELD_CHARS, MAX_IMPORT_CARDS } from './limits';
import { formatBytes, guard, ImportFailure, yieldToPage, type ImportBundle, type ParseOptions, type Result } from './result';
import { KIND_COLUMNS, cardOfKindColumns, kindRowOf, type KindColumn } from './csv-kinds';

const CHUNK = 1 << 16;

/** Splits text into rows of fields (RFC 4180 quoting, any of \n, \r\n, \r as row ends). */
export async function splitRows(text: string, delimiter: string, opts: ParseOptions = {}): Promise<string[][]> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let fieldStart = 0;
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const d = delimiter.charCodeAt(0);
  const endField = (i: number) => {
    if (field.length > MAX_FIELD_CHARS || i - fieldStart > MAX_FIELD_CHARS * 2) {
      throw new ImportFailure('too-large', `Line ${rowLine} has a field longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters, the limit for one card side. Nothing was changed.`);
    }
    row.push(field);
    field = '';
    if (row.length > MAX_COLUMNS) {
      throw new ImportFailure('too-large', `Line ${rowLine} has more than ${MAX_COLUMNS} columns; a card row needs only front, back and tags. Check the separator. Nothing was changed.`);
    }
  };
  let i = 0;
  let nextYield = CHUNK;
  while (i < text.length) {
    if (i >= nextYield) {
      nextYield += CHUNK;
      opts.onProgress?.(i / text.length);
      await yieldToPage(opts.signal);
    }
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy the run up to the next quote in one go; counting lines inside it.
      let j = text.indexOf('"', i);
      if (j === -1) j = text.length;
      const run = text.slice(i, j);
      for (let k = 0; k < run.length; k++) if (run.charCodeAt(k) === 10) line++;
      field += run;
      if (field.length > MAX_FIELD_CHARS) endField(j);
      i = j;
      continue;
    }
    if (c === 34 && field === '' && i === fieldStart) {
      quoted = true;
      i++;
      continue;
    }
    if (c === d) {
      endField(i);
      fieldStart = ++i;
      continue;
    }
    if (c === 10 || c === 13) {
      endField(i);
      rows.push(row);
      row = [];
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      fieldStart = i;
      rowLine = ++line;
      continue;
    }
    // Unquoted run up to the next special character.
    let j = i + 1;
    while (j < text.length) {
      const cj = text.charCodeAt(j);
      if (cj === d || cj === 10 || cj === 13) break;
      j++;
      if (j - fieldStart > MAX_FIELD_CHARS) break;
    }
    field += text.slice(i, j);
    if (field.length > MAX_FIELD_CHARS) endField(j);
    i = j;
  }
  if (quoted) {
    throw new ImportFailure('malformed', `Line ${rowLine} opens a quoted field that never closes, so the file may be truncated. Nothing was changed.`);
  }
  if (field !== '' || row.length > 0) {
    endField(i);
    rows.push(row);
  }
  return rows;
}

type Column = 'front' | 'back' | 'tags' | 'deck' | KindColumn;
const HEADER_NAMES: Record<string, Column> = {
  front: 'front', question: 'front', prompt: 'front', term: 'front',
  back: 'back', answer: 'back', definition: 'back',
  tags: 'tags', tag: 'tags',
  deck: 'deck',
  ...Object.fromEntries(KIND_COLUMNS.map((c) => [c, c])),
};

function detectDelimiter(text: string, source: string): string {
  if (/\.tsv$/i.test(source) || /\.txt$/i.test(source)) return '\t';
  if (/\.csv$/i.test(source)) return ',';
  const first = text.slice(0, text.search(/\r|\n/) === -1 ? 4096 : text.search(/\r|\n/));
  return (first.match(/\t/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? '\t' : ',';
}

const deckTitleOf = (source: string) => source.replace(/\.[^.]+$/, '').trim() || 'Imported cards';

export async function parseDelimited(text: string, source: string, opts: ParseOptions = {}): Promise<Result<ImportBundle>> {
  return guard(async () => {
    if (text.length > MAX_DECK_FILE_BYTES) {
      throw new ImportFailure('too-large', `"${source}" is larger than ${formatBytes(MAX_DECK_FILE_BYTES)}, the limit for a deck file. Nothing was changed.`);
    }
    let body = text.replace(/^\uFEFF/, '');
    if (body.trim() === '') throw new ImportFailure('empty', `"${source}" is empty. Nothing was changed.`);
    if (body.includes('\u0000')) throw new ImportFailure('malformed', `"${source}" is a binary file, not CSV or TSV text. Nothing was changed.`);
    // Anki's text export starts with "#separator:tab", "#html:true" lines.
    let delimiter = detectDelimiter(body, source);
    while (body.startsWith('#')) {
      const end = body.search(/\r?\n/);
      const directive = body.slice(0, end === -1 ? body.length : end);
      const m = /^#separator:(\w+)/i.exec(directive);
      if (m) delimiter = ({ tab: '\t', comma: ',', semicolon: ';', pipe: '|' } as Record<string, string>)[m[1].toLowerCase()] ?? delimiter;
      body = end === -1 ? '' : body.slice(end).replace(/^\r?\n/, '');
    }
    const rows = await splitRows(body, delimiter, opts);
    return cardsOfRows(rows, source, delimiter);
  }, 'file');
}

/**
 * The id of a row: a hash of deck and front, then of deck, front and 2, 3, … for repeated fronts. Each front remembers
 * the next suffix to try, so 100,000 rows with one front cost 100,000 hashes rather than five billion.
 */
function uniqueCardId(deckId: string, front: string, seen: Set<string>, nextSuffix: Map<string, number>): string {
  const base = stableId('csv', deckId, front);
  let id = base;
  if (seen.has(id)) {
    let n = nextSuffix.get(base) ?? 2;
    do id = stableId('csv', deckId, front, String(n++));
    while (seen.has(id));
    nextSuffix.set(base, n);
  }
  seen.add(id);
  return id;
}

function cardsOfRows(rows: string[][], source: string, delimiter: string): ImportBundle {
  const warnings: string[] = [];
  const none = Object.fromEntries(KIND_COLUMNS.map((c) => [c, -1])) as Record<KindColumn, number>;
  let columns: Record<Column, number> = { front: 0, back: 1, tags: 2, deck: -1, ...none };
  let start = 0;
  const head = rows[0]?.map((c) => c.trim().toLowerCase()) ?? [];
  if (head.some((c) => HEADER_NAMES[c] === 'front')) {
    columns = { front: -1, back: -1, tags: -1, deck: -1, ...none };
    head.forEach((c, i) => {
      const name = HEADER_NAMES[c];
      if (name && columns[name] === -1) columns[name] = i;
    });
    start = 1;
  }
  const title = deckTitleOf(source);
  const decks = new Map<string, Deck>();
  const seen = new Set<string>();
  const nextSuffix = new Map<string, number>();
  let skipped = 0;
  let cardCount = 0;
  for (let r = start; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((c) => c.trim() === '')) continue;
    const front = (row[columns.front] ?? '').trim();
    if (!front) {
      if (++skipped <= 5) warnings.push(`Row ${r + 1} has no front text; it was left out.`);
      continue;
    }
    if (++cardCount > MAX_IMPORT_CARDS) {
      throw new ImportFailure('too-large', `"${source}" has more than ${MAX_IMPORT_CARDS.toLocaleString('en')} cards, the limit for one import. Nothing was changed.`);
    }
    const back = columns.back >= 0 ? (row[columns.back] ?? '') : '';
    // Tags are space-separated; a cell with ";" separates by ";" only, so a tag may hold a space.
    const tagCell = columns.tags >= 0 ? (row[columns.tags] ?? '') : '';
    const tags = [...new Set(tagCell.split(tagCell.includes(';') ? ';' : /\s+/).map((t) => t.trim()).filter(Boolean))];
    const deckTitle = (columns.deck >= 0 ? row[columns.deck]?.trim() : '') || title;
    let deck = decks.get(deckTitle);
    if (!deck) {
      const slug = slugify(deckTitle);
      deck = { formatVersion: FORMAT_VERSION, id: `csv-${slug || stableId(deckTitle)}`, title: deckTitle, description: '', tags: [], source, cards: [] };
      decks.set(deckTitle, deck);
    }
    const cell = (c: KindColumn) => (columns[c] >= 0 ? (row[columns[c]] ?? '') : '');
    const ownId = cell('id').trim() && !seen.has(cell('id')) ? cell('id') : null;
    const id = ownId ?? uniqueCardId(deck.id, front, seen, nextSuffix);
    const kinded = cardOfKindColumns(id, tags, front, back, cell);
    if (typeof kinded === 'string') {
      if (++skipped <= 5) warnings.push(`Row ${r + 1}: ${kinded}; it was left out.`);
      continue;
    }
    seen.add(id);
    const card: Card = kinded ?? (/\{\{c\d+::[\s\S]+?\}\}/.test(front)
      ? { id, kind: 'cloze', tags, text: front, ...(back.trim() ? { explanation: back } : {}) }
      : { id, kind: 'basic', tags, prompt: front, answer: back });
    deck.cards.push(card);
  }
  if (skipped > 5) warnings.push(`${skipped - 5} more rows had no front text or could not be read and were left out.`);
  if (decks.size === 0) {
    throw new ImportFailure('empty', `"${source}" has no card rows. Each row needs a front; columns are front, back, tags (separated by "${delimiter === '\t' ? 'tab' : delimiter}"). Nothing was changed.`);
  }
  return { format: 'csv', source, decks: [...decks.values()], warnings };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Front/back of any card kind as CSV carries it: cloze keeps its {{c1::…}} markup so it comes back as cloze. */
export function csvSides(card: Card): [string, string] {
  if (card.kind === 'basic') return [card.prompt, card.answer];
  if (card.kind === 'cloze') return [card.text, card.explanation ?? ''];
  return [cardFront(card), cardBack(card)];
}

/** `kinds`: add the kind, explanation, options, id and note columns, so every kind comes back as it was. */
export function writeCsv(decks: Deck[], delimiter: ',' | '\t' = ',', opts: { kinds?: boolean } = {}): string {
  const many = decks.length > 1;
  const lines = [['front', 'back', 'tags', ...(many ? ['deck'] : []), ...(opts.kinds ? KIND_COLUMNS : [])].join(delimiter)];
  for (const deck of decks) {
    for (const card of deck.cards) {
      const [front, back] = csvSides(card);
      const row = opts.kinds ? kindRowOf(card) : { front, back, cells: [] };
      const tags = card.tags.some((t) => /\s/.test(t)) ? `${card.tags.join('; ')};` : card.tags.join(' ');
      lines.push([row.front, row.back, tags, ...(many ? [deck.title] : []), ...row.cells].map(quote).join(delimiter));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
