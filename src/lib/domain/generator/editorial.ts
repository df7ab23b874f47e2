// The editorial pass over generated decks, kept as data (decks/editorial.json): what a reader fixed by hand
// after the general rules ran. `npm run decks` applies it after generation; card ids never change, so a
// reworded card keeps everyone's progress. Each entry says why, and deck lints can be waived one by one.

import { stableId, tagSlug } from '../ids.ts';
import { LINT_RULES, type LintFinding, type LintRule } from '../deck-lint.ts';
import type { Card, CardKind, Deck } from '../model.ts';

/** New text for some fields of a generated card. Only the fields its kind has may be given. */
export type Reword = { why: string } & Partial<Record<(typeof FIELDS)[CardKind][number], unknown>>;

export interface AddedCard {
  deck: string;
  why: string;
  /** Headings of the notes the card belongs under (provenance and tags), and the line it draws on. */
  headingPath: string[];
  line: number;
  /** An existing card whose fact this card also asks about: the new card becomes its sibling. */
  sibling?: string;
  card: Record<string, unknown> & { kind: CardKind };
}

export interface Editorial {
  reword?: Record<string, Reword>;
  /** Card id → why it is dropped. */
  drop?: Record<string, string>;
  /** Added cards by a name that never changes (their id is derived from it). */
  add?: Record<string, AddedCard>;
  /** Card id (or deck id, for deck-wide lints) → lint rule → why the finding is acceptable. */
  waive?: Record<string, Partial<Record<LintRule, string>>>;
}

const FIELDS = {
  basic: ['prompt', 'answer', 'explanation'],
  cloze: ['text', 'explanation'],
  choice: ['prompt', 'options', 'correct', 'explanation'],
  typed: ['prompt', 'answers', 'explanation'],
  truefalse: ['statement', 'isTrue', 'explanation'],
} as const satisfies Record<CardKind, readonly string[]>;

/** The id an added card gets: stable as long as its name in the editorial file stays. */
export function addedCardId(name: string): string {
  return stableId('editorial', name);
}

function hasWhy(why: unknown): why is string {
  return typeof why === 'string' && why.trim().length > 0;
}

/** The decks with the editorial file applied; every entry that does not fit (unknown id, field, no reason) is a warning. */
export function applyEditorial(decks: Deck[], editorial: Editorial, warnings: string[]): Deck[] {
  const known = new Set(decks.flatMap((d) => d.cards.map((c) => c.id)));
  for (const [id, entry] of Object.entries(editorial.reword ?? {})) {
    if (!known.has(id)) warnings.push(`editorial: reword names the card ${id}, which no deck has.`);
    if (!hasWhy(entry.why)) warnings.push(`editorial: the reword of ${id} gives no reason.`);
  }
  for (const [id, why] of Object.entries(editorial.drop ?? {})) {
    if (!known.has(id)) warnings.push(`editorial: drop names the card ${id}, which no deck has.`);
    if (!hasWhy(why)) warnings.push(`editorial: dropping ${id} gives no reason.`);
  }
  const out = decks.map((deck) => ({
    ...deck,
    cards: deck.cards.filter((c) => !(editorial.drop && c.id in editorial.drop)).map((c) => reworded(c, editorial.reword?.[c.id], warnings)),
  }));
  for (const [name, added] of Object.entries(editorial.add ?? {})) {
    const deck = out.find((d) => d.id === added.deck);
    if (!deck) {
      warnings.push(`editorial: the added card "${name}" names the deck "${added.deck}", which does not exist.`);
      continue;
    }
    if (!hasWhy(added.why)) warnings.push(`editorial: the added card "${name}" gives no reason.`);
    const card = addedCard(name, added, deck, out, warnings);
    if (card) deck.cards.push(card);
  }
  return out;
}

function reworded(card: Card, entry: Reword | undefined, warnings: string[]): Card {
  if (!entry) return card;
  const allowed: readonly string[] = FIELDS[card.kind];
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'why') continue;
    if (!allowed.includes(key)) warnings.push(`editorial: ${card.id} is a ${card.kind} card and has no "${key}".`);
    else changes[key] = value;
  }
  return { ...card, ...changes } as Card;
}

function addedCard(name: string, added: AddedCard, deck: Deck, decks: Deck[], warnings: string[]): Card | null {
  const kind = added.card.kind;
  if (!(kind in FIELDS)) {
    warnings.push(`editorial: the added card "${name}" has no known kind.`);
    return null;
  }
  const id = addedCardId(name);
  const sibling = added.sibling ? decks.flatMap((d) => d.cards).find((c) => c.id === added.sibling) : undefined;
  if (added.sibling && !sibling) warnings.push(`editorial: the added card "${name}" names the sibling ${added.sibling}, which no deck has.`);
  const fields: Record<string, unknown> = {};
  for (const key of FIELDS[kind]) if (key in added.card) fields[key] = added.card[key];
  for (const key of Object.keys(added.card)) if (key !== 'kind' && !(FIELDS[kind] as readonly string[]).includes(key)) warnings.push(`editorial: the added ${kind} card "${name}" has no "${key}".`);
  const tags = [...new Set([deck.id, ...added.headingPath.map(tagSlug).filter(Boolean)])];
  return {
    id,
    kind,
    noteId: sibling?.noteId ?? sibling?.id ?? id,
    tags,
    provenance: { source: deck.source, headingPath: added.headingPath, line: added.line },
    ...fields,
  } as Card;
}

/** Lint findings no waiver covers, plus a finding's worth of complaint for each waiver that covers nothing. */
export function unwaived(findings: LintFinding[], editorial: Editorial): { findings: LintFinding[]; problems: string[] } {
  const waive = editorial.waive ?? {};
  const used = new Set<string>();
  const open = findings.filter((f) => {
    const why = waive[f.cardId]?.[f.rule];
    if (hasWhy(why)) used.add(`${f.cardId} ${f.rule}`);
    return !hasWhy(why);
  });
  const problems: string[] = [];
  for (const [id, rules] of Object.entries(waive)) {
    for (const [rule, why] of Object.entries(rules ?? {})) {
      if (!(LINT_RULES as readonly string[]).includes(rule)) problems.push(`editorial: ${id} waives "${rule}", which is not a lint.`);
      else if (!hasWhy(why)) problems.push(`editorial: the waiver of "${rule}" for ${id} gives no reason.`);
      else if (!used.has(`${id} ${rule}`)) problems.push(`editorial: ${id} waives "${rule}", but that lint finds nothing there.`);
    }
  }
  return { findings: open, problems };
}
