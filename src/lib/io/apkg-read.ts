// Anki packages (.apkg): legacy (collection.anki2 / collection.anki21, plain SQLite, note types as JSON in col.models)
// and current (collection.anki21b: zstd-compressed SQLite, schema 18, note types in their own tables, a "meta" file).
// Basic-style notes become basic cards (one per template, so "Basic (and reversed)" gives both directions); Cloze
// notes become one cloze card per deletion number, like Anki's own cards. Images that fields show (<img src>) are
// read from the package's media map (a JSON object in legacy packages, zstd + protobuf in current ones, each file
// zstd-compressed too), checked by their first bytes and kept under the caps in limits.ts (src/lib/io/media.ts);
// sounds and anything else stay a note on the card.
// Notes Drydock wrote (a hidden "Drydock" field, src/lib/io/anki-notetypes.ts) come back as the same cards: same ids,
// kinds and fields, and the same deck id.
import type { Database, SqlValue } from 'sql.js';
import { FORMAT_VERSION, type Card, type Deck } from '../domain/model';
import { slugify, stableId } from '../domain/ids';
import { clozeFor } from '../domain/cloze';
import { MAX_DECK_FILE_BYTES, MAX_IMAGE_BYTES, MAX_IMPORT_CARDS, MAX_IMPORT_IMAGE_BYTES, MAX_INFLATED_BYTES } from './limits';
import { contentId, mediaMarkdown, sniffImage, type MediaFile } from './media';
import { protoString, protoVarint, readProto } from './protobuf';
import { formatBytes, guard, ImportFailure, yieldToPage, type ImportBundle, type ParseOptions, type Result } from './result';
import { ankiFieldToText, imageSources, type FieldNotes } from './sanitize-html';
import { DRYDOCK_FIELD, cardFromNote, drydockMetaOf } from './anki-notetypes';
import { cardProblem, validateCard } from './validate-deck';
import { loadSqlJs } from './sqlite';
import { unzipSafe, unzstdCapped } from './zip-safe';

interface Template {
  qfmt: string;
  afmt: string;
}
interface NoteType {
  cloze: boolean;
  fields: string[];
  templates: Template[];
}

const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'];

export interface ApkgOptions extends ParseOptions {
  maxInflated?: number;
}

export async function readApkg(bytes: Uint8Array, source: string, opts: ApkgOptions = {}): Promise<Result<ImportBundle>> {
  return guard(async () => {
    if (bytes.length === 0) throw new ImportFailure('empty', `"${source}" is empty. Nothing was changed.`);
    if (bytes.length > MAX_DECK_FILE_BYTES) {
      throw new ImportFailure('too-large', `"${source}" is larger than ${formatBytes(MAX_DECK_FILE_BYTES)}, the limit for a deck file. Nothing was changed.`);
    }
    const cap = opts.maxInflated ?? MAX_INFLATED_BYTES;
    const archive = await unzipSafe(bytes, source, { maxInflated: cap, signal: opts.signal, want: (n) => COLLECTIONS.includes(n) || n === 'meta' || n === 'media' });
    opts.onProgress?.(0.2);
    const meta = archive.files.get('meta');
    const version = meta ? protoVarint(readProto(meta), 1) : undefined;
    let sqlite: Uint8Array | undefined;
    if (archive.files.has('collection.anki21b') && (version === undefined || version >= 3)) {
      sqlite = await unzstdCapped(archive.files.get('collection.anki21b')!, cap, source, opts.signal);
    } else sqlite = archive.files.get('collection.anki21') ?? archive.files.get('collection.anki2');
    if (!sqlite) throw new ImportFailure('not-anki', `"${source}" is a zip file but holds no Anki collection, so it is not an Anki package. Nothing was changed.`);
    const mediaFiles = archive.names.filter((n) => /^\d+$/.test(n)).length;
    const zstdMedia = archive.files.has('collection.anki21b') && version !== undefined && version >= 3;
    const entries = await mediaEntries(archive.files.get('media'), zstdMedia, cap, source, opts.signal);
    const loadImages = async (names: string[]) => {
      const wanted = new Set(names.map((n) => entries.get(n)).filter((e): e is string => e !== undefined));
      const files = wanted.size ? (await unzipSafe(bytes, source, { maxInflated: cap, signal: opts.signal, want: (n) => wanted.has(n) })).files : new Map<string, Uint8Array>();
      return keepImages(names, (name) => files.get(entries.get(name) ?? ''), zstdMedia, source, opts.signal);
    };
    const SQL = await loadSqlJs();
    let db: Database;
    try {
      db = new SQL.Database(sqlite);
    } catch {
      throw new ImportFailure('not-anki', `"${source}" holds a collection that is not a readable SQLite database. Nothing was changed.`);
    }
    try {
      return await readCollection(db, source, mediaFiles, loadImages, opts);
    } finally {
      db.close();
    }
  }, 'Anki package');
}

