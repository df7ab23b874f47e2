// Deck lints: what an interviewer would notice on a card before asking it. Pure, so the bundled-deck test,
// the generator (which leaves out flagged forms it can spare) and the import preview share one definition.

import { cardBack, cardFront, type Card, type Deck } from './model.ts';

export const LINT_RULES = [
  'duplicate-prompt',
  'fragment',
  'long-prompt',
  'truefalse-balance',
  'choice-options',
  'giveaway',
  'answer-repeats-prompt',
  'repeat',
  'heading-dependence',
  'label-answer',
  'telltale-wording',
] as const;
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
  const leaning = headingDependence(front);
  if (leaning) add('heading-dependence', leaning);
  if (card.kind === 'basic' && isLabelAnswer(card.answer) && !card.explanation) add('label-answer', 'The answer is only short labels, with no reason given.');
  const giveaway = giveawayReason(card) ?? stemGiveawayReason(card);
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

/**
 * A prompt whose subject only the heading above it explains: "How containers solve those problems: …", "This
 * approach: why …?", "It: what …?".
 */
export function headingDependence(front: string): string | null {
  const m = /(?:^|[:—]\s+)(?:what|why|how|which|when|where)?\b[^:?]*?\b(those|these|this|that|such)\s+(problems?|issues?|approach(?:es)?|methods?|ways?|cases?|steps?|ones?|things?|points?|features?|benefits?|limitations?|options?|commands?|techniques?|tools?)\b/i.exec(front);
  if (m && !/\b(this|that)\s+(command|container|image|volume|network)\b.*`/i.test(front)) return `The prompt leans on a heading: “${m[1]} ${m[2]}” is not said here.`;
  if (/^(it|they|this|these|those)\b[^?]*\?$/i.test(front) || /:\s+(it|they|these|those)\s*\?$/i.test(front)) return 'The prompt’s subject is a pronoun.';
  return null;
}

/** "Containers: Very fast; Virtual Machines: Slow": labels from a table, with no reason. */
export function isLabelAnswer(answer: string): boolean {
  const parts = answer.split(/;\s+/);
  if (parts.length < 2) return false;
  return parts.every((p) => {
    const m = /^[^:]{1,40}:\s*(.+)$/.exec(p.trim());
    // "Yes"/"No" answers a yes-or-no question; "Very fast" / "Slow" only labels the answer.
    return !!m && words(m[1]).length <= 3 && !/^(yes|no|partly)\b/i.test(m[1].trim()) && !/\b(because|since|so|as|due|which|by|via|through)\b/i.test(m[1]);
  });
}

/**
 * Why a recognition card's description gives the answer away by a shared stem or short form, or null:
 * "contains variable data…" → `/var`, "Scale up/down quickly" → Scalability, "No networking" → none.
 */
export function stemGiveawayReason(card: Card): string | null {
  if (card.kind === 'choice') {
    const shared = sharedStem(card.prompt, card.correct.map((i) => card.options[i]), card.options.filter((_, i) => !card.correct.includes(i)));
    if (shared) return `The description shares “${shared}” with the right option and with no other option.`;
  }
  if (card.kind === 'truefalse') {
    // "“Scale up/down quickly” describes “Scalability”, not “Fast Deployment”": the shared stem answers it.
    const m = /“([^”]+)” describes “([^”]+)”, not “([^”]+)”/.exec(card.statement);
    if (m && (sharedStem(m[1], [m[2]], [m[3]]) || sharedStem(m[1], [m[3]], [m[2]]))) return 'The description shares a stem with one of the two names it contrasts.';
  }
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

/** Short forms notes and options use for one another ("/var" and "variable", "none" and "no …"). */
const ABBREVIATIONS: Record<string, string[]> = {
  var: ['variable', 'vary', 'varies'], usr: ['user'], lib: ['library', 'libraries'], bin: ['binary', 'binaries'], etc: ['config', 'configuration'],
  tmp: ['temporary'], dev: ['device', 'development'], proc: ['process'], sbin: ['system binary', 'system binaries'], opt: ['optional'],
  none: ['no', 'without', 'nothing', 'disabled'], js: ['javascript'], k8s: ['kubernetes'],
};

/** Two-letter words that are terms, so sharing one gives an option away (“its own OS” → “Duplication of OS”). */
const SHORT_TERMS = new Set(['os', 'vm', 'ip', 'db', 'ui', 'io', 'fs']);

function tokens(text: string): string[] {
  return text.toLowerCase().replace(/`/g, '').split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && !STOP.has(w));
}

