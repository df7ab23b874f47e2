// Reading notes as their writers marked them up, before the line-by-line outline: cards the note-taker wrote
// explicitly (Obsidian Spaced Repetition `::` / `:::` / `?` / `==cloze==`, Logseq `#card`, RemNote `::` / `>>`,
// `<details><summary>` Q&A), setext and ALL-CAPS headings, and text that is not notes at all (front matter, a
// table of contents, badges, a chatbot's closing offers). Every input line keeps its line number: a line that
// is read here is blanked or rewritten in place, never removed.

export interface ExplicitCard {
  /** The front as written (a question, or a term), or '' for a cloze. */
  question: string;
  answer: string;
  /** `:::` / `??`: the note-taker asked for the reverse card too. */
  reversed?: boolean;
  /** A cloze: the text with `{{c1::…}}` around what is hidden. */
  cloze?: string;
  /** `<details>` Q&A is a note style, not flashcard markup: it does not switch the file to explicit-only. */
  markup: boolean;
}

export interface Premarked {
  lines: string[];
  /** Explicit cards by the (0-based) index of their first line. */
  cards: Map<number, ExplicitCard>;
  /** Heading levels for lines that are headings without `#` (setext, ALL-CAPS); the line is rewritten to its text. */
  headings: Map<number, number>;
}

/** `key:: value` with no space before `::` is a Logseq/Dataview property, not a card. */
const PROPERTY = /^\s*(?:[-*+]\s+)?[A-Za-z][\w-]*::(?!:)\s/;
/** Single-line SR / RemNote cards: `front::back`, `front:::back` (reversed), `front >> back`. */
const INLINE_CARD = /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(.*?\S)\s*(:::|::|>>)\s*(\S.*)$/;
const TASK = /^\s*(?:[-*+]\s+)?(TODO|DOING|DONE|LATER|NOW|WAITING|CANCELED|CANCELLED)\b/;
/** What a chatbot says around its notes: offers, sign-offs, "let me know". */
const CHAT =
  /^\s*(?:[-*+]\s+)?(?:[\p{Extended_Pictographic}\uFE0F]\s*)*(hope (this|that) helps|would you like|do you want me|want me to|shall i|should i also|if you('d| would) like|let me know|feel free to|i can also|i('d| would) be happy|happy (learning|studying|coding)|good luck)\b/iu;
