// Classifies each line of a notes file by its leading marker. Linear and regex-light on purpose:
// every pattern here is anchored and has no nested quantifiers, so hostile input stays fast.

import type { ExplicitCard } from './markup.ts';
import { keycapToDigit } from './text.ts';

export type LineKind =
  | 'blank'
  | 'rule' // a line of only '#' (the frame around a banner title)
  | 'heading'
  | 'table'
  | 'fence'
  | 'numbered'
  | 'question'
  | 'answer'
  | 'link' // 🔗 lines: commands, or labels of code that follows
  | 'bullet'
  | 'text'
  | 'card'; // a card the note-taker wrote explicitly (see markup.ts)

export interface Line {
  no: number;
  raw: string;
  kind: LineKind;
  indent: number;
  /** The leading marker as written (emoji, '-', '1.'), '' for plain text. */
  marker: string;
  /** Heading level (1 = top-level section) or the item number for numbered lines. */
  level: number;
  /** The line without its marker (emoji inside the text are left for cleaning later). */
  text: string;
  card?: ExplicitCard;
}

/** Markers that open a sub-section (a level-2 heading) in emoji-style notes. */
const SUBSECTION = ['🔄', '🔹'];
const BANNER = '🔷';
const QUESTION = ['❓', '❔'];
const LINK = '🔗';
const ANSWER_WORDS = /^(a|answer)\s*[:.)-]\s*/i;
const QUESTION_WORDS = /^(q|question)\s*[:.)-]\s*/i;

/** Leading pictographs (with selectors/joiners) — the decoration that acts as a bullet. */
const LEADING_EMOJI = /^(?:[\p{Extended_Pictographic}\u27A4\u2794\u27A2\u2022\u25AA\u25B8\u25BA](?:\uFE0F|\u200D\p{Extended_Pictographic})*\s*)+/u;

