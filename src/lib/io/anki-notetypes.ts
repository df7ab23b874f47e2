// The Anki note types a Drydock export uses, one per card kind, and the mapping between a card and a note's fields.
// Anki learners get real Anki behaviour (a Cloze note type, {{type:Answer}} for typed cards, the options listed for a
// choice card); Drydock gets every field back. Each note also carries a "Drydock" field that no template shows: JSON
// with the card ids, the note id and, only where the HTML cannot give it back exactly, the card's own Markdown. A field
// edited in Anki no longer matches that Markdown, so the edit wins on the way back.
import type { Card, CardKind, ClozeCard, Provenance } from '../domain/model';
import { imagesAsAlt, markdownToAnkiHtml } from './anki-html';
import { ankiFieldToText, decodeEntities } from './sanitize-html';
import { clozeFor } from '../domain/cloze';

export const DRYDOCK_FIELD = 'Drydock';

type FieldValue = string | string[];
type FieldKind = 'text' | 'list';

export interface DrydockNoteType {
  kind: CardKind;
  id: number;
  name: string;
  /** Fields in order; the Drydock field is appended after these. */
  fields: [name: string, kind: FieldKind][];
  qfmt: string;
  afmt: string;
}

const explained = (afmt: string) => `${afmt}{{#Explanation}}\n<div class="explanation">{{Explanation}}</div>{{/Explanation}}`;

export const NOTE_TYPES: Record<CardKind, DrydockNoteType> = {
  basic: {
    kind: 'basic', id: 1_700_000_000_011, name: 'Drydock Basic',
    fields: [['Front', 'text'], ['Back', 'text'], ['Explanation', 'text']],
    qfmt: '{{Front}}', afmt: explained('{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}'),
  },
  cloze: {
    kind: 'cloze', id: 1_700_000_000_012, name: 'Drydock Cloze',
    fields: [['Text', 'text'], ['Explanation', 'text']],
    qfmt: '{{cloze:Text}}', afmt: explained('{{cloze:Text}}'),
  },
  typed: {
    kind: 'typed', id: 1_700_000_000_013, name: 'Drydock Typed',
    fields: [['Prompt', 'text'], ['Answer', 'text'], ['Also accepted', 'list'], ['Explanation', 'text']],
    qfmt: '{{Prompt}}\n\n{{type:Answer}}',
    afmt: explained('{{Prompt}}\n\n<hr id=answer>\n\n{{type:Answer}}{{#Also accepted}}\n<div class="also">Also accepted:<br>{{Also accepted}}</div>{{/Also accepted}}'),
  },
  choice: {
    kind: 'choice', id: 1_700_000_000_014, name: 'Drydock Choice',
    fields: [['Question', 'text'], ['Options', 'list'], ['Answer', 'list'], ['Explanation', 'text']],
    qfmt: '{{Question}}\n<div class="options">{{Options}}</div>',
    afmt: explained('{{FrontSide}}\n\n<hr id=answer>\n\n<div class="answer">{{Answer}}</div>'),
  },
  truefalse: {
    kind: 'truefalse', id: 1_700_000_000_015, name: 'Drydock True/False',
    fields: [['Statement', 'text'], ['Answer', 'text'], ['Explanation', 'text']],
    qfmt: '{{Statement}}\n<div class="options">True or false?</div>',
    afmt: explained('{{FrontSide}}\n\n<hr id=answer>\n\n<div class="answer">{{Answer}}</div>'),
  },
};

export const NOTE_TYPE_CSS =
  '.card { font-family: arial; font-size: 20px; text-align: left; color: black; background-color: white; }\n' +
  '.options, .explanation, .also { margin-top: 1em; }\n.explanation, .also { color: #555; }\n' +
  '.nightMode .explanation, .nightMode .also { color: #bbb; }\npre { white-space: pre-wrap; }';

