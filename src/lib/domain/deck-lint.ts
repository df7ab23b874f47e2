// Deck lints: what an interviewer would notice on a card before asking it. Pure, so the bundled-deck test,
// the generator (which leaves out flagged forms it can spare) and the import preview share one definition.

import { cardBack, cardFront, type Card, type Deck } from './model.ts';

export const LINT_RULES = ['duplicate-prompt', 'fragment', 'long-prompt', 'truefalse-balance', 'choice-options', 'giveaway', 'answer-repeats-prompt'] as const;
export type LintRule = (typeof LINT_RULES)[number];

export interface LintFinding {
  deckId: string;
  /** The card the finding is about; for a deck-wide finding (true/false balance) the deck id. */
  cardId: string;
  rule: LintRule;
  reason: string;
}

export const MAX_PROMPT = 200;
/** True statements per deck must be between these shares of all true/false cards (checked from this many on). */
export const TRUE_SHARE = { min: 0.4, max: 0.6, from: 5 } as const;
/** Near-duplicate search compares every pair, so it stops here; exact duplicates are always found. */
const NEAR_DUPLICATE_LIMIT = 1500;
const SIMILAR = 0.9;

const STOP = new Set(
  'a an the of to in on for and or is are be by with does do did it its this that as at from into your you can'.split(' '),
);

/** Words of a text, lower case, without punctuation, Markdown code ticks or cloze braces. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\{\{c\d+::|\}\}/g, ' ')
    .split(/[^a-z0-9+.-]+/)
    .map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
    .filter(Boolean);
}

/** Crude stem so "runs", "running" and "run" meet. */
function stem(word: string): string {
  return word.replace(/(ing|ed|es|s)$/, '').replace(/(.)\1$/, '$1');
}

function contentStems(text: string): string[] {
  return [...new Set(words(text).filter((w) => !STOP.has(w) && w.length > 1).map(stem))];
}

/** Stems without numbers, so "part 1 of 3" and "part 2 of 3" of one prompt meet. */
function promptStems(text: string): string[] {
  return contentStems(text.replace(/\d+/g, ' ')).sort();
}

/** The prompt without its "Subject: " lead-in, which many cards of one section share. */
function promptCore(card: Card): string {
  const front = cardFront(card);
  const colon = front.indexOf(': ');
  return colon > 0 && colon < front.length - 12 ? front.slice(colon + 2) : front;
}

const COMMAND = /^`?(?:sudo\s+)?(docker|podman|kubectl|git|npm|apt|apt-get|helm|systemctl)\s+([a-z][a-z-]+)/;

const MANAGEMENT = new Set(['network', 'volume', 'image', 'container', 'system', 'compose', 'builder', 'buildx', 'context', 'plugin', 'node', 'service', 'stack', 'secret', 'config', 'swarm', 'trust', 'manifest']);

/** Per-card lints. */
export function lintCard(card: Card, deckId: string): LintFinding[] {
  const out: LintFinding[] = [];
  const add = (rule: LintRule, reason: string) => out.push({ deckId, cardId: card.id, rule, reason });
  const front = cardFront(card);
  if (front.length > MAX_PROMPT) add('long-prompt', `The prompt has ${front.length} characters (more than ${MAX_PROMPT}).`);
  const fragment = fragmentReason(front);
  if (fragment) add('fragment', fragment);
  if (card.kind === 'choice' && card.options.length < 4) add('choice-options', `Only ${card.options.length} options (4 wanted).`);
  const giveaway = giveawayReason(card);
  if (giveaway) add('giveaway', giveaway);
  else if (card.kind === 'basic' && repeatsPrompt(card)) add('answer-repeats-prompt', 'The answer mostly repeats words of the prompt.');
  return out;
}

/** Why a prompt reads as a leftover piece of a heading or sentence, or null. */
export function fragmentReason(front: string): string | null {
  if (/…\s*\??\s*$|\.\.\.\s*\??\s*$/.test(front)) return 'The prompt ends in a dangling “…”.';
  if (/(?:^|:\s+|—\s+)(and|but|or|so|because|then|whereas|while|without)\s[^?]*\?$/i.test(front) && !/^(and|or)\b/i.test(front)) {
    return 'The prompt starts a clause with a conjunction, as if cut from a sentence.';
  }
  const open = (front.match(/[“(]/g) ?? []).length;
  const close = (front.match(/[”)]/g) ?? []).length;
  if (open !== close) return 'The prompt has an unbalanced quote or bracket.';
  return null;
}

/** Why the prompt gives the answer away, or null. */
export function giveawayReason(card: Card): string | null {
  let stems: Set<string> | undefined;
  // Computed only for the cards that need it: most basic cards have no command answer.
  const promptStems = { has: (w: string) => (stems ??= new Set(contentStems(promptCore(card).replace(/`[^`]*`/g, ' ')))).has(w) };
  const answer = card.kind === 'typed' ? card.answers[0] : card.kind === 'basic' ? card.answer : card.kind === 'choice' ? card.correct.map((i) => card.options[i]).join(' ') : '';
  const command = COMMAND.exec(answer);
  // Only a bare "docker start <id>": with flags or a management noun ("docker network create") the prompt's
  // verb still leaves the syntax to recall.
  const bare = command && !/\s-/.test(answer) && answer.replace(/`/g, '').trim().split(/\s+/).length <= 3 && !MANAGEMENT.has(command[2]);
  if (command && bare && command[2].length >= 3 && promptStems.has(stem(command[2]))) {
    return `The prompt says “${command[2]}”, which names the command \`${command[1]} ${command[2]}\`.`;
  }
  if (card.kind === 'choice') {
    const right = card.correct.map((i) => card.options[i].replace(/`/g, '').toLowerCase());
    if (right.some((r) => r.length >= 3 && new RegExp(`(^|[^a-z0-9-])${escape(r)}([^a-z0-9-]|$)`).test(card.prompt.replace(/`/g, '').toLowerCase()))) {
      return 'The prompt contains the correct option.';
    }
    // "Described by “Host OS + hardware”" → "Host Layer": a word only the right option shares with the prompt.
    const wrongWords = new Set(card.options.filter((_, i) => !card.correct.includes(i)).flatMap((o) => contentStems(o)));
    const telling = card.correct.flatMap((i) => contentStems(card.options[i])).find((w) => w.length >= 3 && promptStems.has(w) && !wrongWords.has(w));
    if (telling) return `The prompt says “${telling}”, a word only the right option shares.`;
  }
  if (card.kind === 'cloze') {
    const hidden = [...card.text.matchAll(/\{\{c\d+::(.*?)(?:::.*?)?\}\}/g)].map((m) => m[1].toLowerCase());
    const shown = card.text.replace(/\{\{c\d+::.*?\}\}/g, ' ').toLowerCase();
    if (hidden.some((h) => h.length >= 4 && shown.includes(h))) return 'The hidden words also appear in the visible text.';
  }
  return null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The answer says little the prompt does not already say ("Pause" step → "pause"). */
