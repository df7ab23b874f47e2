// Labelled lists ("➤ Each container has:" + items, "✅ Solution:" + items, "⚡ Best Practices" + items)
// and the bare lists directly under a heading → one "name the items" card each.

import { stableId } from '../../ids.ts';
import type { Card } from '../../model.ts';
import { basicCard, headingPhrase, lowerFirst, mentionsSubject, subjectOf, topicOf, withSubject } from '../cards.ts';
import { isTitleLike, itemText, listAnswer, listChildren, PROBLEM_HEADING, wordCount } from '../outline.ts';
import type { NoteNode, Section } from '../parse.ts';
import { chunkText, cleanInline, contentWords, joinItems, sentenceCase } from '../text.ts';
import { origin, originAt, type Rule, type Visit } from '../visit.ts';
import { commandOf } from './commands.ts';

const CLAUSE_END = new Set(['has', 'have', 'with', 'by', 'for', 'on', 'in', 'to', 'of', 'from', 'into', 'via', 'use', 'uses', 'need', 'needs', 'contain', 'contains', 'include', 'includes', 'provides', 'creates', 'decides', 'handle', 'handles', 'survive', 'like', 'means', 'says', 'are', 'is']);
const VERBISH = /(ides|ates|ains|udes|ures|ows|eeds|ves)$/;
/** Headings that name a list ("Best practices", "Problems with bind mounts", "Volume internals"). */
const LIST_NOUNS = /^(practices|benefits|advantages|disadvantages|problems|issues|traps|mistakes|pitfalls|internals|examples|features|tips|steps|rules|limitations|drawbacks|challenges|commands|types|characteristics|properties|methods|options|reasons|uses|goals)$/i;
const SOLUTION = /^(solutions?|fix(es)?|remed(y|ies)|workarounds?|how to (fix|overcome)( it)?)$/i;

function chunked(visit: Visit, rule: string, prompt: string, answer: string, fullKey: string[], line = visit.node.line): Card[] {
  const chunks = chunkText(answer, 300);
  // Long lists: hash the fact once rather than once per part.
  const key = fullKey.join('').length > 2000 ? [stableId(...fullKey)] : fullKey;
  return chunks.map((chunk, i) =>
    basicCard(originAt(visit, line, rule, ...key, String(i)), chunks.length > 1 ? `${prompt.replace(/\?$/, '')} (part ${i + 1} of ${chunks.length})?` : prompt, chunk),
  );
}

function labelPrompt(visit: Visit, node: NoteNode): string {
  const subject = subjectOf(visit.ctx);
  const rawLabel = cleanInline(node.text);
  const label = rawLabel.replace(/\s*:$/, '');
  const previous = visit.siblings[visit.index - 1];
  if (SOLUTION.test(label) && previous) return `${subject}: how do you overcome “${cleanInline(previous.text).replace(/:$/, '')}”?`;
  if (/\?$/.test(label)) return withSubject(label, visit.ctx);
  const heading = visit.ctx.headingPath.join(' ');
  if (node.marker.startsWith('❌') && PROBLEM_HEADING.test(heading) && isTitleLike(label)) return `${subject}: why is “${label}” a problem?`;
  const parent = visit.parent && visit.parent.type !== 'question' ? cleanInline(visit.parent.text).replace(/:$/, '') : '';
  // "⚡ Best Practices" in the middle of a sub-section is about the whole topic, not that sub-section.
  const topicWide = !parent && LIST_NOUNS.test(label.split(' ').pop() ?? '') && label.split(' ').length <= 3;
  const where = topicWide ? topicOf(visit.ctx) || subject : parent && isTitleLike(parent) && !/\b(this|these|above|below)\b/i.test(parent) ? `${subject} (${lowerFirst(sentenceCase(parent))})` : subject;
  if (label.split('→').length >= 3) return `${where}: what happens along “${label}”?`;
  if (/\b(this|these|above|below)\b/i.test(label)) {
    const stripped = label.replace(/\s*\b(with|of|in|for|from)?\s*(this|these|the above|the below)\s+\w+/i, '').trim();
    return stripped ? `${where}: what were the ${lowerFirst(stripped)}?` : `${where}: what are the key points?`;
  }
  // A label cut from a sentence ("But real applications need:") loses its conjunction.
  const phrase = lowerFirst(isTitleLike(label) ? sentenceCase(label) : label).replace(/^(but|and|so|or|also)\s+/i, '');
  // "Without Docker networking:", "When a container is deleted:" — the list says what happens then.
  if (/^(without|with no|when|if|once|after|before|during|whenever)\b/i.test(phrase) && !/\?$/.test(phrase)) return `${where}: what happens ${phrase}?`;
  if (/^(in short|in summary|summary|tl;?dr)$/i.test(phrase)) return `${where}: what is it, in short?`;
  if (/^(e\.g\.?|for )?examples?$/i.test(phrase)) return '';
  const last = (label.toLowerCase().match(/[a-z]+$/) ?? [''])[0];
  // "Each container has:" asks "…has what?"; "Security Advantages" asks "what are the security advantages?".
  if (CLAUSE_END.has(last) || (/s$/.test(last) && !/ss$/.test(last) && label.split(' ').length >= 2 && /^[A-Z][a-z]+$/.test(label.split(' ')[0]) && VERBISH.test(last))) return `${where}: ${phrase} what?`;
  const core = label.replace(/\s*\([^)]*\)\s*$/, '');
  const nounPhrase = core.split(' ').length <= 3 && !/[()/→<>]/.test(core) && !/\b[a-z]+ed$/i.test(core) && !/^(in|on|at|for|with|without|by|to|of|from|if|when|what|how|why|example)\b/i.test(core);
  if (nounPhrase) {
    const plural = /[^s]s$/.test(core.split(' ').pop() ?? '');
    return `${where}: what ${plural ? 'are' : 'is'} the ${phrase}?`;
  }
  return rawLabel.endsWith(':') ? `${where}: ${phrase} …?` : `${where}: ${phrase}?`;
}

