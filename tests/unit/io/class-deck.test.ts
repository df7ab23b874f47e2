import { describe, expect, it } from 'vitest';
import { parseClassFigures, parseClassInfo, parseClassVersion, publishLimitProblem } from '../../../src/lib/io/class-deck';
import { parseDeckJson } from '../../../src/lib/io/deck-json';
import { MAX_IMPORT_CARDS } from '../../../src/lib/io/limits';
import { classFigures, progressSince, updateHeadline } from '../../../src/lib/domain/class-deck';
import type { Deck } from '../../../src/lib/domain/model';

const ID = 'abcdefghijklmnopqrstuvwxyz234567';
const deck = (cards: unknown[]): Deck => ({ formatVersion: 1, id: 'week-3', title: 'Week 3', description: '', tags: [], source: 'x', cards } as Deck);

describe('what the class server sends is validated like an import', () => {
  it('copies only known fields of each card, leaves bad cards out with a warning, and refuses a damaged answer', async () => {
    const text = JSON.stringify({
      class: ID,
      version: 2,
      note: 'n',
      publishedAt: 1,
      deck: deck([
        { id: 'a', kind: 'basic', tags: [], prompt: 'Q', answer: 'A', onclick: 'alert(1)', __proto__: { polluted: true } },
        { id: 'b', kind: 'basic', tags: [], prompt: '' },
      ]),
    });
    const parsed = await parseClassVersion(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.deck.cards).toEqual([{ id: 'a', kind: 'basic', tags: [], prompt: 'Q', answer: 'A' }]);
    expect(parsed.value.warnings).toEqual(['"Week 3", card 2: "prompt" is empty; the card was left out.']);
    for (const bad of ['not json', JSON.stringify({ class: 'short', version: 1, publishedAt: 1, deck: deck([]) }), JSON.stringify({ class: ID, version: 0, publishedAt: 1 })]) {
      expect(await parseClassVersion(bad)).toMatchObject({ ok: false, error: { code: 'malformed' } });
    }
    expect(await parseClassVersion(JSON.stringify({ class: ID, version: 1, publishedAt: 1, deck: { ...deck([]), formatVersion: 9 } }))).toMatchObject({ ok: false, error: { code: 'unsupported-version' } });
  });

  it('reads a preview and the figures only in their documented shapes', () => {
    expect(parseClassInfo({ class: ID, title: 'T', cards: 3, version: 1, note: 'x'.repeat(900), publishedAt: 5 })).toMatchObject({ ok: true, value: { note: 'x'.repeat(500) } });
    expect(parseClassInfo({ class: ID, title: 'T', cards: -1, version: 1, publishedAt: 5 }).ok).toBe(false);
    expect(parseClassFigures({ students: 5, minimum: 5, shown: true, cards: [{ card: 'a', students: 5, reviews: 4, again: 1 }] })).toMatchObject({ ok: true, value: { cards: [{ againShare: 0.25 }] } });
    expect(parseClassFigures({ students: 5, minimum: 5, shown: true, cards: [{ card: 'a', students: 5, reviews: 1, again: 2 }] }).ok).toBe(false);
  });

  it('refuses to publish decks over the import limits in the words a file import uses', async () => {
    const many = deck(Array.from({ length: MAX_IMPORT_CARDS + 1 }, (_, i) => ({ id: `c${i}`, kind: 'basic', tags: [], prompt: 'q', answer: 'a' })));
    const fromImport = await parseDeckJson(JSON.stringify(many), 'Week 3');
    expect(fromImport.ok).toBe(false);
    if (fromImport.ok) return;
    expect(publishLimitProblem(many, '{}')).toBe(fromImport.error.message);
    const big = deck([{ id: 'a', kind: 'basic', tags: [], prompt: 'q', answer: 'a' }]);
    expect(publishLimitProblem(big, 'x'.repeat(50 * 1024 * 1024 + 1))).toBe('"Week 3" is larger than 50 MB, the limit for a deck file. Nothing was changed.');
    expect(publishLimitProblem(deck([]), '{}')).toBe('This deck has no cards to publish yet.');
  });
});

describe('class progress rules', () => {
  it('counts answers after the last report per class card, and each student once per card', () => {
    const answers = [
      { cardId: 'a', rating: 1, review: 10 },
      { cardId: 'a', rating: 3, review: 20 },
      { cardId: 'b', rating: 1, review: 5 },
      { cardId: 'other-deck', rating: 1, review: 30 },
    ];
    expect(progressSince(answers, new Set(['a', 'b']), 6, new Set(['a']))).toEqual([{ card: 'a', reviews: 2, again: 1, first: false }]);
    expect(progressSince(answers, new Set(['a', 'b']), 0, new Set())).toEqual([
      { card: 'a', reviews: 2, again: 1, first: true },
      { card: 'b', reviews: 1, again: 1, first: true },
    ]);
  });

  it('hides the class below the minimum cohort and each card reviewed by fewer students; most missed first', () => {
    const rows = [
      { card: 'easy', students: 6, reviews: 10, again: 1 },
      { card: 'hard', students: 5, reviews: 10, again: 7 },
      { card: 'rare', students: 2, reviews: 2, again: 2 },
    ];
    expect(classFigures(rows, 4)).toEqual({ students: 4, minimum: 5, shown: false, cards: [] });
    expect(classFigures(rows, 6).cards.map((c) => [c.card, c.againShare])).toEqual([['hard', 0.7], ['easy', 0.1]]);
    expect(updateHeadline(4, { added: 6, changed: 3, retired: 0, skipped: 1 })).toBe('Updated to version 4: 6 new cards, 3 changed');
  });
});