/** Two words that are one word cut differently: "scale"/"scalability", "variable"/"var" (from four letters, or a known short form). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return a.length >= 3 || SHORT_TERMS.has(a);
  if ((ABBREVIATIONS[a] ?? []).some((x) => x.split(' ')[0] === b) || (ABBREVIATIONS[b] ?? []).some((x) => x.split(' ')[0] === a)) return true;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= 4 && k >= Math.min(a.length, b.length) - 2;
}

/**
 * A word of the description and a word of the right option are one stem or a known abbreviation, while no wrong
 * option shares it: "contains variable data" → `/var`, "Scale up/down quickly" → Scalability, "No networking" → none.
 */
export function sharedStem(description: string, right: string[], wrong: string[]): string | null {
  const said = tokens(description.replace(/“[^”]*”/g, (m) => m).replace(/^[^:]*:\s*/, ''));
  const wrongWords = wrong.flatMap(tokens);
  for (const option of right.flatMap(tokens)) {
    const hit = said.find((w) => sameStem(w, option));
    if (hit && !wrongWords.some((w) => sameStem(w, option) || sameStem(w, hit))) return `${hit}”/“${option}`;
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

/** "Good / best / recommended practice" statements: when they are all true or all false, the wording tells. */
export function telltaleFinding(deck: Deck): LintFinding | null {
  const advice = deck.cards.filter((c) => c.kind === 'truefalse' && /\b(good|best|recommended|bad|poor)\s+practices?\b|\bis recommended\b/i.test(c.statement));
  if (advice.length < 3) return null;
  const trueShare = advice.filter((c) => c.kind === 'truefalse' && c.isTrue).length / advice.length;
  if (trueShare >= 0.25 && trueShare <= 0.75) return null;
  return {
    deckId: deck.id,
    cardId: deck.id,
    rule: 'telltale-wording',
    reason: `${advice.length} “practice” statements and ${Math.round(trueShare * 100)}% are true: the wording gives the answer (25–75% wanted).`,
  };
}

/** The card as a question and its answer, in stems, for comparing facts across notes. */
function factStems(card: Card): { ask: string[]; answer: string[] } {
  const back = card.kind === 'truefalse' ? '' : cardBack(card);
  const ask = promptCore(card);
  return { ask: promptStems(ask), answer: promptStems(back) };
}

/** "“a” describes “X”, not “Y”" and "“b” describes “Y”, not “X”": one distinction asked twice. */
function mirrors(a: Card, b: Card): boolean {
  const pair = (c: Card) => (c.kind === 'truefalse' ? /describes “([^”]+)”, not “([^”]+)”/.exec(c.statement) : null);
  const x = pair(a);
  const y = pair(b);
  return !!x && !!y && x[1] === y[2] && x[2] === y[1];
}

const REPEAT_ASK = 0.6;
const REPEAT_ANSWER = 0.6;

/**
 * Cards of different notes (different `noteId`) that ask the same thing: a near-identical question with a
 * near-identical answer, or the same answer under two cues. Siblings ask one fact on purpose and are left alone.
 */
export function repeatFindings(decks: Deck[]): LintFinding[] {
  const all = decks.flatMap((d) => d.cards.filter((c) => c.kind !== 'cloze').map((card) => ({ card, deckId: d.id, ...factStems(card) })));
  if (all.length > NEAR_DUPLICATE_LIMIT) return [];
  const out: LintFinding[] = [];
  all.forEach((entry, i) => {
    for (let j = 0; j < i; j++) {
      const other = all[j];
      if (entry.card.noteId && entry.card.noteId === other.card.noteId) continue;
      if (entry.card.kind !== other.card.kind && (entry.card.kind === 'truefalse' || other.card.kind === 'truefalse')) continue;
      const ask = similarity(entry.ask, other.ask);
      const answer = similarity(entry.answer, other.answer);
      const sameAnswer = entry.answer.length >= 1 && answer >= 0.85 && ask >= 0.3;
      const bothStatements = entry.card.kind === 'truefalse' && other.card.kind === 'truefalse' && ask >= 0.45;
      if ((ask >= REPEAT_ASK && answer >= REPEAT_ANSWER && Math.min(entry.ask.length, other.ask.length) >= 2) || sameAnswer || bothStatements || mirrors(entry.card, other.card)) {
        out.push({ deckId: entry.deckId, cardId: entry.card.id, rule: 'repeat', reason: `Asks what card ${other.card.id} (another note) asks: “${cardFront(other.card).slice(0, 80)}”.` });
        break;
      }
    }
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
    const telltale = telltaleFinding(deck);
    if (telltale) out.push(telltale);
  }
  const duplicates = duplicateFindings(decks);
  const flagged = new Set(duplicates.map((f) => f.cardId));
  return [...out, ...duplicates, ...repeatFindings(decks).filter((f) => !flagged.has(f.cardId))];
}