export const labelListRule: Rule = (visit, env) => {
  const { node } = visit;
  if (!['bullet', 'text', 'link'].includes(node.type) || commandOf(node) || env.consumed.has(node)) return [];
  const items = listChildren(node);
  if (items.length === 0 || isFlatListItem(visit)) return [];
  // A line followed only by its conclusion ("➡ so it is called distroless") is not a list to recite.
  if (!/:$/.test(node.text.trim()) && items.every(isRemark)) return [];
  // "👉 What happens internally:" over one line that has its own list: that line's card says it all.
  if (items.length === 1 && listChildren(items[0]).length > 0) return [];
  // A definition sentence over its details: the definition card carries the list.
  if (/\.$/.test(cleanInline(node.text)) && visit.parent === null && wordCount(cleanInline(node.text)) > 8) return [];
  if (/^instead of:?$/i.test(cleanInline(node.text))) return insteadOf(visit, env);
  if (/^if\b.*:$/i.test(cleanInline(node.text))) return outputMeaning(visit, env);
  // "For demo," over numbered items that carry their own bodies: a section in disguise, not a list.
  if (items.filter((i) => i.type === 'item' && i.children.length > 0).length * 2 >= items.length) return [];
  // An "Example" label introduces code or commands, which have cards of their own.
  if (/^(real[- ]world )?examples?\b/i.test(cleanInline(node.text)) && items.every((i) => isTitleLike(i.text))) return [];
  // A label followed by a single plain value is a "Label: value" fact.
  const listed = listAnswer(node);
  if (!listed) return [];
  const label = cleanInline(node.text);
  const answer = label.split('→').length >= 3 ? `${label}. ${listed}` : listed;
  return chunked(visit, 'list', labelPrompt(visit, node), answer, [node.text, ...items.map((i) => i.text)]);
};

/** A remark hanging under one entry of a flat list ("❌ ps, top, netstat" + "👉 This is intentional"). */
function isFlatListItem(visit: Visit): boolean {
  const { node } = visit;
  if (/:$/.test(node.text.trim())) return false;
  const group = sameMarkerGroup(visit.siblings, node);
  const peers = group.nodes.length - 1;
  const peersFlat = group.withChildren - (node.children.length > 0 ? 1 : 0) === 0;
  return peers >= 2 && peersFlat && node.children.every(isRemark);
}

const markerGroups = new WeakMap<NoteNode[], Map<string, { nodes: NoteNode[]; withChildren: number }>>();

/** Siblings with the same type and marker, counted once per list (lists can be long). */
function sameMarkerGroup(siblings: NoteNode[], node: NoteNode): { nodes: NoteNode[]; withChildren: number } {
  let groups = markerGroups.get(siblings);
  if (!groups) {
    groups = new Map();
    for (const s of siblings) {
      const key = `${s.type}\u241f${s.marker}`;
      const g = groups.get(key) ?? { nodes: [], withChildren: 0 };
      g.nodes.push(s);
      if (s.children.length) g.withChildren++;
      groups.set(key, g);
    }
    markerGroups.set(siblings, groups);
  }
  return groups.get(`${node.type}\u241f${node.marker}`) ?? { nodes: [node], withChildren: 0 };
}

export function isRemark(node: NoteNode): boolean {
  return /^(👉|➡|⇒)/u.test(node.marker) && node.children.length === 0;
}

/** "❌ Instead of: X" followed by "✅ They use exec form: Y" → what replaces X. */
function insteadOf(visit: Visit, env: Parameters<Rule>[1]): Card[] {
  const { node, siblings, index } = visit;
  const next = siblings[index + 1];
  if (!next || listChildren(next).length === 0) return [];
  env.consumed.add(next);
  const avoided = listChildren(node).map(itemText).join('; ');
  const answer = `${cleanInline(next.text).replace(/:$/, '')}: ${listChildren(next).map(itemText).join('; ')}`;
  return chunked(visit, 'instead-of', `${subjectOf(visit.ctx)}: what is used instead of ${avoided}?`, answer, [node.text, next.text, avoided]);
}