export function lexLine(raw: string, no: number): Line {
  const expanded = raw.replace(/\t/g, '  ');
  const indent = expanded.length - expanded.trimStart().length;
  const trimmed = expanded.trim();
  const base = { no, raw, indent };
  if (trimmed === '') return { ...base, kind: 'blank', marker: '', level: 0, text: '' };
  if (/^#{3,}$/.test(trimmed)) return { ...base, kind: 'rule', marker: '#', level: 0, text: '' };
  if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
    return { ...base, kind: 'fence', marker: trimmed.slice(0, 3), level: 0, text: trimmed.slice(3).trim() };
  }
  // Most lines are plain prose: skip the marker patterns when the first character cannot start one.
  if (/^[A-Za-z(“"']/.test(trimmed) && !/^(q|question|a|answer)\s*[:.)-]/i.test(trimmed) && !trimmed.includes('|') && !/^[A-Za-z]{2,12}\s+\d/.test(trimmed)) {
    return { ...base, kind: 'text', marker: '', level: 0, text: trimmed };
  }
  const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
  if (heading && indent === 0) return { ...base, kind: 'heading', marker: heading[1], level: heading[1].length, text: heading[2].replace(/\s#+\s*$/, '') };
  // Tables with or without outer pipes ("a | b" over "--- | ---"); the parser checks for the separator row.
  if (trimmed.startsWith('|') || (/^[^|`]+\s\|\s[^|]+/.test(trimmed) && !/^[\p{Extended_Pictographic}]/u.test(trimmed) && !/^([-*+]|\d{1,3}[.)])\s/.test(trimmed))) {
    return { ...base, kind: 'table', marker: '|', level: 0, text: trimmed };
  }
  if (trimmed.startsWith(BANNER)) return { ...base, kind: 'heading', marker: BANNER, level: 1, text: trimmed.slice(BANNER.length) };
  for (const m of SUBSECTION) {
    if (trimmed.startsWith(m)) return { ...base, kind: 'heading', marker: m, level: 2, text: trimmed.slice(m.length) };
  }
  for (const m of QUESTION) {
    if (trimmed.startsWith(m)) return { ...base, kind: 'question', marker: m, level: 0, text: trimmed.slice(m.length).trim() };
  }
  const plain = trimmed.replace(/^\*\*([^*]{1,12})\*\*/, '$1');
  if (QUESTION_WORDS.test(plain)) return { ...base, kind: 'question', marker: 'Q:', level: 0, text: plain.replace(QUESTION_WORDS, '').replace(/^\*\*\s*/, '') };
  if (ANSWER_WORDS.test(plain) && /^(a|answer)\b/i.test(plain) && !/^a\s/i.test(plain)) {
    return { ...base, kind: 'answer', marker: 'A:', level: 0, text: plain.replace(ANSWER_WORDS, '').replace(/^\*\*\s*/, '') };
  }
  if (trimmed.startsWith(LINK)) return { ...base, kind: 'link', marker: LINK, level: 0, text: trimmed.slice(LINK.length).trim() };
  const numbered = numberedLine(trimmed);
  if (numbered) return { ...base, ...numbered };
  const md = /^([-*+])\s+(.*)$/.exec(trimmed);
  if (md) return { ...base, kind: 'bullet', marker: md[1], level: 0, text: md[2] };
  const emoji = LEADING_EMOJI.exec(trimmed);
  if (emoji) {
    const marker = emoji[0].trim();
    const text = trimmed.slice(emoji[0].length).trim();
    if (ANSWER_WORDS.test(text) && /^answer/i.test(text)) return { ...base, kind: 'answer', marker, level: 0, text: text.replace(ANSWER_WORDS, '') };
    return { ...base, kind: 'bullet', marker, level: 0, text };
  }
  return { ...base, kind: 'text', marker: '', level: 0, text: trimmed };
}

/** "1️⃣ Title", "❌ Problem 2️⃣: Title", "Case 3️⃣: Title", "1. Title", "2) Title". */
function numberedLine(trimmed: string): Pick<Line, 'kind' | 'marker' | 'level' | 'text'> | null {
  const head = trimmed.slice(0, 40);
  if (head.includes('\u20E3') || trimmed.startsWith('\u{1F51F}')) {
    const rest = keycapToDigit(trimmed);
    const m = /^(?:[\p{Extended_Pictographic}]\uFE0F?\s*)?(?:([A-Za-z]{2,12})\s+)?(\d{1,2})\s*[:.)]?\s*(.*)$/u.exec(rest);
    if (m) {
      const label = m[1] ? `${m[1]} ${m[2]}` : '';
      return { kind: 'numbered', marker: label || m[2], level: Number(m[2]), text: m[3].trim() };
    }
  }
  const md = /^(\d{1,3})[.)]\s+(.*)$/.exec(trimmed);
  if (md) return { kind: 'numbered', marker: `${md[1]}.`, level: Number(md[1]), text: md[2] };
  return null;
}

/** Dockerfile instructions: notes often paste Dockerfiles without a code fence. */
export function isDockerfileLine(text: string): boolean {
  return /^(FROM|RUN|COPY|WORKDIR|CMD|ENTRYPOINT|EXPOSE|ENV|ARG|ADD|USER|LABEL|VOLUME|HEALTHCHECK|SHELL|STOPSIGNAL|ONBUILD)\s/.test(text.trim());
}

/** Lines of a directory tree drawing (├── src/). */
export function isTreeLine(text: string): boolean {
  return /^[│├└]/.test(text.trim()) || text.trim() === '.';
}

/** Ranks how strongly a marker groups the lines after it (higher groups lower). */
export function markerRank(line: Pick<Line, 'kind' | 'marker'>): number {
  if (line.kind === 'text') return 3;
  if (line.kind === 'question') return 3;
  if (line.kind === 'link') return 2;
  if (['❌', '✅', '❗', '⚡', '📌', '🎯', '📁', '🔐', '🌟', '❓', '✳', '🧠', '💡'].some((m) => line.marker.startsWith(m))) return 2;
  return 1;
}
