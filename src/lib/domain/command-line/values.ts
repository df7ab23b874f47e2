// Compares option values and operands as the structures they are: `--mount` key=value lists in any order, `-p`
// host:container, `-v` source:target[:mode], `-e` KEY=value, signals by name. A part of the expected value that is
// open (a placeholder, or a value the prompt leaves to the learner) accepts any well-formed value.
import { signalName } from './posix-programs';

/** Whether the expected part may be answered with any well-formed value. */
export type OpenTest = (expectedPart: string) => boolean;

const UPPER_PLACEHOLDER = /^(CONTAINER|IMAGE|NAME|ID|VOLUME|NETWORK|PATH|USER|USERNAME|TAG|REPOSITORY|REPO|SERVICE|NODE|HOST|PORT|FILE|DIR|COMMAND|ARG|VALUE|KEY)([-_](ID|NAME|PATH))?$/;

/** Names that stand for "your value here": <id>, {name}, container-id, image_name, my-app, myvolume, CONTAINER. */
export function isPlaceholder(token: string): boolean {
  if (UPPER_PLACEHOLDER.test(token)) return true;
  const t = token.toLowerCase();
  if (/^<[^<>]+>$/.test(t) || /^\{[^{}]+\}$/.test(t) || /^\[[^[\]]+\]$/.test(t)) return true;
  if (/^(id|name|image|container|volume|network|tag|user|username|path|file|dir|command|repository|repo)$/.test(token)) return true;
  if (/^[a-z0-9]+[-_](id|name)$/.test(t)) return true;
  if (/^my[-_][a-z0-9][a-z0-9_-]*$/.test(t)) return true;
  return /^my(app|volume|bridge|container|image|network|net|service|data|user|repo)\d*$/.test(t);
}

/** One spelling for the shell's ways of naming the working directory and the user. */
function canonicalWord(value: string): string {
  return value
    .replace(/\$\(pwd\)|\$\{PWD\}|`pwd`/g, '$PWD')
    .replace(/\$\{USER\}/g, '$USER')
    .toLowerCase();
}

const wellFormed = (value: string) => value !== '' && !value.startsWith('-');

function partsMatch(expected: string[], given: string[], open: OpenTest): boolean {
  return expected.length === given.length && expected.every((e, i) => canonicalWord(e) === canonicalWord(given[i]) || (open(e) && wellFormed(given[i])));
}

const MOUNT_KEYS: Record<string, string> = { src: 'source', dst: 'target', destination: 'target', ro: 'readonly' };
const MOUNT_DEFAULTS: Record<string, string> = { type: 'volume', readonly: 'false' };

function mountFields(value: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const field of value.split(',')) {
    if (field === '') continue;
    const eq = field.indexOf('=');
    const rawKey = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const key = MOUNT_KEYS[rawKey] ?? rawKey;
    let fieldValue = eq < 0 ? 'true' : field.slice(eq + 1);
    if (key === 'readonly' && /^(1|true)$/i.test(fieldValue)) fieldValue = 'true';
    if (MOUNT_DEFAULTS[key] === fieldValue.toLowerCase()) continue;
    fields.set(key, fieldValue);
  }
  return fields;
}

function mountsMatch(expected: string, given: string, open: OpenTest): boolean {
  const e = mountFields(expected);
  const g = mountFields(given);
  return e.size === g.size && [...e].every(([key, value]) => g.has(key) && partsMatch([value], [g.get(key)!], open));
}

/** Splits a value into the parts the option gives meaning to, with documented defaults dropped. */
function structure(key: string, value: string): string[] {
  switch (key) {
    case '--publish':
      return value.replace(/\/tcp$/i, '').split(':');
    case '--volume':
      return value.split(':').filter((part, i) => !(i === 2 && part.toLowerCase() === 'rw'));
    case '--env': {
      const eq = value.indexOf('=');
      return eq < 0 ? [value] : [value.slice(0, eq), value.slice(eq + 1)];
    }
    default:
      return value.split(/([:=,])/);
  }
}

export interface ValueSlot {
  key: string;
  valueType: string | null;
}

export function valuesMatch(slot: ValueSlot, expected: string, given: string, open: OpenTest): boolean {
  if (slot.valueType === 'signal') return signalName(expected) === signalName(given);
  if (slot.valueType === 'mount') return mountsMatch(expected, given, open);
  if (canonicalWord(expected) === canonicalWord(given) || (open(expected) && wellFormed(given))) return true;
  return partsMatch(structure(slot.key, expected), structure(slot.key, given), open);
}

/** Whether a value is the option's documented default, so spelling it out changes nothing. */
export function isDefaultValue(slot: ValueSlot & { defaultValue: string }, value: string): boolean {
  if (slot.defaultValue === '' || slot.defaultValue === '[]' || slot.defaultValue === '<nil>') return false;
  if (slot.valueType === 'signal') return signalName(slot.defaultValue) === signalName(value);
  return slot.defaultValue.toLowerCase() === value.toLowerCase();
}