/** "👉 If the output says: <message>" followed by "This can mean two things: 1… 2…" → what the message means. */
function outputMeaning(visit: Visit, env: Parameters<Rule>[1]): Card[] {
  const { node, siblings, index } = visit;
  const message = cleanInline(listChildren(node)[0]?.text ?? '');
  const meaning = siblings.slice(index + 1, index + 4).find((s) => listChildren(s).length > 0 && !commandOf(s));
  if (!message || !meaning) return [];
  env.consumed.add(meaning);
  const shown = message.length > 110 ? `${message.slice(0, message.lastIndexOf(' ', 110))} …` : message;
  const condition = lowerFirst(cleanInline(node.text).replace(/:$/, '').replace(/^if\s+/i, ''));
  return chunked(visit, 'output-meaning', `${subjectOf(visit.ctx)}: what can it mean if ${condition} \`${shown.replace(/`/g, '')}\`?`, listAnswer(meaning), [node.text, meaning.text]);
}

/** Runs of short bullets directly under a heading, with no label of their own. */
export function sectionListCards(section: Section, visitFor: (node: NoteNode, index: number) => Visit): Card[] {
  const cards: Card[] = [];
  const runs: { nodes: NoteNode[]; start: number }[] = [];
  let run: NoteNode[] = [];
  let start = 0;
  section.nodes.forEach((n, i) => {
    const listable = n.type === 'bullet' && !commandOf(n) && n.children.every(isRemark) && !/:$/.test(n.text.trim()) && wordCount(cleanInline(n.text)) < 9 && !/\.$/.test(n.text.trim());
    // "➤ a ➤ b ✅ Example…" — a change between plain bullets and ✅/❌ lines ends the list.
    const strength = (node: NoteNode) => (/^(✅|❌|✔️?$|❗)/u.test(node.marker) && !/^✔/u.test(node.marker) ? 2 : 1);
    if (listable && run.length && strength(run[run.length - 1]) !== strength(n)) {
      runs.push({ nodes: run, start });
      run = [];
    }
    if (listable) {
      if (run.length === 0) start = i;
      run.push(n);
    } else if (run.length) {
      runs.push({ nodes: run, start });
      run = [];
    }
  });
  if (run.length) runs.push({ nodes: run, start });
  const usable = runs.filter((r) => r.nodes.length >= 2);
  usable.forEach((r, k) => {
    const visit = visitFor(r.nodes[0], r.start);
    const prompt = headingQuestion(visit, usable.length > 1 ? k + 1 : 0);
    // A remark under the last entry ("👉 This is intentional") is about the whole list: it goes at the end.
    const remarks = r.nodes.flatMap((n) => n.children.filter(isRemark).map((c) => cleanInline(c.text)));
    const listed = joinItems(r.nodes.map((n) => (n.children.every(isRemark) ? cleanInline(n.text) : itemText(n))));
    const answer = remarks.length ? `${listed}. ${remarks.join(' ')}` : listed;
    cards.push(...chunked(visit, 'section-list', prompt, answer, r.nodes.map((n) => n.text)));
  });
  return cards;
}

function subjectMentionsTopic(question: string, topic: string): boolean {
  const words = new Set(contentWords(question));
  return contentWords(topic).some((w) => words.has(w));
}

function headingQuestion(visit: Visit, part: number): string {
  const subject = subjectOf(visit.ctx);
  const inner = cleanInline(visit.ctx.headingPath[visit.ctx.headingPath.length - 1] ?? '');
  const suffix = part ? ` (list ${part})` : '';
  const topic = topicOf(visit.ctx);
  const question = /\?$/.test(inner) || /^(why|how|when|what|which|where)\b/i.test(inner) ? `${sentenceCase(inner.replace(/\?$/, ''))}${suffix}?` : '';
  if (question) return mentionsSubject(question, visit.ctx) && visit.ctx.headingPath.length < 2 ? question : topic && !subjectMentionsTopic(question, topic) ? `${topic}: ${lowerFirst(question)}` : question;
  const phrase = headingPhrase(inner);
  const contains = /^(.+?)\s+(do not|don't|does not|doesn't)?\s*(contains?|includes?|have|has)$/i.exec(phrase);
  if (contains) return `What ${/^(does|doesn't)/i.test(contains[2] ?? '') || /s$/.test(contains[3]) && !contains[2] ? 'does' : 'do'} ${lowerFirst(contains[1])}${contains[2] ? ' not' : ''} ${contains[3].replace(/s$/, '')}${suffix}?`;
  const words = phrase.split(' ');
  const isPlural = (w: string) => LIST_NOUNS.test(w);
  const plural = isPlural(words[0] ?? '') || (words.length <= 3 && isPlural(words[words.length - 1] ?? ''));
  const named = subject === phrase ? lowerFirst(phrase) : lowerFirst(subject);
  if (plural) return subject === phrase ? `What are the ${lowerFirst(phrase)}${suffix}?` : `${topic}: what are the ${lowerFirst(phrase)}${suffix}?`;
  return `What should you know about ${named}${suffix}?`;
}
