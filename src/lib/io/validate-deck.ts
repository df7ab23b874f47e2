// Hand-written validator for the deck exchange format (decks/deck.schema.json describes the same shape). The CSP forbids
// eval, so schema compilers like Ajv are out; this also copies only known fields, so nothing unexpected reaches the database.
import { CARD_KINDS, FORMAT_VERSION, type Card, type CardKind, type Deck, type Provenance } from '../domain/model';
import { MAX_DECK_ID_CHARS, MAX_ID_CHARS, MAX_IMPORT_CARDS, MAX_TEXT_CHARS } from './limits';
import { ImportFailure } from './result';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class CardProblem extends Error {}

function text(o: Json, key: string, opts: { required?: boolean; nonEmpty?: boolean } = {}): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (opts.required || opts.nonEmpty) throw new CardProblem(`"${key}" is missing`);
    return undefined;
  }
  if (typeof v !== 'string') throw new CardProblem(`"${key}" must be text`);
  if (opts.nonEmpty && v.trim() === '') throw new CardProblem(`"${key}" is empty`);
  if (v.length > MAX_TEXT_CHARS) throw new CardProblem(`"${key}" is longer than ${MAX_TEXT_CHARS} characters`);
  return v;
}

function textList(o: Json, key: string, opts: { min?: number; max?: number; nonEmptyItems?: boolean } = {}): string[] {
  const v = o[key] ?? (opts.min ? undefined : []);
  if (!Array.isArray(v)) throw new CardProblem(`"${key}" must be a list of text`);
  if (opts.min !== undefined && v.length < opts.min) throw new CardProblem(`"${key}" needs at least ${opts.min} entries`);
  if (opts.max !== undefined && v.length > opts.max) throw new CardProblem(`"${key}" has more than ${opts.max} entries`);
  for (const item of v) {
    if (typeof item !== 'string') throw new CardProblem(`"${key}" must contain only text`);
    if (item.length > MAX_TEXT_CHARS) throw new CardProblem(`an entry of "${key}" is too long`);
    if (opts.nonEmptyItems && item.trim() === '') throw new CardProblem(`"${key}" has an empty entry`);
  }
  return [...v] as string[];
}

function provenance(o: Json): Provenance | undefined {
  const p = o.provenance;
  if (p === undefined || p === null) return undefined;
  if (!isObject(p) || typeof p.source !== 'string' || !Number.isInteger(p.line) || (p.line as number) < 0 || !Array.isArray(p.headingPath)) {
    throw new CardProblem('"provenance" must have source, headingPath and line');
  }
  return { source: p.source, headingPath: p.headingPath.filter((h): h is string => typeof h === 'string'), line: p.line as number };
}

function withOptional<T extends object>(card: T, key: string, value: string | undefined): T {
  if (value !== undefined) (card as Record<string, unknown>)[key] = value;
  return card;
}

/** One card, copied field by field; throws CardProblem naming the first bad field. */
export function validateCard(raw: unknown): Card {
  if (!isObject(raw)) throw new CardProblem('is not an object');
  const id = text(raw, 'id', { nonEmpty: true })!;
  if (id.length > MAX_ID_CHARS) throw new CardProblem(`"id" is longer than ${MAX_ID_CHARS} characters`);
  const kind = raw.kind as CardKind;
  if (!CARD_KINDS.includes(kind)) throw new CardProblem(`"kind" must be one of ${CARD_KINDS.join(', ')}`);
  // Tags: unique and non-empty, as the schema requires; repairing them is kinder than refusing the card.
  const base: { id: string; noteId?: string; tags: string[]; provenance?: Provenance } = { id, tags: [...new Set(textList(raw, 'tags').map((t) => t.trim()).filter(Boolean))] };
  const noteId = text(raw, 'noteId');
  if (noteId !== undefined) {
    if (noteId.trim() === '' || noteId.length > MAX_ID_CHARS) throw new CardProblem(`"noteId" must be 1 to ${MAX_ID_CHARS} characters`);
    base.noteId = noteId;
  }
  const prov = provenance(raw);
  if (prov) base.provenance = prov;
  switch (kind) {
    case 'basic':
      return withOptional({ ...base, kind, prompt: text(raw, 'prompt', { nonEmpty: true })!, answer: text(raw, 'answer', { required: true })! }, 'explanation', text(raw, 'explanation'));
    case 'cloze': {
      const body = text(raw, 'text', { nonEmpty: true })!;
      if (!/\{\{c\d+::[\s\S]+?\}\}/.test(body)) throw new CardProblem('"text" has no {{c1::…}} deletion');
      return withOptional({ ...base, kind, text: body }, 'explanation', text(raw, 'explanation'));
    }
    case 'choice': {
      const options = textList(raw, 'options', { min: 3, max: 5, nonEmptyItems: true });
      if (new Set(options).size !== options.length) throw new CardProblem('"options" repeats an option');
      const correct = raw.correct;
      if (!Array.isArray(correct) || correct.length === 0) throw new CardProblem('"correct" must list at least one option index');
      for (const i of correct) {
        if (!Number.isInteger(i) || i < 0 || i >= options.length) throw new CardProblem('"correct" has an index outside the options');
      }
      return { ...base, kind, prompt: text(raw, 'prompt', { nonEmpty: true })!, options, correct: [...new Set(correct as number[])], explanation: text(raw, 'explanation') ?? '' };
    }
    case 'typed':
      return withOptional({ ...base, kind, prompt: text(raw, 'prompt', { nonEmpty: true })!, answers: textList(raw, 'answers', { min: 1, max: 20, nonEmptyItems: true }) }, 'explanation', text(raw, 'explanation'));
    case 'truefalse':
      if (typeof raw.isTrue !== 'boolean') throw new CardProblem('"isTrue" must be true or false');
      return { ...base, kind, statement: text(raw, 'statement', { nonEmpty: true })!, isTrue: raw.isTrue, explanation: text(raw, 'explanation') ?? '' };
  }
}

