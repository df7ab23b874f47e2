// Writes tests/fixtures/modern.apkg: a small package in Anki's current format (what "Export → Anki package" writes
// when legacy support is off): collection.anki21b (a schema-18 SQLite collection, zstd-compressed), a "meta" file
// (protobuf PackageMetadata, version 3 = LATEST), "media" (zstd-compressed protobuf MediaEntries) and one media file
// ("0", zstd-compressed). A collection.anki2 stub asks older Anki versions to update, as Anki's own export does.
// Notes: Basic, Basic (and reversed card), Cloze with c1 and c2 and an image. Run: npx tsx scripts/make-anki21b-fixture.ts
// (needs the zstd command-line tool).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import initSqlJs from 'sql.js';

const zstd = (data: Uint8Array) => new Uint8Array(execFileSync('zstd', ['-q', '-19', '-c'], { input: data }));
const varint = (n: number): number[] => {
  const out: number[] = [];
  for (; n >= 128; n = Math.floor(n / 128)) out.push((n & 127) | 128);
  return [...out, n];
};
const bytesField = (num: number, bytes: Uint8Array | number[]) => [(num << 3) | 2, ...varint(bytes.length), ...bytes];
const stringField = (num: number, text: string) => bytesField(num, strToU8(text));
const varintField = (num: number, n: number) => [num << 3, ...varint(n)];

// A 1×1 transparent PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (c) => c.charCodeAt(0));

const SQL = await initSqlJs({ wasmBinary: readFileSync('node_modules/sql.js/dist/sql-wasm.wasm').buffer as ArrayBuffer });
const db = new SQL.Database();
db.exec(`
  create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
  create table notetypes (id integer not null primary key, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
  create table fields (ntid integer not null, ord integer not null, name text not null, config blob not null, primary key (ntid, ord));
  create table templates (ntid integer not null, ord integer not null, name text not null, mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord));
  create table decks (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);
  create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
  create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
  insert into col values (1, 1700000000, 1700000000000, 1700000000000, 18, 0, 0, 0, '', '', '', '', '');
  insert into decks values (1, 'Default', 0, 0, x'', x''), (1700000000100, 'Containers' || char(31) || 'Images', 0, 0, x'', x'');
`);
const notetype = (id: number, name: string, kind: number, fields: string[], templates: [string, string, string][]) => {
  db.run('insert into notetypes values (?, ?, 0, 0, ?)', [id, name, new Uint8Array(varintField(1, kind))]);
  fields.forEach((f, ord) => db.run('insert into fields values (?, ?, ?, ?)', [id, ord, f, new Uint8Array()]));
  templates.forEach(([tname, q, a], ord) => db.run('insert into templates values (?, ?, ?, 0, 0, ?)', [id, ord, tname, new Uint8Array([...stringField(1, q), ...stringField(2, a)])]));
};
notetype(1700000000001, 'Basic', 0, ['Front', 'Back'], [['Card 1', '{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}']]);
notetype(1700000000002, 'Basic (and reversed card)', 0, ['Front', 'Back'], [['Card 1', '{{Front}}', '{{FrontSide}}<hr id=answer>{{Back}}'], ['Card 2', '{{Back}}', '{{FrontSide}}<hr id=answer>{{Front}}']]);
notetype(1700000000003, 'Cloze', 1, ['Text', 'Back Extra'], [['Cloze', '{{cloze:Text}}', '{{cloze:Text}}<br>{{Back Extra}}']]);
const sha1 = (s: string) => parseInt(createHash('sha1').update(s).digest('hex').slice(0, 8), 16);
const note = (id: number, guid: string, mid: number, tags: string, fields: string[], sortText: string) =>
  db.run('insert into notes values (?, ?, ?, 0, 0, ?, ?, ?, ?, 0, ?)', [id, guid, mid, tags, fields.join('\x1f'), sortText, sha1(sortText), '']);
note(1700000000010, 'Bq8#Lm2!xZ', 1700000000001, ' images ', ['What does <code>docker image prune</code> remove?', 'Dangling images <img src="layers.png">'], 'What does docker image prune remove?');
note(1700000000011, 'Cr9$Nn3?yA', 1700000000002, ' images cli ', ['docker rmi', 'Removes one or more images'], 'docker rmi');
note(1700000000012, 'Ds0%Oo4&zB', 1700000000003, '', ['An image is a stack of {{c1::read-only layers}} plus {{c2::metadata}}.', 'See <i>docker history</i>'], 'An image is a stack of {{c1::read-only layers}} plus {{c2::metadata}}.');
let due = 0;
const card = (nid: number, ord: number) => db.run('insert into cards values (?, ?, 1700000000100, ?, 0, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)', [1700000001000 + due, nid, ord, ++due, '']);
card(1700000000010, 0);
card(1700000000011, 0);
card(1700000000011, 1);
card(1700000000012, 0);
card(1700000000012, 1);
const collection = db.export();
db.close();

const mediaEntry = bytesField(1, [...stringField(1, 'layers.png'), ...varintField(2, PNG.length), ...bytesField(3, [...createHash('sha1').update(PNG).digest()])]);
const pkg = zipSync({
  'collection.anki2': strToU8('stub: this package needs a newer Anki'),
  'collection.anki21b': zstd(collection),
  meta: new Uint8Array(varintField(1, 3)),
  media: zstd(new Uint8Array(mediaEntry)),
  '0': zstd(PNG),
});
writeFileSync('tests/fixtures/modern.apkg', pkg);
console.log(`tests/fixtures/modern.apkg: ${pkg.length} bytes`);
