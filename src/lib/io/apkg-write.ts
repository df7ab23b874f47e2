// Anki export: the legacy schema-11 package (collection.anki2 + media) that current Anki still imports. Each card kind
// has its own note type (src/lib/io/anki-notetypes.ts); cloze siblings that share a note id and split one sentence into
// c1..cN fold back into one Anki Cloze note, otherwise each card is a note of its own. A note's GUID is the Drydock card
// id (or, for a folded cloze note, the note id), so importing a newer export into Anki updates its notes instead of
// duplicating them; the hidden Drydock field gives every card id back on import into Drydock.
import { zipSync, strToU8 } from 'fflate';
import { noteOf, type Card, type ClozeCard, type Deck } from '../domain/model';
import { ankiChecksum, ankiImageFiles, ankiSortText } from './anki-html';
import type { MediaFile } from './media';
import { DRYDOCK_FIELD, NOTE_TYPE_CSS, NOTE_TYPES, clozeNumbers, foldClozeSiblings, noteFieldsOf, type DrydockNoteType } from './anki-notetypes';
import { loadSqlJs } from './sqlite';

/** Anki's schema 11 (rslib/src/storage/schema11.sql). */
export const SCHEMA_11 = `CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
  factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);`;

function deckJson(id: number, name: string, mod: number, drydock?: Deck) {
  return {
    id, name, mod, usn: -1, desc: drydock?.description ?? '', dyn: 0, conf: 1, collapsed: false, browserCollapsed: false, extendNew: 0, extendRev: 0,
    newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0],
    // Kept by Anki as an unknown key; gives the same Drydock deck back on import.
    ...(drydock ? { drydock: { id: drydock.id, title: drydock.title } } : {}),
  };
}

function modelJson(type: DrydockNoteType, mod: number) {
  const names = [...type.fields.map(([name]) => name), DRYDOCK_FIELD];
  const cloze = type.kind === 'cloze';
  return {
    id: type.id, name: type.name, type: cloze ? 1 : 0, mod, usn: -1, sortf: 0, did: 1, tags: [], vers: [],
    req: cloze ? [] : [[0, 'any', [0]]],
    flds: names.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    tmpls: [{ name: cloze ? 'Cloze' : 'Card 1', ord: 0, qfmt: type.qfmt, afmt: type.afmt, did: null, bqfmt: '', bafmt: '' }],
    css: NOTE_TYPE_CSS,
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}', latexsvg: false,
  };
}

const DCONF = {
  1: {
    id: 1, name: 'Default', mod: 0, usn: 0, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false,
    new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
    rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 },
    lapse: { delays: [10], leechAction: 0, leechFails: 8, minInt: 1, mult: 0 },
  },
};

/** Anki deck ids: stable per Drydock deck id, well inside SQLite's and JavaScript's integer range. */
function ankiDeckId(deckId: string): number {
  let h = 0;
  for (const ch of deckId) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return 1_000_000_000 + (h % 1_000_000_000);
}

interface PlannedNote {
  guid: string;
  cards: Card[];
  clozeText?: string;
  /** Anki card ords with the deck position each takes (new cards are shown in `due` order). */
  ords: [ord: number, position: number][];
}

/** The notes of one deck, in deck order: folded cloze siblings become one note at their first card's place. */
function planNotes(deck: Deck, firstPosition: number): PlannedNote[] {
  const position = new Map(deck.cards.map((c, i) => [c.id, firstPosition + i]));
  const siblings = new Map<string, ClozeCard[]>();
  for (const c of deck.cards) if (c.kind === 'cloze' && c.noteId !== undefined) siblings.set(c.noteId, [...(siblings.get(c.noteId) ?? []), c]);
  const folded = new Set<string>();
  const notes: PlannedNote[] = [];
  for (const card of deck.cards) {
    if (folded.has(card.id)) continue;
    const group = card.kind === 'cloze' && card.noteId !== undefined ? siblings.get(card.noteId)! : [];
    const text = group.length > 1 ? foldClozeSiblings(group) : null;
    if (text !== null) {
      for (const c of group) folded.add(c.id);
      notes.push({ guid: noteOf(card), cards: group, clozeText: text, ords: group.map((c, i) => [i, position.get(c.id)!]) });
    } else {
      // A lone cloze card with several deletion numbers is one Anki card per number, as Anki makes them.
      const ords = card.kind === 'cloze' ? clozeNumbers(card.text).map((n) => n - 1) : [0];
      notes.push({ guid: card.id, cards: [card], ords: ords.map((o) => [o, position.get(card.id)!]) });
    }
  }
  return notes;
}

