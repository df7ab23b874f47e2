// fast-check generators for exchange round trips: every card kind, any card id, note ids, cloze siblings and cloze
// numbers up to c20, with Unicode, quotes, newlines, Markdown and HTML-looking text.
import fc from 'fast-check';
import { FORMAT_VERSION, type Card, type ClozeCard, type Deck } from '../../../src/lib/domain/model';

const pieces = fc.constantFrom(
  'a', 'Z', '0', ' ', ' ', ',', ';', '"', "'", '`', '*', '_', '#', '-', '&', '&amp;', '<b>', '</b>', '<script>x</script>', '<port>',
  '\n', '\n\n', 'é', '日本', '🐳', '\u00a0', '**bold**', '`code`', '- item\n- item', '1. one', '[sound:x.mp3]', '\\', '|', '::', '{', '}',
);
/** Card text as the editor stores it: trimmed and non-empty. */
export const text = fc.array(pieces, { minLength: 1, maxLength: 12 }).map((a) => a.join('').trim()).filter((s) => s.length > 0);
/** Text inside a cloze deletion: no braces or "::", which would end it. */
const deletionText = text.map((s) => s.replace(/[{}]|::/g, '').trim()).filter((s) => s.length > 0 && !s.includes(':'));
const tags = fc.uniqueArray(fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), fc.constant('two words')), { maxLength: 3 });
export const anyId = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
const explanation = fc.option(text, { nil: undefined });
const withNote = <T extends Card>(card: fc.Arbitrary<T>) =>
  fc.tuple(card, fc.option(anyId, { nil: undefined })).map(([c, noteId]) => (noteId === undefined ? c : { ...c, noteId }));
const optional = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const basic = withNote(fc.record({ id: anyId, kind: fc.constant('basic' as const), tags, prompt: text, answer: fc.oneof(text, fc.constant('')), explanation }).map(optional));
const typed = withNote(fc.record({ id: anyId, kind: fc.constant('typed' as const), tags, prompt: text, answers: fc.uniqueArray(text, { minLength: 1, maxLength: 3 }), explanation }).map(optional));
const choice = withNote(
  fc
    .record({ id: anyId, kind: fc.constant('choice' as const), tags, prompt: text, options: fc.uniqueArray(text, { minLength: 3, maxLength: 5 }), explanation: fc.oneof(text, fc.constant('')), pick: fc.array(fc.nat(4), { minLength: 1, maxLength: 3 }) })
    .map(({ pick, ...c }) => ({ ...c, correct: [...new Set(pick.map((i) => i % c.options.length))].sort((a, b) => a - b) })),
);
const truefalse = withNote(fc.record({ id: anyId, kind: fc.constant('truefalse' as const), tags, statement: text, isTrue: fc.boolean(), explanation: fc.oneof(text, fc.constant('')) }));
/** A lone cloze card: deletions numbered anywhere from c1 to c20, all hidden together. */
const cloze = withNote(
  fc
    .record({ id: anyId, kind: fc.constant('cloze' as const), tags, explanation, parts: fc.array(fc.tuple(text, deletionText, fc.integer({ min: 1, max: 20 }), fc.option(deletionText, { nil: undefined })), { minLength: 1, maxLength: 3 }), tail: fc.oneof(text, fc.constant('')) })
    .map(({ parts, tail, ...c }) => optional({ ...c, text: parts.map(([before, answer, n, hint]) => `${before} {{c${n}::${answer}${hint ? `::${hint}` : ''}}}`).join(' ') + (tail ? ` ${tail}` : '') })),
);

/** Cloze siblings as the editor splits them: one sentence, one card per deletion (each its own c1), one note id. */
export const clozeSiblings: fc.Arbitrary<ClozeCard[]> = fc
  .record({ noteId: anyId, ids: fc.uniqueArray(anyId, { minLength: 2, maxLength: 20 }), gaps: fc.array(text, { minLength: 21, maxLength: 21 }), answers: fc.array(deletionText, { minLength: 20, maxLength: 20 }), tags, explanation })
  .map(({ noteId, ids, gaps, answers, tags: t, explanation: e }) =>
    ids.map((id, own) => {
      const body = ids.map((_, i) => `${gaps[i]} ${i === own ? `{{c1::${answers[i]}}}` : answers[i]}`).join(' ') + ` ${gaps[ids.length]}`;
      return optional({ id, noteId, kind: 'cloze' as const, tags: t, text: body, explanation: e });
    }),
  );

export const anyCard: fc.Arbitrary<Card> = fc.oneof(basic, typed, choice, truefalse, cloze);
export const cardOfKind = { basic, typed, choice, truefalse, cloze } as Record<Card['kind'], fc.Arbitrary<Card>>;

/** A deck whose card ids are unique (sibling groups included). */
export function exchangeDeck(maxCards = 8): fc.Arbitrary<Deck> {
  return fc
    .record({ title: text.map((t) => t.replace(/\n/g, ' ')), cards: fc.array(anyCard, { minLength: 1, maxLength: maxCards }), siblings: fc.option(clozeSiblings, { nil: undefined }) })
    .map(({ title, cards, siblings }) => {
      const all = [...(siblings ?? []), ...cards];
      const seen = new Set<string>();
      const unique = all.filter((c) => !seen.has(c.id) && seen.add(c.id));
      return { formatVersion: FORMAT_VERSION, id: 'deck-under-test', title, description: 'A test deck', tags: [], source: 'test', cards: unique };
    });
}