/** The package's media map: file name → zip entry ("0", "1", …). Unreadable maps give no images, not a failure. */
async function mediaEntries(raw: Uint8Array | undefined, zstd: boolean, cap: number, source: string, signal?: AbortSignal): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  if (!raw || raw.length === 0) return entries;
  try {
    if (!zstd) {
      const map = JSON.parse(new TextDecoder().decode(raw)) as unknown;
      if (map && typeof map === 'object') for (const [entry, name] of Object.entries(map)) if (typeof name === 'string') entries.set(name, entry);
      return entries;
    }
    // MediaEntries { repeated MediaEntry entries = 1 } with MediaEntry { string name = 1; … }; the index is the entry.
    const list = readProto(await unzstdCapped(raw, cap, source, signal)).filter((f) => f.num === 1 && f.bytes);
    list.forEach((f, i) => {
      const name = protoString(readProto(f.bytes!), 1);
      if (name) entries.set(name, String(i));
    });
  } catch (e) {
    if (e instanceof ImportFailure && e.code === 'cancelled') throw e;
  }
  return entries;
}

export interface KeptImages {
  /** <img> source → its replacement in card text. */
  byName: Map<string, { text: string; stored: boolean }>;
  files: MediaFile[];
  skipped: number;
}

/** Checks each referenced image (type by its bytes, the caps in limits.ts) and keeps those that pass, in order. */
async function keepImages(names: string[], read: (name: string) => Uint8Array | undefined, zstd: boolean, source: string, signal?: AbortSignal): Promise<KeptImages> {
  const kept: KeptImages = { byName: new Map(), files: [], skipped: 0 };
  const ids = new Set<string>();
  let total = 0;
  for (const name of names) {
    if (kept.byName.has(name)) continue;
    const shown = /^[\w .()-]+$/.test(name) ? `: ${name}` : '';
    const skip = (why: string) => {
      kept.skipped++;
      kept.byName.set(name, { text: `(${why}${shown})`, stored: false });
    };
    let data = read(name);
    if (data && zstd) {
      try {
        data = await unzstdCapped(data, MAX_IMAGE_BYTES, source, signal);
      } catch (e) {
        if (e instanceof ImportFailure && e.code === 'cancelled') throw e;
        if (e instanceof ImportFailure && e.code === 'unsafe-archive') data = new Uint8Array(MAX_IMAGE_BYTES + 1);
        else data = undefined;
      }
    }
    const type = data ? sniffImage(data) : null;
    if (!data || !type) skip('image not imported');
    else if (data.length > MAX_IMAGE_BYTES) skip('image too large');
    else if (total + data.length > MAX_IMPORT_IMAGE_BYTES) skip('image not imported, over the limit for one import');
    else {
      const id = await contentId(data);
      if (!ids.has(id)) {
        ids.add(id);
        total += data.length;
        kept.files.push({ id, type, name, bytes: data });
      }
      kept.byName.set(name, { text: mediaMarkdown(name, id), stored: true });
    }
  }
  return kept;
}

function query(db: Database, sql: string): SqlValue[][] {
  return db.exec(sql)[0]?.values ?? [];
}

function tablesOf(db: Database, source: string): Set<string> {
  try {
    return new Set(query(db, "select name from sqlite_master where type = 'table'").map((r) => String(r[0])));
  } catch {
    throw new ImportFailure('not-anki', `"${source}" holds a file that is not a SQLite database, so it is not an Anki collection. Nothing was changed.`);
  }
}

function noteTypes(db: Database, tables: Set<string>): Map<number, NoteType> {
  const types = new Map<number, NoteType>();
  const legacy = String(query(db, 'select models from col limit 1')[0]?.[0] ?? '');
  if (legacy.trim().startsWith('{') && legacy.trim() !== '{}') {
    const models = JSON.parse(legacy) as Record<string, { type?: number; flds?: { name: string; ord: number }[]; tmpls?: { qfmt: string; afmt: string; ord: number }[] }>;
    for (const [id, m] of Object.entries(models)) {
      types.set(Number(id), {
        cloze: m.type === 1,
        fields: [...(m.flds ?? [])].sort((a, b) => a.ord - b.ord).map((f) => String(f.name)),
        templates: [...(m.tmpls ?? [])].sort((a, b) => a.ord - b.ord).map((t) => ({ qfmt: String(t.qfmt ?? ''), afmt: String(t.afmt ?? '') })),
      });
    }
    return types;
  }
  if (!tables.has('notetypes')) return types;
  for (const [id, , config] of query(db, 'select id, name, config from notetypes')) {
    const kind = config instanceof Uint8Array ? protoVarint(readProto(config), 1) : undefined;
    types.set(Number(id), { cloze: kind === 1, fields: [], templates: [] });
  }
  if (tables.has('fields')) {
    for (const [ntid, , name] of query(db, 'select ntid, ord, name from fields order by ntid, ord')) types.get(Number(ntid))?.fields.push(String(name));
  }
  if (tables.has('templates')) {
    for (const [ntid, , config] of query(db, 'select ntid, ord, config from templates order by ntid, ord')) {
      const fields = config instanceof Uint8Array ? readProto(config) : [];
      types.get(Number(ntid))?.templates.push({ qfmt: protoString(fields, 1) ?? '', afmt: protoString(fields, 2) ?? '' });
    }
  }
  for (const t of types.values()) if (t.templates.some((x) => x.qfmt.includes('{{cloze:'))) t.cloze = true;
  return types;
}

