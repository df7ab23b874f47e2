// Card builders. Ids come from the source name, the rule that made the card and the fact's own text
// (never its position or the prompt wording), so rewording a template or moving a paragraph keeps
// learners' progress, while a changed fact gets a fresh card.

import { stableId } from '../ids.ts';
import type { BasicCard, Card, ChoiceCard, ClozeCard, TrueFalseCard, TypedCard } from '../model.ts';
import { capitalize, cleanInline, contentWords, isProperWord, sentenceCase } from './text.ts';

export interface RuleContext {
  source: string;
  /** Cleaned heading titles from the top-level section down. */
  headingPath: string[];
  /** The same headings as written, for ids (so a change in text cleaning keeps ids). */
  idPath: string[];
  tags: string[];
}

/** What a rule knows about a fact before it becomes a card. */
export interface FactOrigin {
  ctx: RuleContext;
  line: number;
  /** The fact's identity: rule name plus the source text it came from. */
  key: string[];
  /**
   * The note the fact belongs to, when other rules ask about the same thing from another node (a command under
   * the list item that names its step, a table row asked cell by cell). Default: the key without the rule name
   * and without trailing part numbers.
   */
  note?: string[];
}

/** The same origin, grouped with the other forms of `note`. */
export function inNote(origin: FactOrigin, ...note: string[]): FactOrigin {
  return { ...origin, note };
}

function noteKey(origin: FactOrigin): string[] {
  if (origin.note) return origin.note;
  const key = origin.key.length > 1 ? origin.key.slice(1) : origin.key;
  let end = key.length;
  while (end > 1 && /^\d+$/.test(key[end - 1])) end--;
  return key.slice(0, end);
}

function base(origin: FactOrigin, kind: Card['kind']) {
  const { ctx, line, key } = origin;
  return {
    id: stableId(ctx.source, kind, ...ctx.idPath, ...key),
    // Every form of one fact is a sibling of the others: the same source, headings and fact text,
    // whichever rule (the key's first part) asked about it.
    noteId: stableId(ctx.source, 'note', ...ctx.idPath, ...noteKey(origin)),
    tags: ctx.tags,
    provenance: { source: ctx.source, headingPath: ctx.headingPath, line },
  };
}

export function basicCard(origin: FactOrigin, prompt: string, answer: string, explanation?: string): BasicCard {
  const card: BasicCard = { ...base(origin, 'basic'), kind: 'basic', prompt: finishPrompt(prompt), answer: finishAnswer(answer) };
  if (explanation) card.explanation = finishAnswer(explanation);
  return card;
}

export function clozeCard(origin: FactOrigin, text: string, explanation?: string): ClozeCard {
  const card: ClozeCard = { ...base(origin, 'cloze'), kind: 'cloze', text: capitalize(text.trim()) };
  if (explanation) card.explanation = finishAnswer(explanation);
  return card;
}

export function choiceCard(origin: FactOrigin, prompt: string, correct: string, distractors: string[], explanation: string): ChoiceCard | null {
  const seen = new Set([correct.toLowerCase()]);
  const others = distractors.filter((d) => {
    const k = d.toLowerCase();
    if (seen.has(k) || d === '') return false;
    seen.add(k);
    return true;
  });
  if (others.length < 2) return null;
  // Four options: enough to make guessing costly, few enough to read on a phone.
  const options = [correct, ...others.slice(0, 3)];
  // A stable shuffle: the correct option's position depends on the fact, not on run order.
  const keys = new Map(options.map((o) => [o, fnv1a(`${prompt}\u241f${o}`)]));
  const sorted = [...options].sort((a, b) => (keys.get(a)! < keys.get(b)! ? -1 : 1));
  return {
    ...base(origin, 'choice'),
    kind: 'choice',
    prompt: finishPrompt(prompt),
    options: sorted,
    correct: [sorted.indexOf(correct)],
    explanation: finishAnswer(explanation),
  };
}

