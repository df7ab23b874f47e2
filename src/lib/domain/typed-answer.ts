// Checks a learner's typed answer against a card's accepted answers. Commands are parsed and compared the way an
// interviewer would (see command-line/match.ts); a prose answer may also carry a small typo in a long word.
import { compareCommand, type CommandVerdict, type WordMark } from './command-line/match';
import { parseCommandLine } from './command-line/parse';
import { unsmart } from './command-line/shell-words';

export { isPlaceholder } from './command-line/values';
export type { WordMark };

export interface TypedAnswerResult {
  correct: boolean;
  /** The accepted answer closest to what was typed (the first one when nothing matched at all). */
  expected: string;
  /** One line: why it was accepted or rejected. */
  reason: string;
  /** Harmless differences in an accepted answer. */
  notes: string[];
  /** What makes a rejected answer wrong. */
  problems: string[];
  /** The typed words, each marked same / differs / extra. */
  yours: WordMark[];
  /** The expected words, each marked same / differs / missing. */
  expectedWords: WordMark[];
}

/** Longer input is rejected unread, so a pasted novel cannot freeze the page. */
const MAX_LENGTH = 2_000;

export function normalizeAnswer(text: string): string {
  return unsmart(text)
    .trim()
    .replace(/[.!?;,]+$/, '')
    .replace(/^[`'"]+|[`'"]+$/g, '')
    .replace(/[.!?;,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Damerau–Levenshtein (optimal string alignment) distance. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Prose answers ("control groups") forgive a typo in a plain word of five letters or more; commands never do. */
function closeProse(given: string, expected: string): boolean {
  const line = parseCommandLine(expected);
  if (line.grammar !== 'plain' || line.options.length > 0) return false;
  const a = normalizeAnswer(given).split(' ');
  const b = normalizeAnswer(expected).split(' ');
  if (a.length !== b.length) return false;
  return a.every((word, i) => {
    const target = b[i];
    if (word === target) return true;
    if (!/^\p{L}{5,}$/u.test(target)) return false;
    return editDistance(word, target) <= (target.length >= 9 ? 2 : 1);
  });
}

const marked = (verdict: CommandVerdict) => [...verdict.yours, ...verdict.expected].filter((w) => w.mark !== 'same').length;

export function checkTypedAnswer(given: string, accepted: readonly string[], prompt?: string): TypedAnswerResult {
  const candidates = accepted.filter((a) => typeof a === 'string' && a.trim() !== '');
  const text = typeof given === 'string' ? given : '';
  if (candidates.length === 0) return { correct: false, expected: '', reason: 'the card has no accepted answer', notes: [], problems: [], yours: [], expectedWords: [] };
  if (text.length > MAX_LENGTH) {
    const problem = `the answer is longer than ${MAX_LENGTH} characters`;
    return { correct: false, expected: candidates[0], reason: problem, notes: [], problems: [problem], yours: [], expectedWords: [{ text: candidates[0], mark: 'missing' }] };
  }
  let best: { answer: string; verdict: CommandVerdict } | null = null;
  for (const answer of candidates) {
    const verdict = compareCommand(answer, text, prompt);
    if (!verdict.accepted && text.trim() !== '' && closeProse(text, answer)) {
      verdict.accepted = true;
      verdict.problems = [];
      verdict.notes = ['a small typo'];
      for (const word of [...verdict.yours, ...verdict.expected]) word.mark = 'same';
    }
    if (verdict.accepted) {
      best = { answer, verdict };
      break;
    }
    if (!best || verdict.problems.length < best.verdict.problems.length || (verdict.problems.length === best.verdict.problems.length && marked(verdict) < marked(best.verdict))) {
      best = { answer, verdict };
    }
  }
  const { answer, verdict } = best!;
  const reason = verdict.accepted ? (verdict.notes.length ? verdict.notes.join('; ') : 'same command') : verdict.problems.join('; ');
  return { correct: verdict.accepted, expected: answer, reason, notes: verdict.notes, problems: verdict.problems, yours: verdict.yours, expectedWords: verdict.expected };
}
