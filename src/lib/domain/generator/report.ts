// How well the generator reads one notes file: cards by kind, lint findings and recall against the facts an
// instructor listed for it (`*.expected.json`). Pure, so `npm run generator-report` and the unit test share it.

import { lintDecks, type LintFinding } from '../deck-lint.ts';
import { cardBack, cardFront, type Card, type CardKind } from '../model.ts';
import { generateDecks } from './index.ts';

export interface ExpectedFact {
  /** What the instructor would ask, in words. */
  fact: string;
  /** Every string must appear (case-insensitive, code ticks ignored) on one card's front and back. */
  match: string[];
}

export interface ExpectedNotes {
  facts: ExpectedFact[];
  /** Strings no card may contain (a chatbot's closing offer, a TODO, a stray step number). */
  never?: string[];
  /** How many decks the file should give, when that matters (one per top-level heading). */
  decks?: number;
}

export interface MissedFact {
  fact: string;
  /** Why: the strings no card carries together, and the card that came closest. */
  reason: string;
}

export interface NotesReport {
  name: string;
  cards: number;
  byKind: Record<CardKind, number>;
  decks: number;
  findings: LintFinding[];
  recalled: number;
  expected: number;
  missed: MissedFact[];
  /** "never" strings that some card contains, with the card's front. */
  leaks: string[];
}

const KINDS: CardKind[] = ['basic', 'cloze', 'choice', 'typed', 'truefalse'];

/** The text a fact must be found in: front, back and (for a cloze) its markup, without code ticks. */
export function cardText(card: Card): string {
  const raw = card.kind === 'cloze' ? card.text : '';
  return `${cardFront(card)}\n${cardBack(card)}\n${raw}`.replace(/`/g, '').toLowerCase();
}

export function reportNotes(name: string, text: string, expected: ExpectedNotes): NotesReport {
  const { decks } = generateDecks(text, { source: name });
  const cards = decks.flatMap((d) => d.cards);
  const texts = cards.map(cardText);
  const byKind = Object.fromEntries(KINDS.map((k) => [k, cards.filter((c) => c.kind === k).length])) as Record<CardKind, number>;
  const missed: MissedFact[] = [];
  for (const fact of expected.facts) {
    const wanted = fact.match.map((m) => m.toLowerCase());
    if (texts.some((t) => wanted.every((w) => t.includes(w)))) continue;
    let best = -1;
    let bestHits = 0;
    texts.forEach((t, i) => {
      const hits = wanted.filter((w) => t.includes(w)).length;
      if (hits > bestHits) [best, bestHits] = [i, hits];
    });
    const absent = wanted.filter((w) => !texts.some((t) => t.includes(w)));
    const reason =
      absent.length > 0
        ? `no card says ${absent.map((w) => `“${w}”`).join(', ')}`
        : `no one card says ${wanted.map((w) => `“${w}”`).join(' and ')}; closest: “${cardFront(cards[best]).slice(0, 70)}”`;
    missed.push({ fact: fact.fact, reason });
  }
  const leaks = (expected.never ?? []).flatMap((n) => {
    const i = texts.findIndex((t) => t.includes(n.toLowerCase()));
    return i >= 0 ? [`“${n}” in “${cardFront(cards[i]).slice(0, 70)}”`] : [];
  });
  if (expected.decks !== undefined && decks.length !== expected.decks) leaks.push(`${decks.length} decks (${expected.decks} expected)`);
  return {
    name,
    cards: cards.length,
    byKind,
    decks: decks.length,
    findings: lintDecks(decks),
    recalled: expected.facts.length - missed.length,
    expected: expected.facts.length,
    missed,
    leaks,
  };
}

/** The corpus table: one row per file and a total row. */
export function reportTable(reports: NotesReport[]): string {
  const row = (name: string, r: Pick<NotesReport, 'cards' | 'byKind' | 'recalled' | 'expected' | 'leaks'> & { lints: number }) =>
    `| ${name} | ${r.cards} | ${KINDS.map((k) => r.byKind[k]).join(' | ')} | ${r.lints} | ${r.recalled}/${r.expected} (${Math.round((100 * r.recalled) / Math.max(1, r.expected))}%) | ${r.leaks.length} |`;
  const total = {
    cards: reports.reduce((n, r) => n + r.cards, 0),
    byKind: Object.fromEntries(KINDS.map((k) => [k, reports.reduce((n, r) => n + r.byKind[k], 0)])) as Record<CardKind, number>,
    recalled: reports.reduce((n, r) => n + r.recalled, 0),
    expected: reports.reduce((n, r) => n + r.expected, 0),
    leaks: reports.flatMap((r) => r.leaks),
    lints: reports.reduce((n, r) => n + r.findings.length, 0),
  };
  return [
    '| Notes | Cards | Basic | Cloze | Choice | Typed | True/false | Lints | Recall | Leaks |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...reports.map((r) => row(`\`${r.name}\``, { ...r, lints: r.findings.length })),
    row('**Total**', total),
  ].join('\n');
}
