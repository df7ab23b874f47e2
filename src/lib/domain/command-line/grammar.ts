// The Docker CLI grammar: which words name a command (with its aliases) and which options it takes, whether each takes
// a value, of what type, and its documented default. The data is docker-grammar.json, generated from the docker/cli
// reference by scripts/make-docker-grammar.ts; only what that reference leaves out is written here.
import data from './docker-grammar.json';

/** [space-separated names ("-d --detach"), value type or 0 for a switch, documented default]. */
export type GrammarOption = [flags: string, valueType: string | 0, defaultValue: string];

export interface DockerGrammarData {
  source: string;
  license: string;
  commands: Record<string, { aliases: string[]; options: GrammarOption[] }>;
}

export interface OptionSpec {
  /** The long name when there is one ("--detach"): how the option is compared and named in messages. */
  key: string;
  names: string[];
  /** null for a switch. */
  valueType: string | null;
  defaultValue: string;
}

export interface CommandSpec {
  /** Canonical path without "docker" ("container run"). */
  path: string;
  options: Map<string, OptionSpec>;
}

/** Spellings Docker accepts but its reference hides (deprecated or undocumented aliases). */
const HIDDEN_ALIASES: Record<string, Record<string, string>> = {
  'container run': { '--net': '--network', '--net-alias': '--network-alias' },
  'container create': { '--net': '--network', '--net-alias': '--network-alias' },
};

/** Defaults the docs state in prose but the reference table leaves blank. */
const PROSE_DEFAULTS: Record<string, Record<string, string>> = {
  'container kill': { '--signal': 'KILL' },
};

const grammar = data as unknown as DockerGrammarData;
const byWords = new Map<string, string>();
for (const [path, command] of Object.entries(grammar.commands)) {
  for (const spelling of [path, ...command.aliases]) byWords.set(spelling, path);
}
const specs = new Map<string, CommandSpec>();

function specFor(path: string): CommandSpec {
  const cached = specs.get(path);
  if (cached) return cached;
  const options = new Map<string, OptionSpec>();
  for (const [flags, valueType, defaultValue] of grammar.commands[path].options) {
    const names = flags.split(' ');
    const key = names.find((n) => n.startsWith('--')) ?? names[0];
    const spec: OptionSpec = { key, names, valueType: valueType === 0 ? null : valueType, defaultValue: PROSE_DEFAULTS[path]?.[key] ?? defaultValue };
    for (const name of names) options.set(name, spec);
  }
  for (const [hidden, target] of Object.entries(HIDDEN_ALIASES[path] ?? {})) {
    const spec = options.get(target);
    if (spec) options.set(hidden, { ...spec, names: [...spec.names, hidden] });
  }
  const spec = { path, options };
  specs.set(path, spec);
  return spec;
}

/** The longest run of leading words (after "docker") that names a command: ["ps"] → container ls, 1 word. */
export function findDockerCommand(words: readonly string[]): { spec: CommandSpec; length: number } | null {
  for (let length = Math.min(3, words.length); length >= 1; length--) {
    const path = byWords.get(words.slice(0, length).join(' ').toLowerCase());
    if (path) return { spec: specFor(path), length };
  }
  return null;
}

/** Every spelling of a command path ("container ls" → "container list", "container ps", "ps"). */
export function dockerAliases(path: string): string[] {
  return grammar.commands[path] ? [path, ...grammar.commands[path].aliases] : [];
}

export const dockerCommandCount = Object.keys(grammar.commands).length;

const CONTAINER = ['the container name or id'];
/**
 * What the positional arguments of common Docker commands are (the usage lines of the docker/cli reference, which the
 * generated grammar leaves out), so feedback can say "the image name is missing". The last entry stands for any
 * further arguments. Keyed by the canonical command.
 */
export const DOCKER_ARGUMENTS: Record<string, readonly string[]> = {
  'docker container run': ['the image name', 'the command to run', 'an argument of the command'],
  'docker container create': ['the image name', 'the command to run', 'an argument of the command'],
  'docker container exec': ['the container name or id', 'the command to run', 'an argument of the command'],
  ...Object.fromEntries(
    ['attach', 'inspect', 'kill', 'logs', 'pause', 'port', 'restart', 'rm', 'start', 'stats', 'stop', 'top', 'unpause', 'wait'].map((c) => [`docker container ${c}`, CONTAINER]),
  ),
  'docker container commit': ['the container name or id', 'the new image name'],
  'docker container cp': ['the source path', 'the destination path'],
  'docker container rename': ['the container name or id', 'the new name'],
  'docker image build': ['the build context'],
  'docker image history': ['the image name'],
  'docker image pull': ['the image name'],
  'docker image push': ['the image name'],
  'docker image rm': ['the image name'],
  'docker image save': ['the image name'],
  'docker image tag': ['the source image', 'the new image name'],
  'docker network connect': ['the network name', 'the container name or id'],
  'docker network disconnect': ['the network name', 'the container name or id'],
  'docker network create': ['the network name'],
  'docker network inspect': ['the network name'],
  'docker network rm': ['the network name'],
  'docker volume create': ['the volume name'],
  'docker volume inspect': ['the volume name'],
  'docker volume rm': ['the volume name'],
};