function deckNames(db: Database, tables: Set<string>): Map<number, string> {
  const names = new Map<number, string>();
  const legacy = String(query(db, 'select decks from col limit 1')[0]?.[0] ?? '');
  if (legacy.trim().startsWith('{') && legacy.trim() !== '{}') {
    for (const [id, d] of Object.entries(JSON.parse(legacy) as Record<string, { name?: string }>)) names.set(Number(id), String(d.name ?? 'Anki deck'));
  } else if (tables.has('decks')) {
    for (const [id, name] of query(db, 'select id, name from decks')) names.set(Number(id), String(name).replace(/\x1f/g, '::'));
  }
  return names;
}

/** Drydock's own deck id and title, which an export keeps in each Anki deck (legacy collections only). */
function drydockDecks(db: Database): Map<number, { id: string; title: string }> {
  const out = new Map<number, { id: string; title: string }>();
  const legacy = String(query(db, 'select decks from col limit 1')[0]?.[0] ?? '');
  if (!legacy.trim().startsWith('{')) return out;
  for (const [id, d] of Object.entries(JSON.parse(legacy) as Record<string, { drydock?: { id?: unknown; title?: unknown } }>)) {
    const own = d.drydock;
    if (typeof own?.id === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(own.id) && own.id.length <= 80 && typeof own.title === 'string' && own.title.trim()) {
      out.set(Number(id), { id: own.id, title: own.title.slice(0, 2000) });
    }
  }
  return out;
}

/** The card a Drydock-written note holds for this Anki card, checked like any imported card; null otherwise. */
function drydockCard(meta: ReturnType<typeof drydockMetaOf>, field: (name: string) => string, ord: number, tags: string[]): Card | null {
  if (!meta) return null;
  try {
    const raw = cardFromNote(meta, field, ord, tags);
    return raw ? validateCard(raw) : null;
  } catch {
    return null;
  }
}

const SPECIAL = new Set(['FrontSide', 'Tags', 'Type', 'Deck', 'Subdeck', 'Card', 'CardFlag']);

