// Turning decorated note text into plain card text: emoji go, their meaning stays.

const KEYCAP = /([0-9#*])\uFE0F?\u20E3/gu;
const KEYCAP_TEN = /\u{1F51F}/gu;
/** Pictographs plus the joiners and selectors that glue emoji sequences together. */
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u200D\u20E3]/gu;
/** Dingbats used as bullets that Unicode does not class as emoji. */
const BULLET_GLYPHS = /[\u27A4\u2794\u27A2\u27A3\u25BA\u25B8\u2023\u2022\u25AA\u25CF\u2713\u2717\u2718]/gu;

/** Emoji that carry meaning on their own (a table cell that is just ✅ means "Yes"). */
const MEANINGFUL: [RegExp, string][] = [
  [/^\s*(✅|✔️?|☑️?|👍)\s*$/u, 'Yes'],
  [/^\s*(❌|✖️?|⛔|🚫|👎)\s*$/u, 'No'],
  [/^\s*⚠️?\s*$/u, 'Partly'],
];

export function keycapToDigit(text: string): string {
  return text.replace(KEYCAP_TEN, '10').replace(KEYCAP, '$1');
}

/** The text of a table cell or short value, with a lone check/cross turned into Yes/No. */
export function cellText(raw: string): string {
  for (const [pattern, meaning] of MEANINGFUL) if (pattern.test(raw)) return meaning;
  return cleanInline(raw);
}

const cleanCache = new Map<string, string>();

/** Removes decoration (emoji, bullet glyphs, Markdown emphasis) and tidies spacing and punctuation. */
export function cleanInline(raw: string): string {
  const cached = cleanCache.get(raw);
  if (cached !== undefined) return cached;
  const clean = cleanUncached(raw);
  // Rules ask for the same line's clean text many times; the cache is bounded so imports cannot grow it forever.
  if (cleanCache.size > 20_000) cleanCache.clear();
  cleanCache.set(raw, clean);
  return clean;
}

function cleanUncached(raw: string): string {
  let text = keycapToDigit(raw);
  // Link markup: the link text stays, the address goes; images and badges go whole.
  text = text.replace(/\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)/g, ' ').replace(/!\[[^\]]*\]\([^)]*\)/g, ' ');
  text = text.replace(/\[([^\]]+)\]\((?:https?:|mailto:|#|\.{0,2}\/)[^)\s]*(?:\s+"[^"]*")?\)/g, '$1');
  text = text.replace(/\[\[(?:[^\]|]*\|)?([^\]]+)\]\]/g, '$1');
  // Obsidian/Logseq tags (#flashcards, #card) and callout markers ([!note]) are filing, not content.
  text = text.replace(/(^|\s)#(?:card|flashcards?|anki|srs|review|reverse)(?:\/[\w/-]+)?\b/gi, '$1').replace(/^>\s*\[![a-z-]+\][+-]?\s*/i, '').replace(/^>\s+/, '');
  text = text.replace(/🆚/gu, ' vs ');
  text = text.replace(/\s*[─━—-]{3,}\s*▶\uFE0F?\s*/gu, ' — ');
  text = text.replace(/\s*[─━]{2,}\s*/gu, ' — ');
  text = text.replace(/\s*↔\uFE0F?\s*/gu, ' <-> ');
  text = text.replace(/\s*[➡⇒]\uFE0F?\s*/gu, ' → ');
  text = text.replace(/(\S)\s+❌\s+(\S)/gu, '$1 ✗ $2');
  text = text.replace(EMOJI, ' ').replace(BULLET_GLYPHS, (g) => (g === '\u2717' ? g : ' '));
  text = text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/__([^_]+)__/g, '$1');
  text = text.replace(/^#{1,6}\s+/, '');
  text = text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  text = text.replace(/\s+/g, ' ').trim();
  // Spaces before punctuation go, except inside code spans (`find . -name` stays as written).
  text = text.split(/(`[^`]*`)/).map((part, i) => (i % 2 ? part : part.replace(/\s+([,.;:?!])(?=\s|$)/g, '$1').replace(/:\s*:/g, ':'))).join('');
  text = text.replace(/^(?:[\s→:;,-]|\.(?![\w/]))+/u, '').replace(/[\s→,;-]+$/u, '');
  // A stray closing quote without an opening one is residue from copy-paste.
  if ((text.match(/"/g) ?? []).length % 2 === 1) text = text.replace(/"(?=\s*$)|"(?=\.$)/, '').replace(/^"/, '');
  return text.trim();
}

/** A heading as a subject: "2. Core Concepts" → "Core Concepts" (the number orders the notes, it is not the subject). */
export function headingTitle(raw: string): string {
  return unshout(cleanInline(raw)).replace(/^(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|[IVX]{1,5}[.)]|(?:part|chapter|section|module|lesson|day|week)\s+\d{1,3}\s*[:.)-])\s+(?=\S)/i, '');
}

const SMALL_WORDS = new Set(['and', 'or', 'of', 'the', 'to', 'in', 'on', 'for', 'with', 'a', 'an', 'by', 'at', 'vs', 'from', 'into', 'how', 'why', 'what', 'not', 'is', 'are']);

/** "IMAGES AND CONTAINERS" → "Images and containers"; short words that are not English stay acronyms (DNS, API). */
export function unshout(title: string): string {
  if (/[a-z]/.test(title) || !/[A-Z]{4,}/.test(title)) return title;
  return title
    .split(' ')
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (w.length <= 3 && !SMALL_WORDS.has(lower) && /^[A-Z0-9]+$/.test(w)) return w;
      if (PROPER.has(lower.replace(/[^a-z.]/g, ''))) return capitalize(lower);
      return i === 0 ? capitalize(lower) : lower;
    })
    .join(' ');
}

export function capitalize(text: string): string {
  return text.length ? text[0].toUpperCase() + text.slice(1) : text;
}

/** Lower-cases the first letter unless the first word is an acronym or a proper-looking name. */
export function decapitalize(text: string): string {
  const first = text.split(/\s/)[0] ?? '';
  if (/^[A-Z0-9]{2,}/.test(first) || /[A-Z].*[A-Z]/.test(first.slice(1)) || /[./:]/.test(first)) return text;
  return text.length ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Title text as sentence case, keeping acronyms and names (Docker, Kubernetes) as they are. */
export function sentenceCase(title: string): string {
  const words = title.split(' ');
  return words
    .map((w, i) => {
      if (i === 0) return capitalize(COMMON_SHOUTED.has(w) ? w.toLowerCase() : w);
      if (/^[A-Z][a-z]+$/.test(w) && !PROPER.has(w.toLowerCase())) return w.toLowerCase();
      if (/^[A-Z]{2,}$/.test(w) && COMMON_SHOUTED.has(w)) return w.toLowerCase();
      return w;
    })
    .join(' ');
}

/** Names that keep their capital letter inside a sentence. */
export function isProperWord(word: string): boolean {
  return PROPER.has(word.toLowerCase());
}

const PROPER = new Set([
  'docker', 'kubernetes', 'linux', 'windows', 'mac', 'google', 'alpine', 'ubuntu', 'debian', 'nginx', 'java',
  'python', 'node', 'node.js', 'react', 'maven', 'swarm', 'aws', 'spring', 'boot', 'hub', 'compose', 'desktop',
  'podman', 'buildah', 'kata', 'gvisor', 'calico', 'flannel', 'mysql', 'prometheus', 'jaeger', 'loki', 'distroless', 'dockerfile', 'spring', 'ec2', 'ubuntu', 'sigterm', 'sigkill',
]);
const COMMON_SHOUTED = new Set(['NOT', 'DO', 'BIG', 'DEAL', 'PREVENT', 'INSTALL', 'DOCKER', 'BEST', 'ONLY', 'FULL', 'NO', 'ALWAYS']);

/** Splits prose into sentences without breaking on "e.g.", decimals, file names or domains. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === '.' || ch === '?' || ch === '!') && (i + 1 === text.length || text[i + 1] === ' ')) {
      const before = text.slice(Math.max(start, i - 5), i);
      if (ch === '.' && /(\be\.g|\bi\.e|\betc|\bvs)$/i.test(before) && i + 1 < text.length) continue;
      const next = text.slice(i + 1).trimStart();
      if (next.length && !/^[A-Z0-9"`(]/.test(next)) {
        // "Which can cause…" after a full stop still starts a new sentence; lowercase does not.
        continue;
      }
      out.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => s.length > 0);
}

