// Decides whether a typed command is the expected one, the way an interviewer would: same command, same options with
// equal values (in any order, by any of their names), same operands in order. What the prompt names must be typed
// exactly; what it leaves open accepts any well-formed value. The verdict says why, and marks the words that differ.
import { DOCKER_ARGUMENTS } from './grammar';
import { parseCommandLine, type CommandLine, type OptionUse } from './parse';
import { unsmart } from './shell-words';
import { isDefaultValue, isPlaceholder, valuesMatch, type OpenTest } from './values';

export interface WordMark {
  text: string;
  /** same; differs (a wrong command or value); extra (typed, not expected); missing (expected, not typed). */
  mark: 'same' | 'differs' | 'extra' | 'missing';
}

export interface CommandVerdict {
  accepted: boolean;
  /** Why it was rejected, most important first; empty when accepted. */
  problems: string[];
  /** What differed harmlessly in an accepted answer ("`--detach` is `-d`", "flag order differs"). */
  notes: string[];
  yours: WordMark[];
  expected: WordMark[];
}

const code = (text: string) => `\`${text}\``;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the prompt names a value, as a whole word: "`mybridge` network" names mybridge, "/app/data" does not name
 * /app. A placeholder-like word counts only inside a code span: "the logs of a container" leaves CONTAINER open.
 */
