// Recognising shell commands in notes and describing what a command does from its own anatomy,
// for commands the notes show without saying what they are for.

import { dockerAliases, findDockerCommand } from '../command-line/grammar.ts';
import { cleanInline } from './text.ts';

export interface ParsedCommand {
  command: string;
  /** What the notes say it does, when written on the same line ("docker ps ─▶ lists containers"). */
  note?: string;
}

const NOTE_SEPARATOR = /\s*[─━]+\s*▶\uFE0F?\s*|\s+-+>\s+|\s+—\s+|\s+–\s+/u;
const PROSE_SECOND_WORD = /^(is|are|was|the|a|an|and|or|to|of|in|on|for|with|can|will|should|must|has|have|it|this|that|daemon|client|desktop|registry|registries|image|images|container|containers|hub|compose|objects?)$/i;

/** A command, possibly followed by a description; null when the text is prose, a path or a label. */
export function parseCommand(raw: string, options: { single?: boolean } = {}): ParsedCommand | null {
  const text = raw.replace(/^`+|`+$/g, '').trim();
  if (text === '' || text.length > 400) return null;
  const [head, ...rest] = text.split(NOTE_SEPARATOR);
  const command = normalizeCommand(head.replace(/`/g, ''));
  // A one-word command counts only where the notes say it is one (a "Command" column).
  if (!(options.single ? /^[a-z][a-z0-9._-]*(\s+\S+)*$/ : /^[a-z][a-z0-9._-]*(\s+\S+)+$/).test(command)) return null;
  if (/[→←⇒]|:\s*$/.test(command)) return null;
  const tokens = command.split(' ');
  const second = tokens[tokens[0] === 'sudo' ? 2 : 1] ?? '';
  // "docker image prune" is a management command, not prose about a Docker image.
  const management = tokens[0] === 'docker' && (findDockerCommand(tokens.slice(1, 3))?.length ?? 0) >= 2;
  if ((PROSE_SECOND_WORD.test(second) && !management) || /^[A-Z][a-z]/.test(second)) return null;
  if (/[.?!]$/.test(command) && tokens.length > 4 && !/[-/=]/.test(command)) return null;
  const note = rest.length ? cleanInline(rest.join(' — ')) : undefined;
  return note ? { command, note } : { command };
}

/** Tidies spacing the way a shell would read it ("source=v, target = /app" → "source=v,target=/app"). */
export function normalizeCommand(command: string): string {
  return command
    .replace(/\s*\\\s*(?=\S)/g, ' ')
    .replace(/(\S)\s*=\s*(?=\S)/g, '$1=')
    .replace(/,\s+(?=[\w-]+=)/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Other spellings Docker itself accepts for the same command ("docker rm x" = "docker container rm x"), from the
 * Docker CLI grammar: the canonical management-command form, and the one-word shorthand when there is one.
 */
export function equivalentCommands(command: string): string[] {
  const tokens = command.split(' ');
  const start = tokens[0] === 'sudo' ? 1 : 0;
  if (tokens[start] !== 'docker') return [];
  const names: string[] = [];
  for (let i = start + 1; i < tokens.length && !tokens[i].startsWith('-'); i++) names.push(tokens[i]);
  const found = findDockerCommand(names);
  if (!found) return [];
  const spelled = names.slice(0, found.length).join(' ');
  const prefix = tokens.slice(0, start + 1);
  const rest = tokens.slice(start + 1 + found.length);
  return dockerAliases(found.spec.path)
    .filter((alias) => alias !== spelled && (alias === found.spec.path || !alias.includes(' ')))
    .map((alias) => [...prefix, alias, ...rest].join(' '));
}

/** The program a learner should name, skipping sudo. */
export function programOf(command: string): string {
  const tokens = command.split(' ');
  return tokens[0] === 'sudo' ? (tokens[1] ?? 'sudo') : tokens[0];
}

const RUN_FLAGS: Record<string, (value: string) => string> = {
  '-v': (v) => (v.includes(':') ? `with \`${v.split(':')[0]}\` mounted at \`${v.split(':').slice(1).join(':')}\`` : `with an anonymous volume at \`${v}\``),
  '--volume': (v) => RUN_FLAGS['-v'](v),
  '-p': (v) => `publishing container port ${v.split(':').pop()} on host port ${v.split(':')[0]}`,
  '--publish': (v) => RUN_FLAGS['-p'](v),
  '--network': (v) => `on the \`${v}\` network`,
  '--net': (v) => `on the \`${v}\` network`,
  '--name': (v) => `named \`${v}\``,
  '--mount': (v) => `with the mount \`${v}\``,
  '-e': (v) => `with environment variable \`${v}\``,
};
const RUN_SWITCHES: Record<string, string> = { '-d': 'in the background', '--detach': 'in the background', '--rm': 'removed on exit', '-it': 'interactively', '-i': 'interactively' };

/**
 * A task description from the command itself: "docker run -d -v a:/b nginx" → "run `nginx` in the
 * background with `a` mounted at `/b`". Only for `<tool> run` and `<tool> <object> <verb>` shapes.
 */
export function describeCommand(command: string): string | null {
  const tokens = command.split(' ');
  const start = tokens[0] === 'sudo' ? 1 : 0;
  const [tool, sub, ...args] = tokens.slice(start);
  if (!tool || !sub) return null;
  if (sub === 'run' || sub === 'create') {
    const parts: string[] = [];
    let image = '';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (RUN_FLAGS[a] && args[i + 1] !== undefined) {
        parts.push(RUN_FLAGS[a](args[++i]));
      } else if (RUN_SWITCHES[a]) {
        parts.push(RUN_SWITCHES[a]);
      } else if (!a.startsWith('-') && !image) {
        image = a;
      }
    }
    if (!image) return null;
    return `${sub} a container from \`${image}\`${parts.length ? ` ${parts.join(', ')}` : ''}`;
  }
  // "apt install docker.io -y" → "install `docker.io`"
  if (/^(install|remove|uninstall|add|pull|push|get|delete|start|stop|restart|enable|disable|status)$/.test(sub) && args.some((a) => !a.startsWith('-'))) {
    return `${sub} ${args.filter((a) => !a.startsWith('-')).map((a) => `\`${a}\``).join(' and ')}`;
  }
  if (/^[a-z]+$/.test(sub) && args.length > 0 && /^[a-z]+$/.test(args[0])) {
    const [verb, ...targets] = args;
    const named = targets.filter((t) => !t.startsWith('-'));
    return `${verb} ${sub === verb ? '' : `${sub}${named.length > 1 ? 's' : ''} `}${named.map((t) => `\`${t}\``).join(' and ')}`.trim();
  }
  return null;
}
