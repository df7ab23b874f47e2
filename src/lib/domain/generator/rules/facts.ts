// Single statements → cards: definitions ("X is Y" → "What is X?"), parenthetical examples and
// "cause → effect" lines → cloze deletions, with the subject in front so each card stands alone.

import type { Card } from '../../model.ts';
import { basicCard, clozeCard, lowerFirst, mentionsSubject, subjectOf } from '../cards.ts';
import { isTitleLike, listAnswer, listChildren } from '../outline.ts';
import { chunkText, cleanInline, codeSpan, sentenceCase, splitSentences } from '../text.ts';
import { originAt, type Rule, type Visit } from '../visit.ts';
import { commandOf } from './commands.ts';

const DEFINITION = /^((?:an?|the)\s+)?([A-Za-z][\w./-]*(?:\s+[\w./()-]+){0,4}?)\s+(is|are)\s+(?!not\b|also\b|the name\b|up\b|almost\b|always\b|often\b|usually\b|mostly\b|typically\b|[a-z]+ed\b)(.{10,})$/i;
const DOES = /^((?:an?|the)\s+)?([A-Za-z][\w./-]*(?:\s+[\w./()-]+){0,4}?)\s+(?:only\s+|just\s+|also\s+|first\s+)?(maps?|allows?|provides?|lets|creates?|stores?|listens|manages?|implements?|connects?|enables?|handles?|removes?|gives?|makes?|wraps?|limits?|stacks?|swaps?|isolates?|holds?|keeps?|replaces?|asks|ends|sends|copies|runs)\s+(.{8,})$/i;
/** "…, the file is first copied up into the upper layer - that's copy-on-write": the name comes last. */
const NAMED_LAST = /^(.{20,}?)\s*(?:[-–—,;:]\s*)?\b(?:that's|that is|this is|which is)\s+(?:called\s+|known as\s+)?((?!it\b|why\b|what\b|how\b|all\b|because\b|when\b|where\b)[\w-]+(?:\s+[\w-]+){0,2})\.?$/i;
/** "A zombie process has exited but…": a state that defines the term. */
const HAS_DONE = /^((?:an?|the)\s+)?([A-Za-z][\w./-]*(?:\s+[\w./()-]+){0,3}?)\s+(has|have)\s+((?:already\s+)?[a-z]+ed\b.{8,})$/i;
/** "If you set a memory limit and the container goes over it, the kernel's OOM killer…": a cause and what follows. */
const CONDITIONAL = /^(if|when|once|whenever)\s+([^,]{12,120}),\s+(.{12,})$/i;
/** Subjects that name no term ("The first thing to get straight is…", "The last piece is…"). */
const GENERIC_SUBJECT = /\b(thing|things|piece|point|idea|part|question|trick|goal|lesson|takeaway)\b/i;

const SOLUTION_LABEL = /^(solutions?|fix(es)?|remed(y|ies)|workarounds?)$/i;

function context(visit: Visit): string {
  const subject = subjectOf(visit.ctx);
  const parent = visit.parent;
  // Under "✅ Solution:" the useful context is the problem it solves (the line before the label).
  if (parent && visit.up && SOLUTION_LABEL.test(cleanInline(parent.text).replace(/:$/, ''))) {
    const problem = visit.up.siblings[visit.up.index - 1];
    if (problem) return `${subject} (overcoming “${cleanInline(problem.text).replace(/:$/, '')}”)`;
  }
  const parentCommand = parent ? commandOf(parent) : null;
  if (parentCommand) return `${subject} (${codeSpan(parentCommand.command)})`;
  if (parent && parent.type !== 'question' && isTitleLike(parent.text) && !/\b(this|these|above|below)\b/i.test(parent.text)) {
    const label = cleanInline(parent.text).replace(/:$/, '');
    if (label) return `${subject} (${lowerFirst(sentenceCase(label))})`;
  }
  return subject;
}

function definitionCards(visit: Visit, sentence: string, index: number): Card[] {
  const named = namedLastCards(visit, sentence, index);
  if (named.length) return named;
  const conditional = conditionalCards(visit, sentence, index);
  if (conditional.length) return conditional;
  const has = HAS_DONE.exec(sentence);
  const def = DEFINITION.exec(sentence) ?? (has ? [has[0], has[1], has[2], has[3] === 'has' ? 'is' : 'are', has[4]] as unknown as RegExpExecArray : null);
  const does = def ? null : DOES.exec(sentence);
  // "X does Y" reads as a definition in prose, and in a plain "- " / "* " list of statements; the emoji bullets of
  // outline notes ("➤ docker start makes…") are details under a heading that other rules ask.
  const m = def ?? (visit.node.type === 'text' || /^[-*+]$/.test(visit.node.marker) ? does : null);
  if (!m) return [];
  // "Docker creates…", "Code changes…": a subject that names no one thing is no term to ask about.
  if (does && !def && /^(docker|code|data|it|files?|changes?|users?|you)$/i.test(m[2].trim())) return [];
  const article = (m[1] ?? '').trim().toLowerCase();
  const term = m[2].trim();
  if (/^(what|why|how|who|where|it|they|this|that|these|those|there|here|which|you|we|he|she|one|each|any|all|some|if|when|while|because|since|although|but|and|or|so)$/i.test(term.split(' ')[0])) return [];
  if (GENERIC_SUBJECT.test(term) || /\b(I|you|we|my|our|your)\b/.test(term)) return [];
  // A verb without -s ("limit") needs a plural subject ("Control groups limit…"), else the match is a clause.
  if (does && !/s$/i.test(m[3]) && !/s$/i.test(term)) return [];
  if (/^[a-z]+ing$/i.test(term.split(' ')[0]) || /:$/.test(sentence) || /\b(this|these|those|the above|the below)\b/i.test(sentence)) return [];
  if (!does && !has && visit.node.type === 'bullet' && visit.index > 1) return [];
  const name = `${article === 'the' ? 'the ' : article ? `${article} ` : ''}${term}`;
  // "Control groups limit…": a plural subject takes "do".
  const plural = !def && !/s$/i.test(m[3]);
  const prompt = def ? `What ${m[3].toLowerCase()} ${lowerFirst(name)}?` : `What ${plural ? 'do' : 'does'} ${lowerFirst(name)} do?`;
  const full = mentionsSubject(prompt, visit.ctx) || visit.ctx.headingPath.length === 0 ? prompt : `${subjectOf(visit.ctx)}: ${lowerFirst(prompt)}`;
  // "Distroless images are … nothing else." + "➤ No shell ➤ No package manager": one answer.
  const details = index === 0 && listChildren(visit.node).length ? ` ${listAnswer(visit.node)}.` : '';
  const full_answer = details && (sentence + details).length <= 300 ? sentence.replace(/\.?$/, ':') + details : sentence;
  const chunks = chunkText(full_answer, 300);
  return chunks.map((chunk, i) =>
    basicCard(originAt(visit, visit.node.line, 'definition', visit.node.text, String(index), String(i)), chunks.length > 1 ? `${full.replace(/\?$/, '')} (part ${i + 1} of ${chunks.length})?` : full, chunk),
  );
}

function capitalizeFirst(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

function conditionalCards(visit: Visit, sentence: string, index: number): Card[] {
  const m = CONDITIONAL.exec(sentence);
  if (!m || visit.node.type !== 'text' || /\b(this|these|those|it|they)\b/i.test(m[2].split(' ').slice(0, 2).join(' '))) return [];
  const prompt = `What happens ${m[1].toLowerCase()} ${m[2].replace(/[.;:]+$/, '')}?`;
  const full = visit.ctx.headingPath.length === 0 ? prompt : `${subjectOf(visit.ctx)}: ${lowerFirst(prompt)}`;
  return [basicCard(originAt(visit, visit.node.line, 'definition', visit.node.text, String(index), 'if'), full, sentenceCase(m[3]))];
}

function namedLastCards(visit: Visit, sentence: string, index: number): Card[] {
  const m = NAMED_LAST.exec(sentence);
  if (!m || visit.node.type !== 'text') return [];
  const prompt = `What is “${m[2]}”?`;
  const full = visit.ctx.headingPath.length === 0 ? prompt : `${subjectOf(visit.ctx)}: ${lowerFirst(prompt)}`;
  return [basicCard(originAt(visit, visit.node.line, 'definition', visit.node.text, String(index), 'named'), full, sentenceCase(m[1].replace(/[\s,;:–—-]+$/, '')))];
}

/** "Use sandboxed containers (gVisor, Kata Containers)" → cloze the examples in brackets. */
function parentheticalCloze(visit: Visit, sentence: string, index: number): Card[] {
  const m = /^(.*?\S)\s*\(([^()]{2,60})\)(.*)$/.exec(sentence);
  if (!m) return [];
  const before = m[1];
  const inner = m[2].trim();
  if (before.split(' ').length < 2 || /^(e\.g|i\.e|see|optional|advanced|best|most|mostly|very|often|usually|default|recommended|legacy|bad practice|good practice)\b/i.test(inner) || /^\d+$/.test(inner)) return [];
  // The answer must not be sitting in the sentence already ("control groups (cgroups): … use cgroups …").
  if ((before + m[3]).toLowerCase().includes(inner.toLowerCase())) return [];
  const text = `${context(visit)}: ${before} ({{c1::${inner}}})${m[3]}`;
  return [clozeCard(originAt(visit, visit.node.line, 'cloze-paren', visit.node.text, String(index)), text)];
}

/** "cgroups → resource limits": cloze the short side of an arrow. */
function arrowCloze(visit: Visit, sentence: string, index: number): Card[] {
  const parts = sentence.split(/\s+→\s+/);
  if (parts.length !== 2) return [];
  const [left, right] = parts.map((p) => p.trim().replace(/\.$/, ''));
  if (!left || !right) return [];
  const leftWords = left.split(' ').length;
  const o = originAt(visit, visit.node.line, 'cloze-arrow', visit.node.text, String(index));
  if (leftWords <= 3 && right.split(' ').length <= 6) return [clozeCard(o, `${context(visit)}: {{c1::${left}}} → ${right}`)];
  if (right.split(' ').length <= 8) return [clozeCard(o, `${context(visit)}: ${left} → {{c1::${right}}}`)];
  return [];
}

export const factRule: Rule = (visit, env) => {
  const { node } = visit;
  if (!['bullet', 'text', 'item', 'answer'].includes(node.type) || commandOf(node) || env.consumed.has(node)) return [];
  if (node.type === 'item' && listChildren(node).length > 0) return [];
  if (/^(https?:|www\.)/i.test(node.text.trim())) return [];
  const clean = cleanInline(node.text);
  if (clean.length < 8) return [];
  const cards: Card[] = [];
  splitSentences(clean).forEach((sentence, i) => {
    const s = sentence.trim();
    const sectionLevel = visit.parent === null && !node.marker.startsWith('❌');
    if (sectionLevel && (node.type === 'text' || (node.type === 'bullet' && i === 0))) {
      // "The mount namespace gives it its own view of the filesystems, and the UTS namespace lets it have its own
      // hostname": two subjects, two facts; each clause is asked on its own when it reads as one.
      const clauses = node.type === 'text' ? s.split(/,\s+(?:and|while|whereas)\s+(?=the\s|an?\s)/i) : [s];
      const split = clauses.length > 1 && clauses.every((c) => DEFINITION.test(c) || DOES.test(c));
      if (split) clauses.forEach((c, k) => cards.push(...definitionCards(visit, `${capitalizeFirst(c.replace(/[.;]+$/, ''))}.`, k === 0 ? i : i + 100 * k)));
      else cards.push(...definitionCards(visit, s, i));
    }
    const paren = listChildren(node).length === 0 ? parentheticalCloze(visit, s, i) : [];
    cards.push(...paren);
    if (paren.length === 0) cards.push(...arrowCloze(visit, s, i));
  });
  return cards;
};
