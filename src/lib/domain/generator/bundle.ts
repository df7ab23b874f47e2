// The bundled decks as files: what `npm run decks` writes and what the freshness test compares with
// the committed files. Pure: callers do the reading and writing.

import type { CardKind, Deck } from '../model.ts';
import { applyEditorial, type Editorial } from './editorial.ts';
import { generateDecks, type DeckGrouping } from './index.ts';

export interface NotesSource {
  name: string;
  text: string;
}

/** Grouping per notes file name. */
export type BundleGrouping = Record<string, DeckGrouping | undefined>;

/** The decks made from `sources`, with the editorial file (decks/editorial.json) applied after generation. */
export function buildDeckFiles(sources: NotesSource[], grouping: BundleGrouping, editorial: Editorial = {}): { files: Map<string, string>; decks: Deck[]; warnings: string[] } {
  const files = new Map<string, string>();
  const generated: Deck[] = [];
  const warnings: string[] = [];
  // A card the editorial file rewords ships in its editor's words, so the flaws of its generated text do not drop it.
  const vetted = new Set(Object.keys(editorial.reword ?? {}));
  for (const source of sources) {
    const result = generateDecks(source.text, { source: source.name, grouping: grouping[source.name], vetted });
    warnings.push(...result.warnings.map((w) => `${source.name}: ${w}`));
    for (const deck of result.decks) {
      if (files.has(deckFileName(deck.id))) {
        warnings.push(`${source.name}: deck id "${deck.id}" is used by another notes file; skipped.`);
        continue;
      }
      files.set(deckFileName(deck.id), '');
      generated.push(deck);
    }
  }
  const decks = applyEditorial(generated, editorial, warnings);
  for (const deck of decks) files.set(deckFileName(deck.id), `${JSON.stringify(deck, null, 2)}\n`);
  return { files, decks, warnings };
}

export function deckFileName(id: string): string {
  return `${id}.deck.json`;
}

const START = '<!-- decks:start -->';
const END = '<!-- decks:end -->';

export function deckTable(decks: Deck[]): string {
  const kinds: CardKind[] = ['basic', 'cloze', 'choice', 'typed', 'truefalse'];
  const rows = decks.map((d) => {
    const counts = kinds.map((k) => d.cards.filter((c) => c.kind === k).length);
    return `| \`${d.id}\` | ${d.title} | ${d.cards.length} | ${counts.join(' | ')} |`;
  });
  const total = decks.reduce((n, d) => n + d.cards.length, 0);
  const totals = kinds.map((k) => decks.reduce((n, d) => n + d.cards.filter((c) => c.kind === k).length, 0));
  return [
    '| Deck id | Title | Cards | Basic | Cloze | Choice | Typed | True/false |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `| | **All decks** | **${total}** | ${totals.join(' | ')} |`,
  ].join('\n');
}

/** README.md with the table between the decks markers replaced (the rest of the file untouched). */
export function readmeWithDeckTable(readme: string, decks: Deck[]): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return readme;
  return `${readme.slice(0, start + START.length)}\n${deckTable(decks)}\n${readme.slice(end)}`;
}
