// Reading quality of every bundled card, checked the way a candidate would notice problems.
import { describe, expect, it } from 'vitest';
import { checkTypedAnswer } from '../../../src/lib/domain/answer-check';
import { cardBack, cardFront, type Card } from '../../../src/lib/domain/model';
import { readCommittedDecks } from './generator/bundled';

const decks = readCommittedDecks();
const cards = decks.flatMap((d) => d.cards);

/** All text a learner reads on a card. */
function texts(card: Card): string[] {
  switch (card.kind) {
    case 'basic':
      return [card.prompt, card.answer, card.explanation ?? ''];
    case 'cloze':
      return [card.text, card.explanation ?? ''];
    case 'choice':
      return [card.prompt, ...card.options, card.explanation];
    case 'typed':
      return [card.prompt, ...card.answers, card.explanation ?? ''];
    case 'truefalse':
      return [card.statement, card.explanation];
  }
}

const withoutCode = (text: string) => text.replace(/`[^`]*`/g, '');
const label = (card: Card) => `${card.kind} ${card.provenance?.line}: ${cardFront(card)}`;

describe('every bundled card', () => {
  it('opens with its subject, not "this", "it" or "the above"', () => {
    const bad = cards.filter((c) => /^(this|it|they|these|the above)\b/i.test(cardFront(c).trim()));
    expect(bad.map(label)).toEqual([]);
  });

  it('names its subject: the prompt shares a word with its headings, or quotes a term or command', () => {
    const words = (t: string) => new Set((t.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []).map((w) => w.replace(/s$/, '')));
    const bad = cards.filter((c) => {
      const front = cardFront(c);
      if (/[`“"]/.test(front)) return false;
      const heading = words((c.provenance?.headingPath ?? []).join(' '));
      return ![...words(front)].some((w) => heading.has(w)) || front.split(' ').length < 3;
    });
    expect(bad.map(label)).toEqual([]);
  });

  it('has no emoji, mojibake, table pipes or Markdown heading/table residue', () => {
    const bad = cards.filter((c) =>
      texts(c).some((t) => {
        const prose = withoutCode(t);
        return (
          /\p{Extended_Pictographic}|[\uFE0F\u20E3]/u.test(t) ||
          /Ã.|â€|Â\s|\uFFFD/.test(t) ||
          /\|/.test(prose) ||
          /(^|\n)\s*#{1,6}\s/.test(prose) ||
          /(^|\n)\s*:?-{3,}:?\s*(\||$)/.test(prose) ||
          /\*\*/.test(prose)
        );
      }),
    );
    expect(bad.map(label)).toEqual([]);
  });

  it('has a prompt that differs from its answer', () => {
    const norm = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const bad = cards.filter((c) => norm(cardFront(c)) === norm(cardBack(c)) || norm(cardBack(c)) === '');
    expect(bad.map(label)).toEqual([]);
  });

  it('has a prompt no other card has, and an id no other card has', () => {
    const fronts = cards.map((c) => cardFront(c).toLowerCase().trim());
    expect(fronts.filter((f, i) => fronts.indexOf(f) !== i)).toEqual([]);
    const ids = cards.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('keeps answers to about 300 characters (longer facts are split)', () => {
    const answer = (c: Card) => (c.kind === 'basic' ? c.answer : c.kind === 'typed' ? c.answers[0] : c.kind === 'cloze' ? c.text : c.kind === 'choice' ? c.options.join(' ') : c.statement);
    expect(cards.filter((c) => answer(c).length > 320).map(label)).toEqual([]);
  });

  it('is consistent for its kind: choices have 3–5 distinct options, cloze has a deletion, typed accepts its own answer', () => {
    for (const card of cards) {
      if (card.kind === 'choice') {
        expect(card.options.length, label(card)).toBeGreaterThanOrEqual(3);
        expect(card.options.length, label(card)).toBeLessThanOrEqual(5);
        expect(new Set(card.options).size, label(card)).toBe(card.options.length);
        expect(card.correct.every((i) => i >= 0 && i < card.options.length), label(card)).toBe(true);
      }
      if (card.kind === 'cloze') expect(card.text, label(card)).toMatch(/\{\{c1::[^}]+\}\}/);
      if (card.kind === 'typed') expect(checkTypedAnswer(card.answers[0], card.answers).correct, label(card)).toBe(true);
    }
  });

  it('carries provenance (source, heading path, line) and its deck id as a tag', () => {
    for (const deck of decks) {
      for (const card of deck.cards) {
        expect(card.provenance?.source, label(card)).toBe(deck.source);
        expect(card.provenance?.headingPath.length, label(card)).toBeGreaterThan(0);
        expect(card.provenance?.line, label(card)).toBeGreaterThan(0);
        expect(card.tags, label(card)).toContain(deck.id);
      }
    }
  });
});

describe('bundled recognition cards', () => {
  it('never give the answer away by a stem or short form the description shares with the right option only (“variable data” → /var)', async () => {
    const { stemGiveawayReason } = await import('../../../src/lib/domain/deck-lint');
    expect(cards.filter((c) => stemGiveawayReason(c) !== null).map(label)).toEqual([]);
  });

  it('balance the “good / best / recommended practice” statements true and false, so the wording does not tell', () => {
    const advice = cards.filter((c) => c.kind === 'truefalse' && /\b(good|best|recommended)\s+practices?\b/i.test(c.statement));
    const trueShare = advice.filter((c) => c.kind === 'truefalse' && c.isTrue).length / advice.length;
    expect(advice.length).toBeGreaterThanOrEqual(4);
    expect(trueShare).toBeGreaterThanOrEqual(0.25);
    expect(trueShare).toBeLessThanOrEqual(0.75);
  });

  it('give no advice that is obsolete (Pod Security Policies were removed in Kubernetes 1.25)', () => {
    expect(cards.filter((c) => /Pod\s*Security\s*Polic|PodSecurityPolicy/i.test(JSON.stringify(c))).map(label)).toEqual([]);
  });
});
