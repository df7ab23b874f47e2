// Reading meaning out of outline nodes: what a node's list says, whether a line is a label, a term
// with its definition, or a sentence.

import { commandOf } from './rules/commands.ts';
import type { NoteNode } from './parse.ts';
import { isDockerfileLine } from './lex.ts';
import { cleanInline, codeSpan, joinItems, wordCount } from './text.ts';

// Kept here too, for the rules that read it beside the outline helpers.
export { wordCount };

/** Children that are part of a node's list (commands, code and tables get cards of their own). */
const lists = new WeakMap<NoteNode, NoteNode[]>();

export function listChildren(node: NoteNode): NoteNode[] {
  let list = lists.get(node);
  if (list === undefined) lists.set(node, (list = findListChildren(node)));
  return list;
}

function findListChildren(node: NoteNode): NoteNode[] {
  return node.children.filter((c) => {
    if (!(c.type === 'bullet' || c.type === 'text' || c.type === 'item' || c.type === 'answer' || c.type === 'link') || commandOf(c)) return false;
    const text = cleanInline(c.text);
    if (text === '' || /^\.+$/.test(text)) return false;
    // "Example:" over a command, "Two main components:" over a sub-list: labels, not list items.
    return !(/[:,]$/.test(text) && listChildren(c).length === 0);
  });
}

/** "Image contains: Node.js, npm" for a child with its own list; plain text otherwise. */
export function itemText(node: NoteNode): string {
  const own = looksLikeCode(node) ? codeSpan(cleanInline(node.text)) : cleanInline(node.text);
  if (node.type === 'item') return own.replace(/[:.]$/, '');
  const sub = listChildren(node).map((c) => cleanInline(c.text));
  return sub.length ? `${own.replace(/[:.]$/, '')}: ${sub.join(', ')}` : own;
}

/** A 🔗 line that is a Dockerfile instruction or a path rather than prose. */
function looksLikeCode(node: NoteNode): boolean {
  const text = node.text.trim();
  return node.type === 'link' && (isDockerfileLine(text) || /^\/[\w./-]+$/.test(text));
}

/** Sentences about the document rather than the subject ("For more information, see …"). */
const META = /(^|[.;]\s+)(for more information[^.;]*|see the (docs|documentation|link)[^.;]*|this (section|page|document|article) (is|gives|covers)[^.;]*)[.;]?/gi;

export function listAnswer(node: NoteNode): string {
  return joinItems(listChildren(node).map((c) => itemText(c).replace(META, '$1').trim()).filter(Boolean));
}

/** "Term: definition" with a short term ("/bin: contains…", "Network Namespace: Isolated…"). */
export function termDefinition(text: string): { term: string; definition: string } | null {
  const clean = cleanInline(text);
  // "Term: definition", "Term — definition", "Term – definition", "Term - definition", "Term -> definition":
  // the separator that comes first wins, so a colon inside the definition stays there.
  const m = [/^([^:]{1,60}?):\s+(.{3,})$/, /^([^—:]{1,60}?)\s+—\s+(.{3,})$/, /^([^—–:]{1,60}?)\s+(?:–|-|->)\s+(.{3,})$/]
    .map((re) => re.exec(clean))
    .filter((x): x is RegExpExecArray => x !== null)
    .sort((a, b) => a[1].length - b[1].length)[0];
  if (!m) return null;
  const term = m[1].trim();
  if (term.split(' ').length > 6 || /^(note|example|e\.g|tip|result|goal|answer)$/i.test(term) || /^https?$/i.test(term)) return null;
  return { term, definition: m[2].trim() };
}


export function isSentence(text: string): boolean {
  const clean = cleanInline(text);
  return wordCount(clean) >= 7 || (/[.!]$/.test(clean) && wordCount(clean) >= 4);
}

/** A short, title-like line (a label or heading-ish item), not a statement. */
export function isTitleLike(text: string): boolean {
  const clean = cleanInline(text);
  return wordCount(clean) <= 7 && !/[.!]$/.test(clean);
}

export const PROBLEM_HEADING = /\b(problems?|drawbacks?|challenges?|issues?|limitations?|disadvantages?|risks?|pitfalls?)\b/i;
export const TRAP_HEADING = /\b(traps?|mistakes?|pitfalls?|gotchas?|misconceptions?|myths?)\b/i;