/** What the Drydock field holds. */
export interface DrydockMeta {
  v: 1;
  kind: CardKind;
  /** One id: the note is one Drydock card. Several (cloze only): the card for deletion n is ids[n - 1]. */
  ids: string[];
  note?: string;
  /** Field values whose HTML does not decode back to exactly this Markdown. */
  src?: Record<string, FieldValue>;
  /** Choice cards: indexes of the correct options. */
  correct?: number[];
  /** Tags with spaces, which Anki's space-separated tags cannot hold. */
  tags?: string[];
  /** Where the card's fact came from in the notes. */
  prov?: Provenance;
}

const encode = (value: FieldValue): string => (Array.isArray(value) ? value.map(markdownToAnkiHtml).join('<br>') : markdownToAnkiHtml(value));
const decode = (html: string, kind: FieldKind): FieldValue => {
  const text = ankiFieldToText(html);
  return kind === 'list' ? text.split('\n').map((s) => s.trim()).filter(Boolean) : text;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A card's field values by field name (Markdown), before encoding. */
function valuesOf(card: Card, clozeText?: string): Record<string, FieldValue> {
  switch (card.kind) {
    case 'basic':
      return { Front: card.prompt, Back: card.answer, Explanation: card.explanation ?? '' };
    case 'cloze':
      return { Text: clozeText ?? card.text, Explanation: card.explanation ?? '' };
    case 'typed':
      return { Prompt: card.prompt, Answer: card.answers[0] ?? '', 'Also accepted': card.answers.slice(1), Explanation: card.explanation ?? '' };
    case 'choice':
      return { Question: card.prompt, Options: card.options, Answer: card.correct.map((i) => card.options[i]), Explanation: card.explanation };
    case 'truefalse':
      return { Statement: card.statement, Answer: card.isTrue ? 'True' : 'False', Explanation: card.explanation };
  }
}

export interface NoteFields {
  type: DrydockNoteType;
  /** Field HTML in note-type order, the Drydock field last. */
  fields: string[];
}

/** The note for one card, or for cloze siblings folded into one note (`clozeText` holds their c1..cN). */
export function noteFieldsOf(cards: Card[], clozeText?: string): NoteFields {
  const first = cards[0];
  const type = NOTE_TYPES[first.kind];
  const values = valuesOf(first, clozeText);
  const meta: DrydockMeta = { v: 1, kind: first.kind, ids: cards.map((c) => c.id) };
  if (first.noteId !== undefined) meta.note = first.noteId;
  if (first.kind === 'choice') meta.correct = first.correct;
  if (first.tags.some((t) => /\s/.test(t))) meta.tags = first.tags;
  if (first.provenance && cards.every((c) => same(c.provenance ?? null, first.provenance!))) meta.prov = first.provenance;
  const src: Record<string, FieldValue> = {};
  const fields = type.fields.map(([name, kind]) => {
    const html = encode(values[name]);
    if (!same(decode(html, kind), values[name])) src[name] = values[name];
    return html;
  });
  if (Object.keys(src).length > 0) meta.src = src;
  // ASCII-only JSON, escaped like any field: no raw newline, non-breaking space or tag for an editor to change.
  const json = JSON.stringify(meta).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  fields.push(json.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  return { type, fields };
}

/** The Drydock field of a note, when it is one Drydock wrote. */
export function drydockMetaOf(html: string | undefined): DrydockMeta | null {
  if (!html) return null;
  try {
    const meta = JSON.parse(decodeEntities(html.replace(/<[^>]*>/g, ''))) as DrydockMeta;
    const ok = meta && meta.v === 1 && meta.kind in NOTE_TYPES && Array.isArray(meta.ids) && meta.ids.length > 0 && meta.ids.every((id) => typeof id === 'string');
    return ok ? meta : null;
  } catch {
    return null;
  }
}

/**
 * A Drydock card from a Drydock-written note (as raw, unvalidated JSON: the caller validates it like any import).
 * `ord` is the Anki card's template or deletion index; null when that Anki card is not a Drydock card of its own.
 */
export function cardFromNote(meta: DrydockMeta, field: (name: string) => string | undefined, ord: number, tags: string[]): Record<string, unknown> | null {
  const type = NOTE_TYPES[meta.kind];
  const folded = meta.kind === 'cloze' && meta.ids.length > 1;
  const id = folded ? meta.ids[ord] : meta.ids[0];
  if (id === undefined) return null;
  const v: Record<string, FieldValue> = {};
  for (const [name, kind] of type.fields) {
    const html = field(name) ?? '';
    const own = meta.src?.[name];
    // (An export points stored images at the package's files, so images are compared by their alt text.)
    v[name] = own !== undefined && imagesAsAlt(encode(own)) === imagesAsAlt(html) ? own : decode(html, kind);
  }
  const text = (name: string) => String(v[name] ?? '');
  const list = (name: string) => (Array.isArray(v[name]) ? (v[name] as string[]) : []);
  const base = { id, ...(meta.note !== undefined ? { noteId: meta.note } : {}), tags: meta.tags ?? tags, ...(meta.prov ? { provenance: meta.prov } : {}) };
  const explanation = text('Explanation');
  const optional = explanation ? { explanation } : {};
  switch (meta.kind) {
    case 'basic':
      return { ...base, kind: 'basic', prompt: text('Front'), answer: text('Back'), ...optional };
    case 'cloze': {
      const body = folded ? clozeFor(text('Text'), ord + 1) : text('Text');
      return body === null ? null : { ...base, kind: 'cloze', text: body, ...optional };
    }
    case 'typed':
      return { ...base, kind: 'typed', prompt: text('Prompt'), answers: [text('Answer'), ...list('Also accepted')].filter(Boolean), ...optional };
    case 'choice': {
      const options = list('Options');
      const answers = list('Answer');
      const stored = meta.correct?.filter((i) => Number.isInteger(i) && options[i] !== undefined) ?? [];
      const keepStored = stored.length > 0 && same(stored.map((i) => options[i]), answers);
      const correct = keepStored ? stored : answers.map((a) => options.indexOf(a)).filter((i) => i >= 0);
      return { ...base, kind: 'choice', prompt: text('Question'), options, correct, explanation };
    }
    case 'truefalse':
      return { ...base, kind: 'truefalse', statement: text('Statement'), isTrue: /^\s*true\s*$/i.test(text('Answer')), explanation };
  }
}

const DELETION = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** The deletion numbers a cloze text uses, ascending. */
export function clozeNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(DELETION)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/**
 * Folds cloze siblings (same note id, each with its own deletion of the same sentence) back into one Anki Cloze text
 * with c1..cN, sibling i owning c(i+1). Null when they cannot be folded exactly: different sentences, explanations or
 * tags, overlapping deletions, or a text that would not split back into the same cards.
 */
export function foldClozeSiblings(cards: ClozeCard[]): string | null {
  if (cards.length < 2) return null;
  const [first] = cards;
  const sameExtras = cards.every((c) => (c.explanation ?? '') === (first.explanation ?? '') && same(c.tags, first.tags));
  if (!sameExtras) return null;
  let plain: string | null = null;
  const spans: { start: number; end: number; owner: number; answer: string; hint?: string }[] = [];
  for (const [owner, card] of cards.entries()) {
    let out = '';
    let last = 0;
    for (const m of card.text.matchAll(DELETION)) {
      out += card.text.slice(last, m.index);
      spans.push({ start: out.length, end: out.length + m[2].length, owner, answer: m[2], hint: m[3] });
      out += m[2];
      last = m.index + m[0].length;
    }
    out += card.text.slice(last);
    if (plain !== null && out !== plain) return null;
    plain = out;
  }
  if (plain === null) return null;
  spans.sort((a, b) => a.start - b.start);
  let merged = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) return null;
    merged += plain.slice(at, s.start) + `{{c${s.owner + 1}::${s.answer}${s.hint ? `::${s.hint}` : ''}}}`;
    at = s.end;
  }
  merged += plain.slice(at);
  return cards.every((c, i) => clozeFor(merged, i + 1) === c.text) ? merged : null;
}
