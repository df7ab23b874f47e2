// Numbered items (1️⃣ Title + body, or "1️⃣ term: definition") → a basic card per item, and a choice
// card "which one is described by …" whose distractors are the other items of the same list.
// Numbered steps without bodies become one "in order" card.

import type { Card } from '../../model.ts';
import { stableId } from '../../ids.ts';
import { basicCard, choiceCard, lowerFirst, subjectOf, topicOf, trueFalseCard } from '../cards.ts';
import { isTitleLike, listAnswer, listChildren, PROBLEM_HEADING, termDefinition, TRAP_HEADING, wordCount } from '../outline.ts';
import type { NoteNode } from '../parse.ts';
import { capitalize, chunkText, cleanInline, contentWords, sentenceCase } from '../text.ts';
import { origin, type Rule, type Visit } from '../visit.ts';
import { commandOf } from './commands.ts';

interface Entry {
  node: NoteNode;
  term: string;
  definition: string;
  /** The "term" is a statement ("Docker is a single daemon process") and the definition explains it. */
  sentence?: boolean;
}

const entries = new WeakMap<NoteNode, Entry | null>();

export function itemEntry(node: NoteNode): Entry | null {
  let entry = entries.get(node);
  if (entry === undefined) entries.set(node, (entry = findEntry(node)));
  return entry;
}

function findEntry(node: NoteNode): Entry | null {
  if (node.type === 'bullet' && listChildren(node).length === 0 && !commandOf(node)) {
    const td = termDefinition(node.text);
    return td && !/:$/.test(node.text.trim()) ? { node, ...td } : null;
  }
  if (node.type !== 'item' || commandOf(node)) return null;
  const title = cleanInline(node.text);
  // Items that walk through commands ("3. Verify: run … if it says … it means …") are covered by the
  // command and list rules; one card with all of it would be a wall of text.
  const walkthrough = (n: NoteNode) => n.type === 'code' || !!commandOf(n);
  if (listChildren(node).some((c) => hasDescendant(c, walkthrough)) || (hasDescendant(node, walkthrough) && listChildren(node).length > 1)) return null;
  const body = listAnswer(node);
  if (body && title) return { node, term: title.replace(/[:.]$/, ''), definition: body };
  const td = termDefinition(node.text);
  if (td) return { node, ...td };
  if (wordCount(title) > 10) {
    const split = /^(.{12,}?[^.\s]{2})(?:\.\s+|,\s+(?=so that|which|because))(.{8,})$/.exec(title);
    if (split) return { node, term: split[1], definition: capitalize(split[2]), sentence: true };
  }
  return null;
}

function hasDescendant(node: NoteNode, test: (n: NoteNode) => boolean): boolean {
  return node.children.some((c) => test(c) || hasDescendant(c, test));
}

function itemPrompt(visit: Visit, entry: Entry): string {
  const subject = subjectOf(visit.ctx);
  const term = entry.term;
  const parentLabel = visit.parent && (visit.parent.type === 'item' || (isTitleLike(visit.parent.text) && !/:\s*$/.test(visit.parent.text))) ? cleanInline(visit.parent.text).replace(/:$/, '') : '';
  const where = parentLabel ? `${subject} (${lowerFirst(sentenceCase(parentLabel))})` : subject;
  const heading = `${visit.ctx.headingPath.join(' ')} ${parentLabel}`;
  if (TRAP_HEADING.test(term) && wordCount(term) <= 3) return `${topicOf(visit.ctx)}: what are the ${term.toLowerCase()}?`;
  const problem = PROBLEM_HEADING.test(heading) && !/\bsolve|solution/i.test(heading);
  if (entry.sentence) return problem ? `${where}: why is “${term}” a problem?` : `${where}: why “${lowerFirst(term)}”?`;
  if (wordCount(term) > 8) return `${where}: what should you know about “${term}”?`;
  if (problem) return `${where}: why is “${term}” a problem?`;
  if (wordCount(entry.definition) > 14 && !termDefinition(entry.node.text)) return `${where}: what should you know about “${term}”?`;
  if (/\b(contains?|consists?|includes?|layers?)\b/i.test(heading + ' ' + term) && listChildren(entry.node).length > 1) return `${where}: what does “${term}” include?`;
  if (entry.node.children.some((c) => commandOf(c))) return `${where}: what does the “${term}” step do?`;
  if (/^\/|^\.?[a-z][\w./-]*$/.test(term)) return `${where}: what is \`${term}\`?`.replace(/``/g, '`');
  return `${where}: what is “${term}”?`;
}