/** Packs sentences into chunks of at most `max` characters (a single long sentence stays whole). */
export function chunkSentences(text: string, max = 300): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const sentence of splitSentences(text)) {
    if (current && current.length + 1 + sentence.length > max) {
      chunks.push(current);
      current = sentence;
    } else {
      current = current ? `${current} ${sentence}` : sentence;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Joins list items into one answer line; items keep their own punctuation. */
export function joinItems(items: string[]): string {
  return items.map((i) => i.replace(/[.;]+$/, '')).join('; ');
}

const STOP = new Set([
  'the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'with', 'is', 'are', 'be', 'how', 'why', 'what',
  'when', 'do', 'does', 'we', 'you', 'it', 'its', 'this', 'that', 'vs', 'not', 'use', 'using', 'from', 'by', 'as',
]);

const wordCache = new Map<string, string[]>();

/** Lower-case content words, lightly stemmed, for "does this prompt name its subject" and evidence search. */
export function contentWords(text: string): string[] {
  let words = wordCache.get(text);
  if (words === undefined) {
    if (wordCache.size > 20_000) wordCache.clear();
    wordCache.set(text, (words = findContentWords(text)));
  }
  return words;
}

function findContentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => (w.length > 6 ? w.replace(/ing$/, '') : w))
    .map((w) => (w.length > 4 ? w.replace(/(ies|es|s)$/, (m) => (m === 'ies' ? 'y' : '')) : w))
    .map((w) => SAME_WORD[w] ?? w);
}