/** A cheap, stable 32-bit hash for ordering options (ids use stableId). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function typedCard(origin: FactOrigin, prompt: string, answers: string[], explanation?: string): TypedCard {
  const unique = [...new Set(answers.map((a) => a.trim()).filter(Boolean))];
  const card: TypedCard = { ...base(origin, 'typed'), kind: 'typed', prompt: finishPrompt(prompt), answers: unique };
  if (explanation) card.explanation = finishAnswer(explanation);
  return card;
}

export function trueFalseCard(origin: FactOrigin, statement: string, isTrue: boolean, explanation: string): TrueFalseCard {
  return {
    ...base(origin, 'truefalse'),
    kind: 'truefalse',
    statement: finishStatement(statement),
    isTrue,
    explanation: finishAnswer(explanation),
  };
}

function finishPrompt(prompt: string): string {
  return capitalize(prompt.replace(/\s+/g, ' ').replace(/\?\s*\?$/, '?').replace(/:\s*\?$/, '?').trim());
}

function finishStatement(text: string): string {
  const t = capitalize(text.replace(/\s+/g, ' ').trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function finishAnswer(answer: string): string {
  return capitalize(answer.replace(/[ \t]+/g, ' ').trim());
}

/**
 * How a prompt names its subject: the innermost heading, with the top-level title in front when the
 * inner heading alone would not say what it is about ("Why NOT use IPs?" → "Docker networking — why not use IPs").
 */
const subjects = new WeakMap<RuleContext, string>();

export function subjectOf(ctx: RuleContext): string {
  let subject = subjects.get(ctx);
  if (subject === undefined) subjects.set(ctx, (subject = computeSubject(ctx)));
  return subject;
}

function computeSubject(ctx: RuleContext): string {
  const path = ctx.headingPath.filter(Boolean);
  if (path.length === 0) return '';
  const inner = headingPhrase(path[path.length - 1]);
  if (path.length === 1) return inner;
  const top = headingPhrase(path[0]);
  const innerWords = contentWords(inner);
  const shared = contentWords(top).some((w) => innerWords.includes(w));
  // "Problems with virtual machines" says what it is about; "Internal working" or "Why not use IPs" does not.
  const specific = innerWords.filter((w) => !GENERIC.has(w));
  return shared || specific.length >= 2 ? inner : `${top} — ${lowerFirst(inner)}`;
}

/** The top-level heading alone: the subject for traps and other facts that belong to the whole topic. */
export function topicOf(ctx: RuleContext): string {
  return ctx.headingPath[0] ? headingPhrase(ctx.headingPath[0]) : '';
}

const GENERIC = new Set([
  'best', 'practice', 'common', 'trap', 'internal', 'internals', 'working', 'example', 'real', 'world', 'goal', 'core',
  'idea', 'basic', 'syntax', 'problem', 'performance', 'benefit', 'security', 'advantage', 'overview', 'summary',
  'note', 'question', 'answer', 'ip', 'ips', 'why', 'need', 'needed', 'case', 'method', 'step', 'tip', 'introduction',
  'development', 'production', 'lifecycle', 'type', 'feature', 'big', 'deal', 'logging', 'debugging', 'impact',
]);

const phrases = new Map<string, string>();

/** A heading as prompt text: no trailing '?' or ':', sentence case. */
export function headingPhrase(title: string): string {
  let phrase = phrases.get(title);
  if (phrase === undefined) {
    if (phrases.size > 5_000) phrases.clear();
    phrases.set(title, (phrase = sentenceCase(cleanInline(title).replace(/[?:]+$/, '').trim())));
  }
  return phrase;
}

export function lowerFirst(text: string): string {
  const first = text.split(' ')[0] ?? '';
  if (/^[A-Z]{2,}|[A-Z].*[A-Z]/.test(first) || isProperWord(first.replace(/[^\w.]+$/, ''))) return text;
  return text.length ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Whether `text` already mentions the subject (so no prefix is needed to stand alone). */
export function mentionsSubject(text: string, ctx: RuleContext): boolean {
  const words = new Set(contentWords(text));
  return ctx.headingPath.some((h) => contentWords(h).some((w) => words.has(w) && w.length > 3));
}

/** Prefixes the subject unless the prompt already names it. */
export function withSubject(prompt: string, ctx: RuleContext): string {
  if (mentionsSubject(prompt, ctx)) return prompt;
  const subject = subjectOf(ctx);
  return subject ? `${subject}: ${lowerFirst(prompt)}` : prompt;
}
