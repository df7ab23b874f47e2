import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeckFiles, deckTable } from '../../../src/lib/domain/generator/bundle';
import { CARD_KINDS, FORMAT_VERSION, type BasicCard, type ChoiceCard, type ClozeCard, type TrueFalseCard, type TypedCard } from '../../../src/lib/domain/model';
import { validateDeck } from '../../../src/lib/io/validate-deck';
import { decksDir, readCommittedDecks, readCommittedFiles, readEditorial, readGrouping, readSources } from './generator/bundled';

const schema = JSON.parse(readFileSync(join(decksDir, 'deck.schema.json'), 'utf8'));

/** Keys a type requires (not optional), so the schema's "required" lists can be checked against model.ts. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function requiredOf<T>() {
  return <const K extends readonly RequiredKeys<T>[]>(keys: K & (Same<K[number], RequiredKeys<T>> extends true ? unknown : never)) => [...keys].sort();
}
const MODEL_REQUIRED = {
  basic: requiredOf<BasicCard>()(['id', 'kind', 'tags', 'prompt', 'answer']),
  cloze: requiredOf<ClozeCard>()(['id', 'kind', 'tags', 'text']),
  choice: requiredOf<ChoiceCard>()(['id', 'kind', 'tags', 'prompt', 'options', 'correct', 'explanation']),
  typed: requiredOf<TypedCard>()(['id', 'kind', 'tags', 'prompt', 'answers']),
  truefalse: requiredOf<TrueFalseCard>()(['id', 'kind', 'tags', 'statement', 'isTrue', 'explanation']),
};

describe('committed decks', () => {
  it('are exactly what a fresh generation writes with the editorial file applied (run `npm run decks` after changing notes, generator or editorial file)', () => {
    const { files } = buildDeckFiles(readSources(), readGrouping(), readEditorial());
    const committed = readCommittedFiles();
    expect([...committed.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [name, content] of files) expect(committed.get(name), name).toBe(content);
  });

  it('come from notes, a grouping and an editorial file that apply without warnings (every grouped section and edited card exists)', () => {
    expect(buildDeckFiles(readSources(), readGrouping(), readEditorial()).warnings).toEqual([]);
  });

  it('are pretty JSON with a trailing newline and the file name of their deck id', () => {
    for (const [name, text] of readCommittedFiles()) {
      const deck = JSON.parse(text);
      expect(name).toBe(`${deck.id}.deck.json`);
      expect(text).toBe(`${JSON.stringify(deck, null, 2)}\n`);
    }
  });

  it('validate against decks/deck.schema.json', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const decks = readCommittedDecks();
    expect(decks.length).toBeGreaterThan(0);
    for (const deck of decks) {
      const ok = validate(deck);
      expect(ok ? [] : validate.errors?.slice(0, 5), deck.id).toEqual([]);
    }
  });

  it("pass the app's own import validator unchanged (no card dropped, no warning)", () => {
    const seen = new Set<string>();
    for (const deck of readCommittedDecks()) {
      const warnings: string[] = [];
      const validated = validateDeck(JSON.parse(JSON.stringify(deck)), deck.id, warnings, seen);
      expect(warnings, deck.id).toEqual([]);
      expect(validated.cards.length, deck.id).toBe(deck.cards.length);
    }
  });

  it('are listed in the README with their card counts', () => {
    const readme = readFileSync(join(decksDir, '..', 'README.md'), 'utf8');
    const { decks } = buildDeckFiles(readSources(), readGrouping(), readEditorial());
    expect(readme).toContain(deckTable(decks));
    for (const deck of readCommittedDecks()) expect(readme).toContain(`| \`${deck.id}\` | ${deck.title} | ${deck.cards.length} |`);
  });
});

describe('deck.schema.json and model.ts', () => {
  it('agree on the format version and the card kinds', () => {
    expect(schema.properties.formatVersion.const).toBe(FORMAT_VERSION);
    expect([...schema.$defs.base.properties.kind.enum].sort()).toEqual([...CARD_KINDS].sort());
    expect(schema.$defs.card.oneOf.map((r: { $ref: string }) => r.$ref.split('/').pop()).sort()).toEqual([...CARD_KINDS].sort());
  });

  it('agree on the required fields of every card kind', () => {
    for (const kind of CARD_KINDS) {
      const required = [...new Set([...schema.$defs.base.required, ...schema.$defs[kind].required])].sort();
      expect(required, kind).toEqual(MODEL_REQUIRED[kind]);
    }
  });

  it('rejects a deck that breaks the format', () => {
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const good = readCommittedDecks()[0];
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, formatVersion: 2 })).toBe(false);
    const choice = good.cards.find((c) => c.kind === 'choice') ?? { id: 'x', kind: 'choice', tags: [], prompt: 'p', options: ['a', 'b', 'c'], correct: [0], explanation: '' };
    expect(validate({ ...good, cards: [{ ...choice, options: ['only', 'two'] }] })).toBe(false);
    expect(validate({ ...good, cards: [{ id: 'x', kind: 'cloze', tags: [], text: 'no deletion here' }] })).toBe(false);
    expect(validate({ ...good, cards: [{ id: 'x', kind: 'essay', tags: [], prompt: 'p' }] })).toBe(false);
  });

  it('accepts what the app exports, including a front-only card imported from Anki or CSV', async () => {
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const { writeDeckJson } = await import('../../../src/lib/io/deck-json');
    const frontOnly = { id: 'front-only', kind: 'basic' as const, tags: [], prompt: 'Name the default Docker network driver.', answer: '' };
    const exported = JSON.parse(writeDeckJson([{ ...readCommittedDecks()[0], cards: [frontOnly] }]));
    const decks = Array.isArray(exported) ? exported : exported.decks ?? [exported];
    for (const deck of decks) expect(validate(deck), JSON.stringify(validate.errors)).toBe(true);
  });
});
