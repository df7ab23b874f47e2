// Checks a learner's typed answer (usually a shell command) against a card's accepted answers.
// Forgiving where the difference carries no meaning (case, spacing, placeholder names, the order of
// flags), strict where it does: a different command word or a different argument is wrong.

export interface DiffPart {
  text: string;
  kind: 'same' | 'missing' | 'extra';
}

export interface TypedAnswerResult {
  correct: boolean;
  /** The accepted answer closest to what was typed (the first one when nothing was typed). */
  expected: string;
  /** Word-level diff of the typed answer against `expected`; parts are meant to be shown separated by spaces. */
  diff: DiffPart[];
}

/** Short flags that never take a value, so `-d nginx` keeps `nginx` as a positional argument. */
const BOOLEAN_SHORT = new Set(['a', 'd', 'i', 't', 'q', 'f', 'y', 'l', 'r', 's', 'v', 'x', 'n']);
const BOOLEAN_LONG = new Set([
  '--rm', '--detach', '--interactive', '--tty', '--all', '--force', '--quiet', '--help', '--version',
  '--privileged', '--init', '--read-only', '--no-cache', '--pull', '--yes', '--recursive', '--verbose',
]);

/** Names that stand for "your value here" in notes: <id>, container-id, image_name, my-app, myvolume. */
export function isPlaceholder(token: string): boolean {
  const t = token.toLowerCase();
  if (/^<[^<>]+>$/.test(t) || /^\{[^{}]+\}$/.test(t) || /^\[[^[\]]+\]$/.test(t)) return true;
  if (/^(id|name)$/.test(t) || /^[a-z0-9]+[-_](id|name)$/.test(t)) return true;
  if (/^my[-_][a-z0-9][a-z0-9_-]*$/.test(t)) return true;
  return /^my(app|volume|bridge|container|image|network|net|service|data|user|repo)\d*$/.test(t);
}

function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .toLowerCase()
    .replace(/^\s*(\$|#|>)\s+/, '') // a pasted shell prompt
    .replace(/\\\s*\n/g, ' ') // shell line continuations
    .replace(/`+/g, ' ')
    .replace(/\s*=\s*/g, '=')
    .replace(/,\s+/g, ',')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;]+$/, '')
    .trim();
}

export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

interface Shape {
  positional: string[];
  flags: string[];
}

/** Splits `-it` into `-i -t` when every letter but the last is a known boolean flag. */
function expandShortCluster(token: string): string[] {
  if (!/^-[a-z]{2,4}$/i.test(token)) return [token];
  const letters = token.slice(1).split('');
  if (!letters.slice(0, -1).every((l) => BOOLEAN_SHORT.has(l.toLowerCase()))) return [token];
  return letters.map((l) => `-${l}`);
}

function takesValue(flag: string): boolean {
  if (flag.includes('=')) return false;
  if (flag.startsWith('--')) return !BOOLEAN_LONG.has(flag);
  return !(flag.length === 2 && BOOLEAN_SHORT.has(flag[1]));
}

/** Separates order-free flag units (a flag and its value) from order-bound positional words. */
function shape(tokens: string[]): Shape {
  const expanded = tokens.flatMap(expandShortCluster);
  const positional: string[] = [];
  const flags: string[] = [];
  for (let i = 0; i < expanded.length; i++) {
    const token = expanded[i];
    if (token.startsWith('-') && token.length > 1 && !/^-\d/.test(token)) {
      const next = expanded[i + 1];
      // The last word is the command's operand (the image, the container), never a flag's value.
      if (takesValue(token) && next !== undefined && !next.startsWith('-') && i + 1 < expanded.length - 1) {
        flags.push(`${token} ${next}`);
        i++;
      } else flags.push(token);
    } else positional.push(token);
  }
  return { positional, flags };
}

/** A token of the accepted answer matches a typed one; placeholders match any non-flag word. */
function tokenMatches(expected: string, given: string): boolean {
  if (expected === given) return true;
  const e = expected.split(/([:=,/])/);
  const g = given.split(/([:=,/])/);
  if (e.length !== g.length) return false;
  return e.every((part, i) => part === g[i] || (isPlaceholder(part) && g[i] !== '' && !g[i].startsWith('-') && !/^[:=,/]$/.test(g[i])));
}

function unitMatches(expected: string, given: string): boolean {
  const e = expected.split(' ');
  const g = given.split(' ');
  return e.length === g.length && e.every((part, i) => tokenMatches(part, g[i]));
}

function multisetsMatch(expected: string[], given: string[]): boolean {
  if (expected.length !== given.length) return false;
  const remaining = [...given];
  for (const unit of expected) {
    const at = remaining.findIndex((g) => unitMatches(unit, g));
    if (at < 0) return false;
    remaining.splice(at, 1);
  }
  return true;
}

/** Whether `given` is an acceptable form of the `accepted` answer; no diff is computed. */
export function acceptsTypedAnswer(accepted: string, given: string): boolean {
  return given.length <= 10_000 && matches(accepted, given);
}

function matches(accepted: string, given: string): boolean {
  const a = shape(tokenize(accepted));
  const g = shape(tokenize(given));
  if (a.positional.length + a.flags.length === 0) return false;
  const positionalOk = a.positional.length === g.positional.length && a.positional.every((t, i) => tokenMatches(t, g.positional[i]));
  return positionalOk && multisetsMatch(a.flags, g.flags);
}

function lcsTable(expected: string[], given: string[]): number[][] {
  const table = Array.from({ length: expected.length + 1 }, () => new Array<number>(given.length + 1).fill(0));
  for (let i = expected.length - 1; i >= 0; i--) {
    for (let j = given.length - 1; j >= 0; j--) {
      table[i][j] = tokenMatches(expected[i], given[j]) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  return table;
}

function pushPart(parts: DiffPart[], text: string, kind: DiffPart['kind']): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += ` ${text}`;
  else parts.push({ text, kind });
}

/** Word-level diff: 'missing' is in the answer but not typed, 'extra' typed but not in the answer. */
export function diffTokens(expected: string[], given: string[]): DiffPart[] {
  const table = lcsTable(expected, given);
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < expected.length || j < given.length) {
    if (i < expected.length && j < given.length && tokenMatches(expected[i], given[j])) {
      pushPart(parts, given[j], 'same');
      i++;
      j++;
    } else if (j < given.length && (i >= expected.length || table[i][j + 1] >= table[i + 1][j])) {
      pushPart(parts, given[j++], 'extra');
    } else {
      pushPart(parts, expected[i++], 'missing');
    }
  }
  return parts;
}

// Long inputs are cut before the quadratic diff so a pasted novel cannot freeze the page.
const MAX_TOKENS = 200;

export function checkTypedAnswer(given: string, accepted: string[]): TypedAnswerResult {
  const candidates = accepted.filter((a) => typeof a === 'string' && a.trim() !== '');
  if (candidates.length === 0) return { correct: false, expected: '', diff: [] };
  const text = typeof given === 'string' ? given : '';
  const givenTokens = tokenize(text).slice(0, MAX_TOKENS);
  const correctOne = candidates.find((a) => acceptsTypedAnswer(a, text));
  if (correctOne !== undefined) {
    return { correct: true, expected: correctOne, diff: givenTokens.length ? [{ text: givenTokens.join(' '), kind: 'same' }] : [] };
  }
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const tokens = tokenize(candidate).slice(0, MAX_TOKENS);
    const score = lcsTable(tokens, givenTokens)[0][0] * 2 - tokens.length - givenTokens.length;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return { correct: false, expected: best, diff: diffTokens(tokenize(best).slice(0, MAX_TOKENS), givenTokens) };
}
