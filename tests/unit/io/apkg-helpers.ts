// Builders for Anki packages in tests: the current format (zstd + schema 18) and hostile archives.
import { zipSync, strToU8 } from 'fflate';
import { loadSqlJs } from '../../../src/lib/io/sqlite';

/** A valid zstd frame made of raw (stored) blocks: enough to exercise the reader without a compressor. */
export function zstdStored(data: Uint8Array): Uint8Array {
  const parts: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0xe0];
  let size = data.length;
  for (let i = 0; i < 8; i++) {
    parts.push(size % 256);
    size = Math.floor(size / 256);
  }
  const BLOCK = 100_000;
  const out: Uint8Array[] = [new Uint8Array(parts)];
  for (let at = 0; at < data.length || at === 0; at += BLOCK) {
    const chunk = data.subarray(at, Math.min(data.length, at + BLOCK));
    const last = at + BLOCK >= data.length ? 1 : 0;
    const header = (chunk.length << 3) | last;
    out.push(new Uint8Array([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), chunk);
    if (last) break;
  }
  const total = out.reduce((n, c) => n + c.length, 0);
  const result = new Uint8Array(total);
  let at = 0;
  for (const c of out) {
    result.set(c, at);
    at += c.length;
  }
  return result;
}

const protoString = (num: number, text: string) => {
  const bytes = strToU8(text);
  return [(num << 3) | 2, ...varint(bytes.length), ...bytes];
};
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 128) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** A current-format package (collection.anki21b + meta) with a Basic (and reversed) note and a two-deletion cloze note. */
export async function modernApkg(): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.exec(`
    create table col (id integer primary key, crt int, mod int, scm int, ver int, dty int, usn int, ls int, conf text, models text, decks text, dconf text, tags text);
    create table notetypes (id integer primary key, name text, mtime_secs int, usn int, config blob);
    create table fields (ntid int, ord int, name text, config blob);
    create table templates (ntid int, ord int, name text, mtime_secs int, usn int, config blob);
    create table decks (id integer primary key, name text, mtime_secs int, usn int, common blob, kind blob);
    create table notes (id integer primary key, guid text, mid int, mod int, usn int, tags text, flds text, sfld text, csum int, flags int, data text);
    create table cards (id integer primary key, nid int, did int, ord int, mod int, usn int, type int, queue int, due int, ivl int, factor int, reps int, lapses int, left int, odue int, odid int, flags int, data text);
    insert into col values (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '');
    insert into decks values (1, 'Default', 0, 0, x'', x''), (5, 'Docker' || char(31) || 'Networking', 0, 0, x'', x'');
  `);
  db.run('insert into notetypes values (10, ?, 0, 0, ?)', ['Basic (and reversed card)', new Uint8Array([0x08, 0x00])]);
  db.run('insert into notetypes values (11, ?, 0, 0, ?)', ['Cloze', new Uint8Array([0x08, 0x01])]);
  for (const [ntid, ord, name] of [[10, 0, 'Front'], [10, 1, 'Back'], [11, 0, 'Text'], [11, 1, 'Back Extra']] as const) {
    db.run('insert into fields values (?,?,?,?)', [ntid, ord, name, new Uint8Array()]);
  }
  const tmpl = (q: string, a: string) => new Uint8Array([...protoString(1, q), ...protoString(2, a)]);
  db.run('insert into templates values (10, 0, ?, 0, 0, ?)', ['Card 1', tmpl('{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}')]);
  db.run('insert into templates values (10, 1, ?, 0, 0, ?)', ['Card 2', tmpl('{{Back}}', '{{FrontSide}}<hr id=answer>{{Front}}')]);
  db.run('insert into templates values (11, 0, ?, 0, 0, ?)', ['Cloze', tmpl('{{cloze:Text}}', '{{cloze:Text}}<br>{{Back Extra}}')]);
  db.run('insert into notes values (100, ?, 10, 0, 0, ?, ?, ?, 0, 0, ?)', ['abc', ' net ', 'Which driver isolates?<br>&amp; why?\x1fbridge', '', '']);
  db.run('insert into notes values (101, ?, 11, 0, 0, ?, ?, ?, 0, 0, ?)', ['def', '', '{{c1::Overlay}} spans {{c2::hosts}}\x1f<b>swarm</b>', '', '']);
  const card = (id: number, nid: number, ord: number) => db.run('insert into cards values (?,?,5,?,0,0,0,0,?,0,0,0,0,0,0,0,0,?)', [id, nid, ord, id, '']);
  card(1, 100, 0);
  card(2, 100, 1);
  card(3, 101, 0);
  card(4, 101, 1);
  const bytes = db.export();
  db.close();
  return zipSync({
    'collection.anki2': strToU8('stub: please update Anki'),
    'collection.anki21b': zstdStored(bytes),
    meta: new Uint8Array([0x08, 0x03]),
    media: zstdStored(new Uint8Array()),
  });
}

export async function sqliteWith(sql: string): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.exec(sql);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** A 1×1 PNG. */
export const PNG_1PX = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

/** A legacy package with one Basic note whose fields are given, and media files under the names the fields use. */
export async function legacyApkgWithMedia(front: string, back: string, media: Record<string, Uint8Array>): Promise<Uint8Array> {
  const esc = (s: string) => s.replace(/'/g, "''");
  const collection = await sqliteWith(`
    create table col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags);
    create table notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data);
    create table cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data);
    insert into col values (1,0,0,0,11,0,0,0,'{}','{"1":{"type":0,"flds":[{"name":"Front","ord":0},{"name":"Back","ord":1}],"tmpls":[{"ord":0,"qfmt":"{{Front}}","afmt":"{{Back}}"}]}}','{"1":{"name":"Pictures"}}','{}','{}');
    insert into notes values (1,'g',1,0,0,'','${esc(front)}' || char(31) || '${esc(back)}','',0,0,'');
    insert into cards values (1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,'');`);
  const names = Object.keys(media);
  const files: Record<string, Uint8Array> = { 'collection.anki2': collection, media: strToU8(JSON.stringify(Object.fromEntries(names.map((n, i) => [String(i), n])))) };
  names.forEach((n, i) => (files[String(i)] = media[n]));
  return zipSync(files, { level: 0 });
}