const TOC = /^(table of contents|contents|toc|index)$/i;
const ALL_CAPS = /^[A-Z][A-Z0-9 &/,'()+.-]*[A-Z0-9)]:?$/;
const NOT_A_HEADING = /^(TODO|NOTE|NOTES|TIP|TIPS|WARNING|IMPORTANT|EXAMPLE|OUTPUT|Q|A|FAQ|OK|N\/A)$/;

/** Backslash escapes an exporter adds (`1\\.`, `\\-`, `LD\\_LIBRARY\\_PATH`): the character stays, the backslash goes; code keeps its own. */
export function unescapeMarkdown(line: string): string {
  if (!line.includes('\\')) return line;
  return line
    .split(/(`[^`]*`)/)
    .map((part, k) => (k % 2 === 1 ? part : part.replace(/\\([\\`*_{}[\]()#+\-.!|>~<=:'"$])/g, '$1')))
    .join('');
}

/** "[00:02:06] PROF. OKAFOR:", "(12:40) Speaker 2:", "Interviewer:": who spoke and when, which no card needs. */
const TIMESTAMP = /^\s*[[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?\s*(?:[-–—]\s*)?/;
const SPEAKER = /^(?:[A-Z][A-Za-z.'-]*\.?(?:\s+[A-Z][A-Za-z.'-]*\.?){0,3}(?:\s*\([^)]{1,30}\))?|speaker\s*\d{1,2}|interviewer|candidate|student|teacher|instructor|me)\s*:\s+/i;
/** Spoken openers that carry no fact: "Okay,", "So,", "Um,", "Right,", "Sorry, so", "Good question." */
const FILLER = /^(?:(?:okay|ok|so|um+|uh+|er|well|right|alright|now|yeah|great|sorry|and|then|also|actually|basically|good question|great question)\b(?:[,.!]?\s+|[.!]$))+/i;

/** A spoken line without its filler words, or '' when nothing but filler (or a remark about the room) is left. */
export function unfill(text: string): string {
  return text
    .trim()
    .split(/(?<=[.?!])\s+(?=[A-Z])/)
    .map(unfillSentence)
    .filter(Boolean)
    .join(' ');
}

function unfillSentence(text: string): string {
  let out = text.trim();
  for (let k = 0; k < 3; k++) out = out.replace(FILLER, '').replace(/^(?:let me just|hang on|let's see)\b[^.?!]*[.?!…]+\s*/i, '');
  out = out.replace(/^(no|yes),\s+and\s+that's\s+[^.?!]*[.?!]\s*/i, '');
  out = out.replace(/,\s+(?:for example|for instance|actually|basically|you know),/gi, '');
  return out ? out[0].toUpperCase() + out.slice(1) : '';
}

function stripHtml(text: string): string {
  return text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Lines of an answer block as one answer: bullets joined with "; ", prose with spaces. */
function joinAnswer(lines: string[]): string {
  const kept = lines.map((l) => l.trim()).filter((l) => l !== '' && !PROPERTY.test(l));
  const bullets = kept.filter((l) => /^([-*+]|\d{1,3}[.)])\s+/.test(l)).length;
  const parts = kept.map((l) => stripHtml(l.replace(/^([-*+]|\d{1,3}[.)])\s+/, '')));
  if (bullets >= 2 && bullets === kept.length) return parts.map((p) => p.replace(/[.;]+$/, '')).join('; ');
  return parts.join(' ');
}

function isCommandLike(text: string): boolean {
  return /^`[^`]*$|^\$\s/.test(text.trim());
}

/** `==hidden==`, `{{hidden}}` or Anki's `{{c1::hidden}}` in a line of prose → the cloze text, or null. */
function clozeOf(line: string): string | null {
  const prose = line.replace(/`[^`]*`/g, (m) => '\u0000'.repeat(m.length));
  const hits: [number, number, string][] = [];
  for (const m of prose.matchAll(/==([^=\s][^=]{0,80}?)==|\{\{(?:c\d+::)?([A-Za-z][^{}]{0,80}?)\}\}/g)) {
    hits.push([m.index!, m[0].length, line.slice(m.index!, m.index! + m[0].length).replace(/^==|==$|^\{\{(c\d+::)?|\}\}$/g, '')]);
  }
  if (hits.length === 0) return null;
  let out = '';
  let at = 0;
  for (const [start, length, hidden] of hits) {
    out += `${line.slice(at, start)}{{c1::${hidden.trim()}}}`;
    at = start + length;
  }
  return (out + line.slice(at)).replace(/^\s*(?:[-*+]\s+)/, '').trim();
}

export function premark(input: string[]): Premarked {
  const lines = [...input];
  const cards = new Map<number, ExplicitCard>();
  const headings = new Map<number, number>();
  const blank = (from: number, to: number) => {
    for (let k = from; k <= to && k < lines.length; k++) lines[k] = '';
  };
  // YAML front matter.
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((l, k) => k > 0 && k < 40 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) blank(0, end);
  }
  let fence = false;
  let sawHeading = false;
  let sawContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (/^(```|~~~)/.test(trimmed)) {
      fence = !fence;
      sawContent = true;
      continue;
    }
    if (fence || trimmed === '') continue;
    if (trimmed.includes('\\') && unescapeMarkdown(line) !== line) {
      // Read the line again without its escapes (a changed line has fewer backslashes, so this ends).
      lines[i] = unescapeMarkdown(line);
      i--;
      continue;
    }
    // Transcripts: "[00:02:06] PROF. OKAFOR: Good question. The network namespace…" → the words, without
    // timestamp, speaker or filler; a turn that asks a question and the turn that answers it make a Q&A.
    if (TIMESTAMP.test(line) && SPEAKER.test(line.replace(TIMESTAMP, ''))) {
      const turn = (k: number) => unfill(lines[k].replace(TIMESTAMP, '').replace(SPEAKER, ''));
      const said = turn(i);
      let next = i + 1;
      while (next < lines.length && lines[next].trim() === '') next++;
      if (/\?$/.test(said) && next < lines.length && TIMESTAMP.test(lines[next]) && turn(next)) {
        lines[i] = `Q: ${said}`;
        lines[next] = `A: ${turn(next)}`;
        i = next;
        continue;
      }
      lines[i] = said && !/^(?:see you|that's it|any questions|can everyone|for next week)\b/i.test(said) ? said : '';
      continue;
    }
    // <details><summary>Question</summary> answer </details>
    if (/^<details\b/i.test(trimmed)) {
      let end = i;
      while (end < lines.length && !/<\/details>/i.test(lines[end])) end++;
      const block = lines.slice(i, Math.min(end + 1, lines.length)).join('\n');
      const m = /<summary[^>]*>([\s\S]*?)<\/summary>([\s\S]*?)(?:<\/details>|$)/i.exec(block);
      if (m) {
        const question = stripHtml(m[1]);
        const answer = joinAnswer(m[2].split('\n'));
        blank(i, end);
        if (question && answer) cards.set(i, { question, answer, markup: false });
        i = end;
        continue;
      }
    }
    if (/^<\/?(details|summary|div|p|br|hr|img|a|aside|section|span|center|blockquote)\b[^>]*>\s*$/i.test(trimmed) || /^<!--.*-->$/.test(trimmed)) {
      blank(i, i);
      continue;
    }
    // Badges and image-only lines carry nothing to ask.
    if (/^(\[?!\[[^\]]*\]\([^)]*\)\]?(\([^)]*\))?\s*)+$/.test(trimmed)) {
      blank(i, i);
      continue;
    }
    if (TASK.test(trimmed) || PROPERTY.test(line)) {
      blank(i, i);
      continue;
    }
    if (CHAT.test(trimmed)) {
      // The offer and the list of offers under it.
      let end = i;
      if (/:\s*$/.test(trimmed)) while (end + 1 < lines.length && /^\s*([-*+]|\d{1,3}[.)])\s+/.test(lines[end + 1])) end++;
      blank(i, end);
      continue;
    }
    // A heading-like line followed by a setext underline.
    const next = lines[i + 1]?.trim() ?? '';
    const previous = i > 0 ? lines[i - 1].trim() : '';
    if ((/^=+$/.test(next) || /^-{3,}$/.test(next)) && previous === '' && !/^([-*+>|#]|\d{1,3}[.)]\s)/.test(trimmed) && trimmed.length <= 120) {
      headings.set(i, next.startsWith('=') ? 1 : 2);
      lines[i + 1] = '';
      sawHeading = true;
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    if (heading) {
      sawHeading = true;
      if (TOC.test(heading[2].replace(/[:#*]/g, '').trim())) {
        // A table of contents repeats the headings: skip its list.
        let end = i;
        while (end + 1 < lines.length && !/^#{1,6}\s/.test(lines[end + 1].trim())) end++;
        blank(i + 1, end);
        i = end;
      }
      sawContent = true;
      continue;
    }
    // A line that is only bold text ("**File system layout**"), with a blank line before it: the heading of
    // exports and documents whose writer bolded instead of using heading styles (Google Docs, Word, Confluence).
    const bold = /^\*\*([^*]{2,80})\*\*$|^__([^_]{2,80})__$/.exec(trimmed);
    if (bold && previous === '' && !/[?.:]$/.test((bold[1] ?? bold[2]).trim()) && !/^(q|a|question|answer|note|tip|warning)$/i.test((bold[1] ?? bold[2]).trim()) && (bold[1] ?? bold[2]).split(/\s+/).length <= 10) {
      headings.set(i, !sawContent && !sawHeading ? 1 : 2);
      lines[i] = (bold[1] ?? bold[2]).trim();
      sawHeading = true;
      sawContent = true;
      continue;
    }
    // ALL-CAPS heading lines: a short line of capitals with a blank line before it.
    if (ALL_CAPS.test(trimmed) && /[A-Z]{3}/.test(trimmed) && trimmed.split(/\s+/).length <= 8 && previous === '' && !NOT_A_HEADING.test(trimmed.replace(/:$/, '')) && !/^[A-Z]+\s+\d/.test(trimmed)) {
      headings.set(i, !sawContent && !sawHeading ? 1 : 2);
      lines[i] = trimmed.replace(/:$/, '');
      sawHeading = true;
      sawContent = true;
      continue;
    }
    sawContent = true;
    // Multi-line SR cards: question lines, a lone `?` (or `??` for both ways), answer lines up to a blank line.
    if (/^\?{1,2}$/.test(trimmed) && i > 0 && lines[i - 1].trim() !== '') {
      let start = i - 1;
      while (start > 0 && lines[start - 1].trim() !== '' && !/^#{1,6}\s/.test(lines[start - 1].trim())) start--;
      let end = i;
      while (end + 1 < lines.length && lines[end + 1].trim() !== '') end++;
      const question = joinAnswer(lines.slice(start, i));
      const answer = joinAnswer(lines.slice(i + 1, end + 1));
      if (question && answer) {
        blank(start, end);
        cards.set(start, { question, answer, reversed: trimmed === '??', markup: true });
        i = end;
        continue;
      }
    }
    // Logseq: a block tagged #card; its child blocks are the answer.
    if (/(^|\s)#card\b/i.test(trimmed) && /^\s*[-*+]\s/.test(line)) {
      const indentOf = (text: string) => text.replace(/\t/g, '  ').length - text.replace(/\t/g, '  ').trimStart().length;
      const indent = indentOf(line);
      let end = i;
      while (end + 1 < lines.length && (lines[end + 1].trim() === '' || indentOf(lines[end + 1]) > indent)) end++;
      while (end > i && lines[end].trim() === '') end--;
      const question = trimmed.replace(/^[-*+]\s+/, '').replace(/(^|\s)#card\b/gi, ' ').trim();
      const answer = joinAnswer(lines.slice(i + 1, end + 1));
      if (question && answer) {
        blank(i, end);
        cards.set(i, { question, answer, markup: true });
        i = end;
        continue;
      }
    }
    if (isCommandLike(trimmed)) continue;
    // "**Namespace**: a virtual cluster…" as a paragraph of its own is a term and its definition, as in a list.
    if (/^(\*\*|__)[^*_]{1,40}(:\1|\1:)\s+\S/.test(trimmed) && !/^(\*\*|__)(q|a|question|answer|note|tip|warning|important)\b/i.test(trimmed) && /^\S/.test(line)) {
      lines[i] = `- ${trimmed}`;
    }
    // "1. What does the sticky bit do?" with its answer on the next, unindented line (Google Docs, Word, plain
    // text lose the indentation an outline would give): a question and its answer.
    const listed = /^(?:[-*+]|\d{1,3}[.)])\s+(.{8,}\?)$/.exec(trimmed);
    const after = lines[i + 1] ?? '';
    if (listed && after.trim() !== '' && !/^\s/.test(after) && !/^([-*+>|#]|\d{1,3}[.)]\s|```)/.test(after.trim()) && !/\?$/.test(after.trim())) {
      lines[i] = `Q: ${listed[1]}`;
      lines[i + 1] = `A: ${unescapeMarkdown(after.trim())}`;
      i++;
      continue;
    }
    // `::` inside a code span (`std::vector`) or a URL is not card markup: look for it in the prose only.
    const prose = line.replace(/`[^`]*`/g, (m) => '\u0000'.repeat(m.length));
    const inline = INLINE_CARD.exec(prose);
    if (inline && !/\w::\w+\(/.test(prose) && !/https?:\/\/\S*::/.test(prose)) {
      const separator = inline[2];
      const at = prose.indexOf(separator, prose.indexOf(inline[1]) + inline[1].length);
      const question = line.slice(0, at).replace(/^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?/, '').trim();
      const answer = line.slice(at + separator.length).trim();
      cards.set(i, { question, answer, reversed: separator === ':::', markup: true });
      blank(i, i);
      continue;
    }
    const cloze = clozeOf(line);
    if (cloze && !/^\s*\|/.test(line)) {
      cards.set(i, { question: '', answer: '', cloze, markup: true });
      blank(i, i);
    }
  }
  return { lines, cards, headings };
}
