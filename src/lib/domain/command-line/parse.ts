// Reads a typed command into its parts: the command (Docker's by its grammar, others by name and subcommand), its
// options with their values, and its operands. The parts keep the indexes of the words they came from, so a verdict
// can point at what the learner typed.
import { findDockerCommand, type CommandSpec } from './grammar';
import { PROGRAMS, SAME_PROGRAM, type ProgramSpec } from './posix-programs';
import { shellWords, type ShellWord } from './shell-words';

export interface OptionUse {
  /** How the option is compared: Docker's long name ("--detach"), or the short letter for getopt programs ("-a"). */
  key: string;
  /** As typed: "-d", "--detach", "--net". */
  spelled: string;
  value: string | null;
  /** Docker's value type ("mount", "list", "bool"…), "signal", or null for a switch. */
  valueType: string | null;
  defaultValue: string;
  /** Identifiers the prompt may leave open (a container's name). */
  openValue: boolean;
  words: number[];
}

export interface Operand {
  value: string;
  word: number;
  /** A slot for a value the prompt may leave open (an image, a container, a user). */
  open: boolean;
}

export interface CommandLine {
  words: ShellWord[];
  /** Canonical command: "docker container run", "apt update", "usermod", "copy". */
  command: string;
  /** How the learner spelled the command, sudo left out ("docker run"). */
  spelledCommand: string;
  commandWords: number[];
  /** Whether the command was read with Docker's grammar, a known program's optstring, or generically. */
  grammar: 'docker' | 'posix' | 'plain';
  options: OptionUse[];
  operands: Operand[];
}

interface OptionSpecLike {
  key: string;
  valueType: string | null;
  defaultValue: string;
}

/** Docker options whose value is an identifier the learner makes up. */
const OPEN_DOCKER_OPTIONS = new Set(['--name', '--hostname', '--tag']);
/** Docker commands that stop reading options after their first operand: the rest is the container's command. */
const FIRST_OPERAND_ENDS_OPTIONS = new Set(['container run', 'container create', 'container exec']);
const SUDO_SWITCHES = new Set(['-E', '-H', '-S', '-i', '-s', '-n']);

function dockerLookup(spec: CommandSpec) {
  return (name: string): OptionSpecLike | null => {
    const option = spec.options.get(name);
    if (!option) return null;
    const signal = option.key === '--signal';
    return { key: option.key, valueType: signal ? 'signal' : option.valueType, defaultValue: option.defaultValue };
  };
}

function posixLookup(spec: ProgramSpec) {
  return (name: string): OptionSpecLike | null => {
    const short = name.startsWith('--') ? spec.long?.[name] : name;
    if (!short || short.length !== 2) return null;
    const at = spec.optstring.indexOf(short[1]);
    if (at < 0) return null;
    const takesValue = spec.optstring[at + 1] === ':';
    const signal = spec.signal?.option === short;
    return { key: short, valueType: takesValue ? (signal ? 'signal' : 'string') : null, defaultValue: signal ? spec.signal!.defaultValue : '' };
  };
}

export function parseCommandLine(text: string): CommandLine {
  const words = shellWords(text);
  let at = 0;
  if (words[0]?.value === 'sudo') {
    at = 1;
    while (SUDO_SWITCHES.has(words[at]?.value)) at++;
  }
  const commandWords = Array.from({ length: at + 1 }, (_, i) => i).filter((i) => i < words.length);
  const program = (words[at]?.value ?? '').toLowerCase();
  const line: CommandLine = { words, command: SAME_PROGRAM[program] ?? program, spelledCommand: program, commandWords, grammar: 'plain', options: [], operands: [] };
  let lookup: (name: string) => OptionSpecLike | null = () => null;
  let openOperands: (index: number) => boolean = () => false;
  let stopAfterOperands = Infinity;
  let subcommand = false;
  const programSpec = PROGRAMS[program];

  if (program === 'docker') {
    const names: string[] = [];
    for (let j = at + 1; j < words.length && !words[j].value.startsWith('-'); j++) names.push(words[j].value);
    const found = findDockerCommand(names);
    if (found) {
      line.grammar = 'docker';
      line.command = `docker ${found.spec.path}`;
      line.spelledCommand = ['docker', ...names.slice(0, found.length)].join(' ').toLowerCase();
      for (let k = 1; k <= found.length; k++) commandWords.push(at + k);
      at += found.length;
      lookup = dockerLookup(found.spec);
      const stops = FIRST_OPERAND_ENDS_OPTIONS.has(found.spec.path);
      if (stops) stopAfterOperands = 1;
      // The image or container is open; the command run inside it is not.
      openOperands = (index) => !stops || index === 0;
    }
  } else if (programSpec) {
    line.grammar = 'posix';
    lookup = posixLookup(programSpec);
    openOperands = () => programSpec.openOperands === true;
    subcommand = programSpec.subcommand === true;
  }

  const push = (spec: OptionSpecLike | null, spelled: string, value: string | null, wordIndexes: number[]) => {
    line.options.push({
      key: spec?.key ?? spelled,
      spelled,
      value,
      valueType: spec ? spec.valueType : value === null ? null : 'string',
      defaultValue: spec?.defaultValue ?? '',
      openValue: line.grammar === 'docker' && OPEN_DOCKER_OPTIONS.has(spec?.key ?? ''),
      words: wordIndexes,
    });
  };

  let optionsEnded = false;
  for (let j = at + 1; j < words.length; j++) {
    const word = words[j].value;
    const isSignalShorthand = program === 'kill' && /^-(\d+|[A-Z]+)$/i.test(word) && lookup(word) === null;
    if (!optionsEnded && word === '--') {
      optionsEnded = true;
      commandWords.push(j);
    } else if (optionsEnded || word === '-' || !word.startsWith('-') || (/^-\d/.test(word) && !isSignalShorthand)) {
      if (subcommand) {
        subcommand = false;
        line.command += ` ${word.toLowerCase()}`;
        line.spelledCommand += ` ${word.toLowerCase()}`;
        commandWords.push(j);
        continue;
      }
      line.operands.push({ value: word, word: j, open: openOperands(line.operands.length) });
      if (line.operands.length >= stopAfterOperands) optionsEnded = true;
    } else if (isSignalShorthand) {
      push(lookup('-s'), word, word.slice(1), [j]);
    } else if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word : word.slice(0, eq);
      const spec = lookup(name);
      if (eq >= 0) push(spec, name, word.slice(eq + 1), [j]);
      else if (spec?.valueType && j + 1 < words.length) push(spec, name, words[j + 1].value, [j, ++j]);
      else push(spec, name, null, [j]);
    } else {
      const letters = word.slice(1);
      for (let k = 0; k < letters.length; k++) {
        const name = `-${letters[k]}`;
        const spec = lookup(name);
        if (!spec?.valueType) {
          push(spec, name, null, [j]);
          continue;
        }
        const rest = letters.slice(k + 1).replace(/^=/, '');
        if (rest) push(spec, name, rest, [j]);
        else if (j + 1 < words.length) push(spec, name, words[j + 1].value, [j, ++j]);
        else push(spec, name, null, [j]);
        break;
      }
    }
  }
  return line;
}