function repeatsPrompt(card: Card): boolean {
  const back = contentStems(cardBack(card));
  if (back.length === 0) return true;
  const front = new Set(contentStems(cardFront(card)));
  const shared = back.filter((w) => front.has(w)).length;
  return back.length <= 6 ? shared === back.length : shared / back.length >= 0.8;
}

/** True/false balance of one deck, or null when it is within range (or has too few statements to judge). */
export function balanceFinding(deck: Deck): LintFinding | null {
  const statements = deck.cards.filter((c) => c.kind === 'truefalse');
  if (statements.length < TRUE_SHARE.from) return null;
  const share = statements.filter((c) => c.isTrue).length / statements.length;
  if (share >= TRUE_SHARE.min && share <= TRUE_SHARE.max) return null;
  return {
    deckId: deck.id,
    cardId: deck.id,
    rule: 'truefalse-balance',
    reason: `${Math.round(share * 100)}% of ${statements.length} true/false cards are true (${TRUE_SHARE.min * 100}–${TRUE_SHARE.max * 100}% wanted).`,
  };
}

function similarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  const shared = b.filter((w) => set.has(w)).length;
  return shared / (a.length + b.length - shared);
}

/** Siblings of one fact ask it in different forms on purpose; within one kind they still count. */
function crossKindSiblings(a: Card, b: Card): boolean {
  return !!a.noteId && a.noteId === b.noteId && a.kind !== b.kind;
}

/**
 * Cards whose prompt repeats (or nearly repeats) an earlier card's, within and across decks and kinds: the
 * whole prompt is nearly the same, or the question after the "Subject:" lead-in is the same and specific
 * (four words or more, so "Images: image size?" and "Volumes: image size?" are not flagged).
 */
export function duplicateFindings(decks: Deck[]): LintFinding[] {
  const all = decks.flatMap((d) => d.cards.map((card) => ({ card, deckId: d.id, whole: promptStems(cardFront(card)), core: promptStems(promptCore(card)).join(' ') })));
  const out: LintFinding[] = [];
  const byCore = new Map<string, (typeof all)[number]>();
  const near = all.length <= NEAR_DUPLICATE_LIMIT;
  all.forEach((entry, i) => {
    const first = byCore.get(entry.core);
    let twin = first && entry.core.split(' ').length >= 4 && !crossKindSiblings(first.card, entry.card) ? first : undefined;
    if (!first) byCore.set(entry.core, entry);
    for (let j = 0; !twin && near && j < i; j++) {
      const other = all[j];
      if (crossKindSiblings(other.card, entry.card)) continue;
      if (Math.min(entry.whole.length, other.whole.length) >= 3 && similarity(entry.whole, other.whole) >= SIMILAR) twin = other;
    }
    if (twin) out.push({ deckId: entry.deckId, cardId: entry.card.id, rule: 'duplicate-prompt', reason: `The prompt repeats card ${twin.card.id}: “${cardFront(twin.card).slice(0, 80)}”.` });
  });
  return out;
}

/** Every lint over a set of decks (the bundled decks, or one import). */
export function lintDecks(decks: Deck[]): LintFinding[] {
  const out: LintFinding[] = [];
  for (const deck of decks) {
    for (const card of deck.cards) out.push(...lintCard(card, deck.id));
    const balance = balanceFinding(deck);
    if (balance) out.push(balance);
  }
  return [...out, ...duplicateFindings(decks)];
}