export function promptNames(prompt: string): (value: string) => boolean {
  const text = unsmart(prompt).toLowerCase();
  const code = (text.match(/`[^`]*`/g) ?? []).join(' ');
  return (value) =>
    value !== '' && new RegExp(`(?<![\\w/.$-])${escapeRegExp(value.toLowerCase())}(?![\\w/-]|\\.\\w)`).test(isPlaceholder(value) ? code : text);
}

/**
 * `-v NAME:/path[:ro]` as the `--mount` it stands for: `type=volume` for a named volume, `type=bind` for a host path,
 * `readonly` for `ro`. Docker documents the two as equivalent, so either spelling answers a card asking for the other.
 */
export function volumeAsMount(o: OptionUse): OptionUse {
  if (o.key !== '--volume' || o.value === null) return o;
  const parts = o.value.split(':');
  if (parts.length > 3 || parts.some((p) => p === '')) return o;
  const [source, target, mode] = parts.length === 1 ? ['', parts[0], undefined] : parts;
  if (mode !== undefined && !/^(ro|rw|readonly)$/i.test(mode)) return o;
  const hostPath = /^([/.~$]|"?\$)/.test(source) || source.includes('/');
  const fields = [`type=${hostPath ? 'bind' : 'volume'}`, ...(source ? [`source=${source.replace(/^"|"$/g, '')}`] : []), `target=${target}`, ...(mode && /^(ro|readonly)$/i.test(mode) ? ['readonly'] : [])];
  return { ...o, key: '--mount', valueType: 'mount', value: fields.join(','), defaultValue: '' };
}

/** Options as they count: a switch once however often it is given, and spelled-out defaults left out. */
function effectiveOptions(line: CommandLine): OptionUse[] {
  const switches = new Set<string>();
  const options: OptionUse[] = [];
  for (const option of line.options) {
    const o = line.grammar === 'docker' ? volumeAsMount(option) : option;
    if (isSpelledDefault(o)) continue;
    const isSwitch = o.valueType === null && o.defaultValue !== 'true';
    if (isSwitch && switches.has(o.key)) continue;
    if (isSwitch) switches.add(o.key);
    options.push(isSwitch ? { ...o, value: null } : o);
  }
  return options;
}

/** "--rm=false", "--sig-proxy", "--driver bridge": spelling out what Docker would do anyway. */
function isSpelledDefault(o: OptionUse): boolean {
  if (o.valueType === null) {
    const on = o.value === null || !/^(false|0)$/i.test(o.value);
    return on === (o.defaultValue === 'true');
  }
  return o.value !== null && isDefaultValue(o, o.value);
}

/**
 * Pairs expected options with typed ones so that as many as possible match (augmenting paths), so an open value
 * never takes the typed value a named one needed: `-h app1 -h x` against `-h x -h app1`. Returns, for each expected
 * option, the index of its typed partner or -1.
 */
function maximumMatching<T>(wanted: T[], typed: T[], fits: (want: T, got: T) => boolean): number[] {
  const partnerOfTyped = typed.map(() => -1);
  const tryAssign = (w: number, seen: Set<number>): boolean => {
    for (let t = 0; t < typed.length; t++) {
      if (seen.has(t) || !fits(wanted[w], typed[t])) continue;
      seen.add(t);
      if (partnerOfTyped[t] < 0 || tryAssign(partnerOfTyped[t], seen)) {
        partnerOfTyped[t] = w;
        return true;
      }
    }
    return false;
  };
  wanted.forEach((_, w) => tryAssign(w, new Set()));
  const partner = wanted.map(() => -1);
  partnerOfTyped.forEach((w, t) => w >= 0 && (partner[w] = t));
  return partner;
}

const optionName = (o: OptionUse) => (o.spelled === o.key ? code(o.spelled) : `${code(o.spelled)} (${code(o.key)})`);

export function compareCommand(expectedText: string, givenText: string, prompt?: string): CommandVerdict {
  const expected = parseCommandLine(expectedText);
  const given = parseCommandLine(givenText);
  // Without a prompt nothing is known to be left open, so only placeholders accept any value.
  const named = prompt === undefined ? () => false : promptNames(prompt);
  const problems: string[] = [];
  const notes: string[] = [];
  const yourMarks = given.words.map((w): WordMark => ({ text: w.raw, mark: 'same' }));
  const expectedMarks = expected.words.map((w): WordMark => ({ text: w.raw, mark: 'same' }));
  const mark = (marks: WordMark[], indexes: number[], kind: WordMark['mark']) => {
    for (const i of indexes) if (marks[i] && marks[i].mark === 'same') marks[i].mark = kind;
  };
  const openIn = (slotOpen: boolean): OpenTest => (part) => !named(part) && ((slotOpen && prompt !== undefined) || isPlaceholder(part));

  if (given.words.length === 0) problems.push('nothing was typed');
  else if (expected.command !== given.command) {
    problems.push(`${code(given.spelledCommand)} is not ${code(expected.spelledCommand)}`);
    // Only the command words the two do not share: "docker kill" against "docker stop" marks kill and stop.
    const unshared = (line: CommandLine, other: CommandLine) => {
      const theirs = new Set(other.commandWords.map((i) => other.words[i].value.toLowerCase()));
      return line.commandWords.filter((i) => !theirs.has(line.words[i].value.toLowerCase()));
    };
    mark(yourMarks, unshared(given, expected), 'differs');
    mark(expectedMarks, unshared(expected, given), 'differs');
  } else if (expected.spelledCommand !== given.spelledCommand) {
    notes.push(`${code(given.spelledCommand)} is ${code(expected.spelledCommand)}`);
  }

  const wanted = effectiveOptions(expected);
  const typed = effectiveOptions(given);
  const fits = (want: OptionUse, got: OptionUse) =>
    want.key === got.key && (want.value === null ? got.value === null : got.value !== null && valuesMatch(want, want.value, got.value, openIn(want.openValue)));
  const partner = maximumMatching(wanted, typed, fits);
  const pairs: [OptionUse, OptionUse][] = [];
  const unmatchedWanted: OptionUse[] = [];
  wanted.forEach((option, i) => (partner[i] < 0 ? unmatchedWanted.push(option) : pairs.push([option, typed[partner[i]]])));
  const pairedTyped = new Set(pairs.map(([, got]) => got));
  for (let i = typed.length - 1; i >= 0; i--) if (pairedTyped.has(typed[i])) typed.splice(i, 1);
  for (const option of unmatchedWanted) {
    const at = typed.findIndex((t) => t.key === option.key);
    if (at < 0) {
      problems.push(`missing ${optionName(option)}${option.value === null ? '' : ` ${code(option.value)}`}`);
      mark(expectedMarks, option.words, 'missing');
      continue;
    }
    const [wrong] = typed.splice(at, 1);
    const because = option.value !== null && named(option.value) ? ' (the prompt names it)' : '';
    problems.push(`${code(option.spelled)} should be ${code(option.value ?? '')}, not ${code(wrong.value ?? '')}${because}`);
    mark(expectedMarks, option.words.slice(-1), 'differs');
    mark(yourMarks, wrong.words.slice(-1), 'differs');
  }
  for (const option of typed) {
    problems.push(`${optionName(option)} is not in the answer`);
    mark(yourMarks, option.words, 'extra');
  }

  for (const [want, got] of pairs) {
    if (want.spelled !== got.spelled) notes.push(`${code(got.spelled)} is ${code(want.spelled)}`);
    if (want.value !== null && got.value !== null && want.value.toLowerCase() !== got.value.toLowerCase() && want.valueType !== 'mount') {
      if (want.openValue || isPlaceholder(want.value)) notes.push(`${code(got.value)} stands for ${code(want.value)}`);
    }
  }
  const order = (options: OptionUse[]) => options.map((o) => o.key).join(' ');
  const typedOrder = pairs.map(([, got]) => got).sort((a, b) => a.words[0] - b.words[0]);
  if (order(pairs.map(([want]) => want)) !== order(typedOrder)) notes.push('flag order differs');
  if (pairs.some(([want, got]) => want.valueType === 'mount' && want.value !== got.value && want.spelled === got.spelled)) notes.push(`${code('--mount')} fields may come in any order, with defaults spelled out`);

  for (const o of given.options) if (isSpelledDefault(o)) notes.push(`${code(o.value === null ? o.spelled : `${o.spelled} ${o.value}`)} is the default`);

  // A card whose answer is the bare command ("docker run") asks for the command, so what it runs on is open.
  const bare = expected.grammar === 'docker' && expected.options.length === 0 && expected.operands.length === 0 && given.operands.length > 0;
  if (bare && prompt !== undefined) {
    notes.push(`the card asks only for the command, so ${given.operands.map((o) => code(o.value)).join(' ')} is up to you`);
    given.operands = [];
  }
  const count = Math.max(expected.operands.length, given.operands.length);
  // Name what is missing ("the image name is missing") rather than count it; an extra argument is shown as typed.
  for (let i = given.operands.length; i < expected.operands.length; i++) {
    const role = argumentName(expected, i);
    problems.push(role ? `${role} is missing` : `the argument ${code(expected.operands[i].value)} is missing`);
  }
  for (let i = expected.operands.length; i < given.operands.length; i++) problems.push(`${code(given.operands[i].value)} is not in the answer`);
  for (let i = 0; i < count; i++) {
    const want = expected.operands[i];
    const got = given.operands[i];
    if (!want) mark(yourMarks, [got.word], 'extra');
    else if (!got) mark(expectedMarks, [want.word], 'missing');
    else if (!valuesMatch({ key: '', valueType: 'string' }, want.value, got.value, openIn(want.open))) {
      problems.push(`${code(got.value)} should be ${code(want.value)}${named(want.value) ? ' (the prompt names it)' : ''}`);
      mark(yourMarks, [got.word], 'differs');
      mark(expectedMarks, [want.word], 'differs');
    } else if (want.value.toLowerCase() !== got.value.toLowerCase()) {
      notes.push(`${code(got.value)} stands for ${code(want.value)}`);
    }
  }
  if (given.words[0]?.value === 'sudo' && expected.words[0]?.value !== 'sudo') notes.push(`${code('sudo')} changes nothing here`);
  if (expected.words[0]?.value === 'sudo' && given.words.length > 0 && given.words[0].value !== 'sudo') notes.push(`${code('sudo')} left out`);
  const accepted = problems.length === 0;
  return { accepted, problems, notes: accepted ? [...new Set(notes)] : [], yours: yourMarks, expected: expectedMarks };
}

/** What the argument at `index` is, for the Docker commands whose usage names it; null otherwise. */
function argumentName(line: CommandLine, index: number): string | null {
  const names = line.grammar === 'docker' ? DOCKER_ARGUMENTS[line.command] : undefined;
  return names ? names[Math.min(index, names.length - 1)] : null;
}