/** Short forms and near-synonyms notes use interchangeably, so "dev" matches "development". */
const SAME_WORD: Record<string, string> = {
  dev: 'development', prod: 'production', config: 'configuration', k8s: 'kubernetes', env: 'environment',
  cleanup: 'delete', clean: 'delete', remove: 'delete', removed: 'delete', deleted: 'delete', deletion: 'delete',
  rm: 'delete', img: 'image', repo: 'repository', db: 'database', perf: 'performance', ip: 'ip', addr: 'address',
};

/** Wraps shell-looking text in a code span so the app renders it as code. */
export function codeSpan(text: string): string {
  return text.includes('`') ? text : `\`${text}\``;
}

export function stripTrailingColon(text: string): string {
  return text.replace(/\s*:\s*$/, '').trim();
}

/**
 * Splits text into pieces of at most `max` characters: at sentence ends first, then at '; ',
 * then at ', ' and finally at spaces, so no answer grows past what fits on a phone card.
 */
export function chunkText(text: string, max = 300): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  for (const sentence of splitSentences(text)) pieces.push(...splitPiece(sentence, max));
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current && current.length + 1 + piece.length > max) {
      chunks.push(current);
      current = piece;
    } else current = current ? `${current} ${piece}` : piece;
  }
  if (current) chunks.push(current);
  return chunks;
}

function splitPiece(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  for (const sep of ['; ', ', ', ' ']) {
    const parts = text.split(sep);
    if (parts.length < 2) continue;
    const out: string[] = [];
    let current = '';
    for (const part of parts) {
      const next = current ? `${current}${sep}${part}` : part;
      if (current && next.length > max) {
        out.push(current + sep.trim());
        current = part;
      } else current = next;
    }
    if (current) out.push(current);
    if (out.every((o) => o.length <= max)) return out;
  }
  return [text.slice(0, max)];
}

export function wordCount(text: string): number {
  return text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
}