const EXTENSION: Record<MediaFile['type'], string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg' };

/** `media`: the stored images the cards show; each goes into the package as `<sha-256>.<ext>`, as Anki keeps media. */
export async function writeApkg(decks: Deck[], now: number, media: MediaFile[] = []): Promise<Uint8Array> {
  const byId = new Map(media.map((m) => [m.id, m]));
  const packed = new Map<string, MediaFile>();
  const fileName = (m: MediaFile) => `${m.id}.${EXTENSION[m.type]}`;
  const withFiles = (html: string) => ankiImageFiles(html, (id) => {
    const m = byId.get(id);
    if (m) packed.set(id, m);
    return m && fileName(m);
  });
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(SCHEMA_11);
    const secs = Math.floor(now / 1000);
    const ankiDecks: Record<string, unknown> = { 1: deckJson(1, 'Default', secs) };
    let noteId = now;
    let cardId = now;
    let position = 0;
    for (const deck of decks) {
      const did = ankiDeckId(deck.id);
      ankiDecks[did] = deckJson(did, deck.title.replace(/\s*::\s*/g, ' - '), secs, deck);
      for (const note of planNotes(deck, position + 1)) {
        const { type, fields: html } = noteFieldsOf(note.cards, note.clozeText);
        const fields = html.map(withFiles);
        const tags = note.cards[0].tags.map((t) => t.replace(/\s+/g, '_')).filter(Boolean);
        const nid = ++noteId;
        db.run('insert into notes values (?,?,?,?,?,?,?,?,?,?,?)', [
          nid, note.guid, type.id, secs, -1, tags.length ? ` ${tags.join(' ')} ` : '', fields.join('\x1f'),
          ankiSortText(fields[0]), await ankiChecksum(fields[0]), 0, '',
        ]);
        for (const [ord, due] of note.ords) {
          db.run('insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', [++cardId, nid, did, ord, secs, -1, 0, 0, due, 0, 0, 0, 0, 0, 0, 0, 0, '']);
        }
      }
      position += deck.cards.length;
    }
    const models = Object.fromEntries(Object.values(NOTE_TYPES).map((t) => [t.id, modelJson(t, secs)]));
    const conf = { nextPos: position + 1, estTimes: true, activeDecks: [1], sortType: 'noteFld', timeLim: 0, sortBackwards: false, addToCur: true, curDeck: 1, newSpread: 0, dueCounts: true, curModel: String(NOTE_TYPES.basic.id), collapseTime: 1200 };
    db.run('insert into col values (1,?,?,?,11,0,0,0,?,?,?,?,?)', [
      Math.floor(now / 86_400_000) * 86_400, now, now, JSON.stringify(conf), JSON.stringify(models), JSON.stringify(ankiDecks), JSON.stringify(DCONF), '{}',
    ]);
    const collection = db.export();
    const entries = [...packed.values()];
    const zip: Record<string, Uint8Array> = { 'collection.anki2': collection, media: strToU8(JSON.stringify(Object.fromEntries(entries.map((m, i) => [String(i), fileName(m)])))) };
    entries.forEach((m, i) => (zip[String(i)] = m.bytes));
    return zipSync(zip, { level: 6 });
  } finally {
    db.close();
  }
}
