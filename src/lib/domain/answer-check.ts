// Marking a learner's response. Typed answers are checked forgivingly: case, spacing, surrounding quotes or
// backticks and trailing punctuation don't matter, and a small typo in a long word is accepted; flags, numbers,
// paths and short words must be exact, because `-a` and `-q` are different answers.
import type { Card } from './model';
import { acceptsTypedAnswer, type DiffPart } from './typed-answer';

// Command-aware checking (placeholders, flag order) for generated typed cards; see typed-answer.ts.
export { checkTypedAnswer, type TypedAnswerResult } from './typed-answer';

export interface CardResponse {
  /** Picked option indexes (choice cards). */
  choice: number[];
  /** Typed text (typed cards). */
  typed: string;
  /** Picked value (true/false cards). */
  truefalse: boolean | null;
}

export const emptyResponse = (): CardResponse => ({ choice: [], typed: '', truefalse: null });

export type { DiffPart };

export interface TypedCheck {
  correct: boolean;
  /** Equal after normalising, not merely close. */
  exact: boolean;
  /** The accepted answer closest to what was typed. */
  expected: string;
  /** What was typed against `expected`: "missing" is in the answer but not typed, "extra" typed but not in it. */
  diff: DiffPart[];
}

export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/[.!?;,]+$/, '')
    .replace(/^[`'"“”‘’]+|[`'"“”‘’]+$/g, '')
    .replace(/[.!?;,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function checkTyped(typed: string, answers: readonly string[]): TypedCheck {
  const given = normalizeAnswer(typed);
  let best: { answer: string; score: number; correct: boolean; exact: boolean } | null = null;
  for (const answer of answers) {
    const expected = normalizeAnswer(answer);
    const exact = given.length > 0 && given === expected;
    const correct = exact || (given.length > 0 && (closeEnough(given, expected) || acceptsTypedAnswer(answer, typed)));
    const score = exact ? -1 : editDistance(given, expected);
    if (!best || (correct && !best.correct) || (correct === best.correct && score < best.score)) best = { answer, score, correct, exact };
  }
  const expected = best?.answer ?? '';
  return { correct: best?.correct ?? false, exact: best?.exact ?? false, expected, diff: diffChars(typed.trim(), expected) };
}

function closeEnough(given: string, expected: string): boolean {
  const a = given.split(' ');
  const b = expected.split(' ');
  if (a.length !== b.length) return false;
  return a.every((word, i) => {
    const target = b[i];
    if (word === target) return true;
    // Only plain words of five letters or more may carry a typo.
    if (!/^\p{L}{5,}$/u.test(target)) return false;
    return editDistance(word, target) <= (target.length >= 9 ? 2 : 1);
  });
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

/** Character diff (longest common subsequence, case-insensitive) of typed text against the expected answer. */
export function diffChars(typed: string, expected: string): DiffPart[] {
  const a = [...typed];
  const b = [...expected];
  const same = (x: string, y: string) => x.toLowerCase() === y.toLowerCase();
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = same(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i], b[j])) {
      push('same', b[j]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push('extra', a[i++]);
    else push('missing', b[j++]);
  }
  while (i < a.length) push('extra', a[i++]);
  while (j < b.length) push('missing', b[j++]);
  return parts;
}

export interface ResponseCheck {
  /** null when the card kind has no response to mark (basic, cloze). */
  correct: boolean | null;
  typed?: TypedCheck;
}

export function checkResponse(card: Card, response: CardResponse): ResponseCheck {
  switch (card.kind) {
    case 'choice': {
      const picked = [...new Set(response.choice)].sort((x, y) => x - y);
      const correct = [...card.correct].sort((x, y) => x - y);
      return { correct: picked.length === correct.length && picked.every((v, i) => v === correct[i]) };
    }
    case 'typed': {
      const typed = checkTyped(response.typed, card.answers);
      return { correct: typed.correct, typed };
    }
    case 'truefalse':
      return { correct: response.truefalse === card.isTrue };
    default:
      return { correct: null };
  }
}

/** The grade to highlight after an answer: wrong -> Again (1), right -> Good (3); none for self-graded kinds. */
export function suggestedRating(check: ResponseCheck): 1 | 3 | null {
  return check.correct === null ? null : check.correct ? 3 : 1;
}

/** True when the learner has responded enough to check the card. */
export function hasResponse(card: Card, response: CardResponse): boolean {
  if (card.kind === 'choice') return response.choice.length > 0;
  if (card.kind === 'typed') return response.typed.trim().length > 0;
  if (card.kind === 'truefalse') return response.truefalse !== null;
  return true;
}