/**
 * Hides the term inside its own description so a choice card does not give itself away: the whole term, and
 * any word of it no other option has ("Host OS + hardware" → "… OS + hardware" when the options are layers).
 */
export function maskTerm(definition: string, term: string, otherTerms: string[]): string {
  const core = term.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (core.length < 3) return definition;
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let out = definition.replace(new RegExp(`(?<![\\w-])${escape(core)}(?![\\w-])`, 'gi'), '…');
  const shared = new Set(otherTerms.flatMap((t) => contentWords(t)));
  const lower = out.toLowerCase();
  for (const word of contentWords(term)) {
    if (word.length < 3 || shared.has(word) || !lower.includes(word)) continue;
    out = out.replace(new RegExp(`(?<![\\w-])${escape(word)}(s|es)?(?![\\w-])`, 'gi'), '…');
  }
  return out;
}

export const itemRule: Rule = (visit) => {
  // A "- term: definition" bullet counts when it sits in a list of such bullets (a definition list).
  if (visit.node.type === 'bullet' && entriesIn(numberingRun(visit)) < 2) return [];
  const entry = itemEntry(visit.node);
  if (!entry) return [...stepsCard(visit), ...unsplitLongItem(visit)];
  const cards: Card[] = [];
  const prompt = itemPrompt(visit, entry);
  const chunks = chunkText(entry.definition, 300);
  chunks.forEach((chunk, i) => {
    const p = chunks.length > 1 ? `${prompt} (part ${i + 1} of ${chunks.length})` : prompt;
    cards.push(basicCard(origin(visit, 'item', visit.node.text, String(i)), p, chunk));
  });
  const siblings = neighbours(numberingRun(visit), visit.node).map(itemEntry).filter((e): e is Entry => e !== null && e.node !== visit.node);
  const described = maskTerm(entry.definition, entry.term, siblings.map((e) => e.term));
  if (siblings.length >= 2 && described.length <= 180 && wordCount(entry.term) <= 6) {
    const card = choiceCard(
      origin(visit, 'item-choice', visit.node.text),
      `${subjectOf(visit.ctx)}: which one is described by “${described.replace(/\.$/, '')}”?`,
      entry.term,
      byConfusion(entry, siblings.filter((s) => wordCount(s.term) <= 6)).map((s) => s.term),
      `${entry.term}: ${entry.definition}`,
    );
    if (card) cards.push(card);
  }
  cards.push(...swappedDefinition(visit, entry, siblings));
  return cards;
};

/** Siblings ordered by shared words with the entry (most confusable first), then by position. */
function byConfusion(entry: Entry, siblings: Entry[]): Entry[] {
  const mine = new Set(contentWords(`${entry.term} ${entry.definition}`));
  return siblings
    .map((e, i) => ({ e, i, k: contentWords(`${e.term} ${e.definition}`).filter((w) => mine.has(w)).length }))
    .sort((a, b) => b.k - a.k || a.i - b.i)
    .map((x) => x.e);
}

/**
 * "“Kill” — gracefully stops the container (SIGTERM)": true with its own description, false with a
 * sibling's, so confusable neighbours (stop vs kill) get told apart. Which one is fixed by the fact.
 */
function swappedDefinition(visit: Visit, entry: Entry, siblings: Entry[]): Card[] {
  const short = (e: Entry) => !e.sentence && e.definition.length <= 140 && wordCount(e.term) <= 6;
  const others = siblings.filter(short);
  if (!short(entry) || others.length < 2) return [];
  const flip = stableId(entry.term, entry.definition).charCodeAt(0) % 2 === 0;
  const other = mostConfusable(entry, others);
  const shown = flip ? other.definition : entry.definition;
  const own = `${entry.term}: ${entry.definition.replace(/\.$/, '')}.`;
  const explanation = flip ? `${own} “${other.definition.replace(/\.$/, '')}” describes ${other.term}.` : own;
  // Naming the neighbour makes the statement test the distinction ("stop, not kill"), not restate the definition.
  const statement = `${subjectOf(visit.ctx)}: “${shown.replace(/\.$/, '')}” describes “${entry.term}”, not “${other.term}”`;
  return [trueFalseCard(origin(visit, 'item-tf', visit.node.text), statement, !flip, explanation)];
}

/**
 * The neighbour sharing the most telling words (stop vs kill, start vs restart): a word every entry uses
 * ("container") counts for little, a word two entries share counts for much.
 */