/** Field names a template shows, in order ({{Front}}, {{text:Back}}, {{type:Back}}), without conditionals. */
function referencedFields(format: string): string[] {
  const names: string[] = [];
  for (const m of format.matchAll(/\{\{([^#/^!}][^}]*)\}\}/g)) {
    const name = m[1].split(':').pop()!.trim();
    if (!SPECIAL.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

async function readCollection(db: Database, source: string, mediaFiles: number, loadImages: (names: string[]) => Promise<KeptImages>, opts: ParseOptions): Promise<ImportBundle> {
  const tables = tablesOf(db, source);
  if (!['col', 'notes', 'cards'].every((t) => tables.has(t))) {
    throw new ImportFailure('not-anki', `"${source}" holds a SQLite database without Anki's notes and cards tables, so it is not an Anki collection. Nothing was changed.`);
  }
  let types: Map<number, NoteType>;
  let decksById: Map<number, string>;
  let ownDecks: Map<number, { id: string; title: string }>;
  try {
    types = noteTypes(db, tables);
    decksById = deckNames(db, tables);
    ownDecks = drydockDecks(db);
  } catch {
    throw new ImportFailure('not-anki', `"${source}" has an Anki collection whose note types or decks cannot be read. Nothing was changed.`);
  }
  const media: FieldNotes = { media: 0 };
  const notes = new Map<number, { guid: string; mid: number; tags: string[]; fields: string[] }>();
  for (const [id, guid, mid, tags, flds] of query(db, 'select id, guid, mid, tags, flds from notes')) {
    notes.set(Number(id), { guid: String(guid), mid: Number(mid), tags: String(tags ?? '').split(/\s+/).filter(Boolean), fields: String(flds ?? '').split('\x1f') });
  }
  const images = await loadImages([...notes.values()].flatMap((n) => n.fields.flatMap(imageSources)).filter(Boolean));
  const toText = (html: string) => ankiFieldToText(html, media, images.byName);
  const cardRows = query(db, 'select nid, did, ord from cards order by did, due, nid, ord');
  if (cardRows.length > MAX_IMPORT_CARDS) throw new ImportFailure('too-large', `"${source}" has ${cardRows.length} cards; the limit for one import is ${MAX_IMPORT_CARDS}. Nothing was changed.`);
  const warnings: string[] = [];
  const decks = new Map<number, Deck>();
  const stem = source.replace(/\.apkg$/i, '');
  let skipped = 0;
  let refused = 0;
  const seen = new Set<string>();
  for (let i = 0; i < cardRows.length; i++) {
    if (i % 500 === 499) {
      opts.onProgress?.(0.3 + (0.7 * i) / cardRows.length);
      await yieldToPage(opts.signal);
    }
    const [nid, did, ord] = cardRows[i].map(Number);
    const note = notes.get(nid);
    if (!note) continue;
    const type = types.get(note.mid);
    const field = (name: string) => {
      const at = type?.fields.indexOf(name) ?? -1;
      return at >= 0 ? (note.fields[at] ?? '') : '';
    };
    const ownId = /^[0-9a-z]{22}$/.test(note.guid) && ord === 0 ? note.guid : stableId('anki', note.guid, String(ord));
    const meta = type?.fields.includes(DRYDOCK_FIELD) ? drydockMetaOf(field(DRYDOCK_FIELD)) : null;
    let card: Card | null = drydockCard(meta, field, ord, note.tags);
    // (A lone Drydock cloze card with several deletion numbers is several Anki cards, all giving the same card.)
    if (seen.has(card?.id ?? ownId)) continue;
    seen.add(card?.id ?? ownId);
    if (!card && type?.cloze) {
      const template = type.templates[0] ?? { qfmt: '', afmt: '' };
      const textField = /\{\{cloze:([^}]+)\}\}/.exec(template.qfmt)?.[1]?.trim();
      const raw = textField ? field(textField) : (note.fields[0] ?? '');
      const text = clozeFor(toText(raw), ord + 1);
      const extraNames = referencedFields(template.afmt).filter((n) => n !== textField);
      const extra = extraNames.map((n) => toText(field(n))).filter(Boolean).join('\n\n');
      if (text) card = { id: ownId, kind: 'cloze', tags: note.tags, text, ...(extra ? { explanation: extra } : {}) };
    } else if (!card) {
      const template = type?.templates[ord];
      let front: string;
      let back: string;
      if (template && type) {
        const frontNames = referencedFields(template.qfmt);
        const backNames = referencedFields(template.afmt).filter((n) => !frontNames.includes(n));
        const join = (names: string[]) => names.map((n) => toText(field(n))).filter(Boolean).join('\n\n');
        front = join(frontNames);
        back = join(backNames);
      } else {
        const [a, b] = [toText(note.fields[0] ?? ''), toText(note.fields[1] ?? '')];
        [front, back] = ord === 1 ? [b, a] : [a, b];
      }
      if (front) card = { id: ownId, kind: 'basic', tags: note.tags, prompt: front, answer: back };
    }
    if (!card) {
      skipped++;
      continue;
    }
    // The same checks as a JSON card (field sizes from limits.ts, shape): Anki fields are as untrusted as any file.
    const problem = cardProblem(card);
    if (problem) {
      if (++refused <= 3) warnings.push(`An Anki card (note ${note.guid.slice(0, 40)}) was left out: ${problem}.`);
      continue;
    }
    let deck = decks.get(did);
    if (!deck) {
      const name = decksById.get(did) ?? 'Anki deck';
      const own = ownDecks.get(did);
      const title = own?.title ?? (name === 'Default' ? stem : name);
      const id = own?.id ?? `anki-${slugify(title) || stableId(title)}`;
      deck = { formatVersion: FORMAT_VERSION, id, title, description: `Imported from the Anki package "${source}".`, tags: [], source, cards: [] };
      decks.set(did, deck);
    }
    deck.cards.push(card);
  }
  if (refused > 3) warnings.push(`${refused - 3} more Anki cards were left out for the same kinds of problems.`);
  if (skipped > 0) warnings.push(`${skipped} Anki card${skipped === 1 ? '' : 's'} had no text on the front and ${skipped === 1 ? 'was' : 'were'} left out.`);
  const left = Math.max(mediaFiles - images.files.length, media.media);
  if (left > 0) warnings.push(`Media are not imported: ${left} image or sound file${left === 1 ? '' : 's'} skipped; the cards say where each one was.`);
  if (decks.size === 0) throw new ImportFailure('empty', `"${source}" is an Anki package with no cards Drydock can import. Nothing was changed.`);
  return { format: 'apkg', source, decks: [...decks.values()], warnings, media: images.files, images: { imported: images.files.length, skipped: images.skipped } };
}
