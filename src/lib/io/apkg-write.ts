// Anki export: the legacy schema-11 package (collection.anki2 + media) that current Anki still imports, with one Basic
// note type. Each note's GUID is the Drydock card id, so re-importing an updated export into Anki updates its notes
// instead of duplicating them, and importing it back into Drydock gives the same card ids.
import { zipSync, strToU8 } from 'fflate';
import type { Deck } from '../domain/model';
import { csvSides } from './csv';
import { ankiFieldToText, textToAnkiField } from './sanitize-html';
import { loadSqlJs } from './sqlite';

const MODEL_ID = 1_700_000_000_001;

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
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

function deckJson(id: number, name: string, mod: number) {
  return {
    id, name, mod, usn: -1, desc: '', dyn: 0, conf: 1, collapsed: false, browserCollapsed: false, extendNew: 0, extendRev: 0,
    newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0],
  };
}

function modelJson(mod: number) {
  return {
    id: MODEL_ID, name: 'Drydock Basic', type: 0, mod, usn: -1, sortf: 0, did: 1, tags: [], vers: [], req: [[0, 'any', [0]]],
    flds: ['Front', 'Back'].map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}', did: null, bqfmt: '', bafmt: '' }],
    css: '.card { font-family: arial; font-size: 20px; text-align: left; color: black; background-color: white; white-space: pre-wrap; }',
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

async function checksum(text: string): Promise<number> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text)));
  return ((digest[0] << 24) >>> 0) + (digest[1] << 16) + (digest[2] << 8) + digest[3];
}

/** Anki deck ids: stable per Drydock deck id, well inside SQLite's and JavaScript's integer range. */
function ankiDeckId(deckId: string): number {
  let h = 0;
  for (const ch of deckId) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return 1_000_000_000 + (h % 1_000_000_000);
}

export async function writeApkg(decks: Deck[], now: number): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(SCHEMA);
    const secs = Math.floor(now / 1000);
    const ankiDecks: Record<string, unknown> = { 1: deckJson(1, 'Default', secs) };
    let noteId = now;
    let position = 0;
    for (const deck of decks) {
      const did = ankiDeckId(deck.id);
      ankiDecks[did] = deckJson(did, deck.title.replace(/\s*::\s*/g, ' - '), secs);
      for (const card of deck.cards) {
        const [front, back] = csvSides(card).map(textToAnkiField);
        const tags = card.tags.map((t) => t.replace(/\s+/g, '_')).filter(Boolean);
        const nid = ++noteId;
        db.run('insert into notes values (?,?,?,?,?,?,?,?,?,?,?)', [
          nid, card.id, MODEL_ID, secs, -1, tags.length ? ` ${tags.join(' ')} ` : '', `${front}\x1f${back}`,
          ankiFieldToText(front), await checksum(ankiFieldToText(front)), 0, '',
        ]);
        db.run('insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', [nid, nid, did, 0, secs, -1, 0, 0, ++position, 0, 0, 0, 0, 0, 0, 0, 0, '']);
      }
    }
    const conf = { nextPos: position + 1, estTimes: true, activeDecks: [1], sortType: 'noteFld', timeLim: 0, sortBackwards: false, addToCur: true, curDeck: 1, newSpread: 0, dueCounts: true, curModel: String(MODEL_ID), collapseTime: 1200 };
    db.run('insert into col values (1,?,?,?,11,0,0,0,?,?,?,?,?)', [
      Math.floor(now / 86_400_000) * 86_400, now, now, JSON.stringify(conf), JSON.stringify({ [MODEL_ID]: modelJson(secs) }), JSON.stringify(ankiDecks), JSON.stringify(DCONF), '{}',
    ]);
    const collection = db.export();
    return zipSync({ 'collection.anki2': collection, media: strToU8('{}') }, { level: 6 });
  } finally {
    db.close();
  }
}