export function mostConfusable(entry: Entry, others: Entry[]): Entry {
  const wordsOf = (e: Entry) => new Set(contentWords(`${e.term} ${e.definition}`));
  const mine = wordsOf(entry);
  const theirs = others.map(wordsOf);
  const spread = (w: string) => theirs.filter((t) => t.has(w)).length;
  const score = (t: Set<string>) => [...t].filter((w) => mine.has(w)).reduce((sum, w) => sum + 1 / spread(w), 0);
  let best = 0;
  theirs.forEach((t, i) => {
    if (score(t) > score(theirs[best])) best = i;
  });
  return others[best];
}

/** A long one-sentence item nothing else could split: "what is step k of n" still asks for it. */
function unsplitLongItem(visit: Visit): Card[] {
  const { node } = visit;
  if (node.type !== 'item' || itemEntry(node) || commandOf(node) || node.children.length) return [];
  const text = cleanInline(node.text);
  if (wordCount(text) <= 10) return [];
  const run = numberingRun(visit);
  const prompt = `${subjectOf(visit.ctx)}: what is step ${positionIn(run, node) + 1} of ${run.length}?`;
  return chunkText(text, 300).slice(0, 1).map((chunk) => basicCard(origin(visit, 'long-item', node.text), prompt, chunk));
}

/** The items numbered 1, 2, 3… around this one (a stray "9️⃣ Common Traps" after them is not a sibling). */
const entryCounts = new WeakMap<NoteNode[], number>();

function entriesIn(run: NoteNode[]): number {
  let count = entryCounts.get(run);
  if (count === undefined) entryCounts.set(run, (count = run.filter((n) => itemEntry(n)).length));
  return count;
}

const positions = new WeakMap<NoteNode[], Map<NoteNode, number>>();

function positionIn(run: NoteNode[], node: NoteNode): number {
  let index = positions.get(run);
  if (!index) positions.set(run, (index = new Map(run.map((n, i) => [n, i]))));
  return index.get(node) ?? -1;
}

/** The nearest members of a long list: distractors come from the neighbourhood, and huge lists stay linear. */
function neighbours(run: NoteNode[], node: NoteNode): NoteNode[] {
  if (run.length <= 16) return run;
  const at = positionIn(run, node);
  const start = Math.max(0, Math.min(at - 8, run.length - 16));
  return run.slice(start, start + 16);
}

const runs = new WeakMap<NoteNode, NoteNode[]>();

function numberingRun(visit: Visit): NoteNode[] {
  let run = runs.get(visit.node);
  if (!run) {
    run = findRun(visit);
    // Every member of a run has the same run, so one computation serves the whole list.
    for (const member of run) runs.set(member, run);
    if (!run.includes(visit.node)) runs.set(visit.node, run);
  }
  return run;
}

function findRun(visit: Visit): NoteNode[] {
  if (visit.node.type === 'bullet') return visit.siblings.filter((s) => s.type === 'bullet' && s.marker === visit.node.marker);
  const items = visit.siblings.filter((s) => s.type === 'item');
  const at = items.indexOf(visit.node);
  let start = at;
  while (start > 0 && items[start - 1].number === (items[start].number ?? 0) - 1) start--;
  let end = at;
  while (end + 1 < items.length && items[end + 1].number === (items[end].number ?? 0) + 1) end++;
  return items.slice(start, end + 1);
}

/** "1️⃣ Docker starts Stage 1 … 7️⃣ Stage 1 image is discarded": one card for the order of the steps. */
function stepsCard(visit: Visit): Card[] {
  const { node, siblings } = visit;
  if (node.type !== 'item' || node.number !== 1) return [];
  const steps: NoteNode[] = [];
  for (const s of siblings.slice(visit.index)) {
    if (s.type !== 'item') continue;
    if (s.number !== steps.length + 1) break;
    steps.push(s);
  }
  const bare = steps.filter((s) => !itemEntry(s) && !commandOf(s) && s.children.length === 0 && wordCount(cleanInline(s.text)) <= 12);
  if (steps.length < 3 || bare.length < steps.length - 1) return [];
  const answer = steps.map((s, i) => `(${i + 1}) ${cleanInline(s.text).replace(/[.:]$/, '')}${listChildren(s).length ? `: ${listChildren(s).map((c) => cleanInline(c.text)).join(', ')}` : ''}`).join('; ');
  const chunks = chunkText(answer, 300);
  const subject = subjectOf(visit.ctx);
  const texts = steps.map((s) => s.text);
  const key = texts.join('').length > 2000 ? [stableId(...texts)] : texts;
  return chunks.map((chunk, i) =>
    basicCard(origin(visit, 'steps', ...key, String(i)), `${subject}: what are the steps, in order${chunks.length > 1 ? ` (part ${i + 1} of ${chunks.length})` : ''}?`, chunk),
  );
}
