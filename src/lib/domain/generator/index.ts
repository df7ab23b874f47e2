// The notes-to-cards generator: pure, synchronous, no Node or DOM APIs, so `npm run decks` and the
// in-app "import my notes" run the same code. Never throws: odd input gives warnings and fewer cards.

import { slugify } from '../ids.ts';
import { FORMAT_VERSION, type Card, type Deck } from '../model.ts';
import { finishCards } from './finish.ts';
import { chooseForms, markedCards } from './forms.ts';
import { parseNotes } from './parse.ts';
import { collectCards, type SectionCards } from './walk.ts';
import { cleanInline, headingTitle } from './text.ts';

/** One deck made from some of the notes' sections. */
export interface DeckSpec {
  id: string;
  title: string;
  description: string;
  tags?: string[];
  /**
   * Headings whose cards go into this deck, as a path from the top-level heading: "Docker Networking",
   * or "Introduction to Containers > Lifecycle of Containers" for a sub-section. The longest matching
   * path wins, so a sub-section can go to another deck than its parent.
   */
  sections: string[];
}

/** Optional mapping of the notes' sections onto decks; sections it does not name get their own deck. */
export interface DeckGrouping {
  decks: DeckSpec[];
}

export interface GenerateOptions {
  /** The notes' file name; it goes into every card's provenance and id. */
  source: string;
  grouping?: DeckGrouping;
  /** Ids of cards an editor rewrites after generation: kept even when their generated text has a flaw. */
  vetted?: ReadonlySet<string>;
}

export interface GenerateResult {
  decks: Deck[];
  warnings: string[];
}

export function generateDecks(text: string, options: GenerateOptions): GenerateResult {
  const warnings: string[] = [];
  try {
    const source = String(options?.source ?? 'notes');
    const vetted = options?.vetted ?? new Set<string>();
    const parsed = parseNotes(typeof text === 'string' ? text : '');
    warnings.push(...parsed.warnings);
    const collected = collectCards(parsed.sections, source, warnings);
    const decks = options?.grouping ? groupedDecks(collected, options.grouping, source, warnings, vetted) : sectionDecks(collected, source, warnings, vetted);
    return { decks: decks.filter((d) => d.cards.length > 0), warnings };
  } catch (error) {
    warnings.push(`The notes could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return { decks: [], warnings };
  }
}

function deckOf(id: string, title: string, description: string, tags: string[], source: string, cards: Card[], warnings: string[], seenFronts: Set<string>, vetted: ReadonlySet<string>): Deck {
  const tagged = cards.map((c) => {
    const copy = { ...c, tags: [...new Set([id, ...c.tags])] };
    if (markedCards.has(c)) markedCards.add(copy);
    return copy;
  });
  return { formatVersion: FORMAT_VERSION, id, title, description, tags, source, cards: finishCards(chooseForms(tagged, vetted), warnings, seenFronts) };
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base || 'notes';
  for (let n = 2; taken.has(id); n++) id = `${base || 'notes'}-${n}`;
  taken.add(id);
  return id;
}

function sectionDecks(collected: SectionCards[], source: string, warnings: string[], vetted: ReadonlySet<string>): Deck[] {
  const taken = new Set<string>();
  const seenFronts = new Set<string>();
  return collected
    .filter(({ cards }) => cards.length > 0)
    .map(({ section, cards }) => {
      const title = headingTitle(section.title) || 'Notes';
      const id = uniqueId(slugify(title), taken);
      return deckOf(id, title, `Cards generated from “${title}” in ${source}.`, [id], source, cards, warnings, seenFronts, vetted);
    });
}

function pathKey(parts: string[]): string {
  return parts.map((p) => slugify(cleanInline(p))).join('>');
}

function groupedDecks(collected: SectionCards[], grouping: DeckGrouping, source: string, warnings: string[], vetted: ReadonlySet<string>): Deck[] {
  // The grouping may come from a file: keep only well-formed specs with slug ids, each id once.
  const specs = (Array.isArray(grouping.decks) ? grouping.decks : []).filter((s, i, all) => {
    const ok = s && typeof s.id === 'string' && slugify(s.id) === s.id && typeof s.title === 'string' && Array.isArray(s.sections) && all.findIndex((o) => o?.id === s.id) === i;
    if (!ok) warnings.push(`Grouping entry ${i + 1} is not a deck with an id, a title and sections; it was ignored.`);
    return ok;
  }).map((s) => ({ ...s, description: typeof s.description === 'string' ? s.description : '', sections: s.sections.filter((x) => typeof x === 'string') }));
  const byPath = new Map<string, DeckSpec>();
  for (const spec of specs) for (const s of spec.sections ?? []) byPath.set(pathKey(s.split('>')), spec);
  const buckets = new Map<DeckSpec, Card[]>(specs.map((s) => [s, []]));
  const leftovers = new Map<string, Card[]>();
  const used = new Set<string>();
  for (const { cards } of collected) {
    for (const card of cards) {
      const path = card.provenance?.headingPath ?? [];
      let spec: DeckSpec | undefined;
      for (let n = path.length; n > 0 && !spec; n--) {
        const key = pathKey(path.slice(0, n));
        spec = byPath.get(key);
        if (spec) used.add(key);
      }
      if (spec) buckets.get(spec)!.push(card);
      else {
        const top = path[0] ?? 'Notes';
        leftovers.set(top, [...(leftovers.get(top) ?? []), card]);
      }
    }
  }
  for (const [key] of byPath) if (!used.has(key)) warnings.push(`Grouping names the section "${key}", which has no cards in the notes.`);
  const taken = new Set(specs.map((s) => s.id));
  const seenFronts = new Set<string>();
  const decks = specs.map((s) => deckOf(s.id, s.title, s.description, s.tags ?? [s.id], source, buckets.get(s)!, warnings, seenFronts, vetted));
  for (const [top, cards] of leftovers) {
    warnings.push(`No deck in the grouping takes the section "${top}"; it gets a deck of its own.`);
    const id = uniqueId(slugify(top), taken);
    decks.push(deckOf(id, top, `Cards generated from “${top}” in ${source}.`, [id], source, cards, warnings, seenFronts, vetted));
  }
  return decks;
}