/** Why a card would be refused, or null: what importers that build cards themselves (Anki) check them with. */
export function cardProblem(raw: unknown): string | null {
  try {
    validateCard(raw);
    return null;
  } catch (e) {
    if (e instanceof CardProblem) return e.message;
    throw e;
  }
}

/** Checks the version first so a newer file gets "update Drydock" rather than a list of unknown fields. */
export function checkFormatVersion(raw: Json, label: string): void {
  const v = raw.formatVersion;
  if (typeof v === 'number' && v > FORMAT_VERSION) {
    throw new ImportFailure(
      'unsupported-version',
      `${label} uses deck format version ${v}, made by a newer Drydock; this version reads format ${FORMAT_VERSION}. Reload Drydock to update it, then try again. Nothing was changed.`,
    );
  }
  if (v !== FORMAT_VERSION) throw new ImportFailure('invalid', `${label} has no valid "formatVersion" (expected ${FORMAT_VERSION}), so it is not a Drydock deck. Nothing was changed.`);
}

/**
 * One deck. Deck-level problems fail the whole import; a bad card is left out and reported in `warnings`,
 * so one typo does not block a class's deck.
 */
export function validateDeck(raw: unknown, label: string, warnings: string[], seenIds: Set<string>): Deck {
  if (!isObject(raw)) throw new ImportFailure('invalid', `${label} is not a deck object. Nothing was changed.`);
  checkFormatVersion(raw, label);
  const field = (key: string, required: boolean): string => {
    const v = raw[key];
    if (v === undefined && !required) return '';
    if (typeof v !== 'string' || (required && v.trim() === '')) throw new ImportFailure('invalid', `${label}: "${key}" must be non-empty text. Nothing was changed.`);
    return v.slice(0, 2000);
  };
  const id = field('id', true);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || id.length > MAX_DECK_ID_CHARS) {
    throw new ImportFailure('invalid', `${label}: the deck "id" must be up to ${MAX_DECK_ID_CHARS} lowercase letters, digits and single dashes (like "docker-basics"); it is "${id.slice(0, MAX_DECK_ID_CHARS)}". Nothing was changed.`);
  }
  const title = field('title', true);
  if (!Array.isArray(raw.cards)) throw new ImportFailure('invalid', `${label} ("${title}") has no "cards" list. Nothing was changed.`);
  if (raw.cards.length > MAX_IMPORT_CARDS) throw new ImportFailure('too-large', `${label} has ${raw.cards.length} cards; the limit is ${MAX_IMPORT_CARDS}. Nothing was changed.`);
  const tags = Array.isArray(raw.tags) ? [...new Set(raw.tags.filter((t): t is string => typeof t === 'string' && t.trim() !== ''))] : [];
  const cards: Card[] = [];
  raw.cards.forEach((rawCard, i) => {
    try {
      const card = validateCard(rawCard);
      if (seenIds.has(card.id)) throw new CardProblem(`repeats the id "${card.id}"`);
      seenIds.add(card.id);
      cards.push(card);
    } catch (e) {
      if (!(e instanceof CardProblem)) throw e;
      warnings.push(`"${title}", card ${i + 1}: ${e.message}; the card was left out.`);
    }
  });
  return { formatVersion: FORMAT_VERSION, id, title, description: field('description', false), tags, source: field('source', false), cards };
}
