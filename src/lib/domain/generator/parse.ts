// Notes text → a tree of sections, each holding an outline of nodes (items, bullets, tables, code…).
// The outline follows the notes' own cues: headings, numbered emoji items, indentation, labels that
// end with ':' and markers that group weaker markers (❌ Problem → ➤ details).

import { parseCommand } from './command.ts';
import { isDockerfileLine, isTreeLine, lexLine, markerRank, type Line } from './lex.ts';
import { premark, type ExplicitCard } from './markup.ts';

export interface TableRow {
  cells: string[];
  line: number;
}

export interface NoteNode {
  type: 'item' | 'bullet' | 'text' | 'question' | 'answer' | 'link' | 'table' | 'code' | 'card';
  marker: string;
  text: string;
  line: number;
  indent: number;
  /** Item number for numbered items. */
  number?: number;
  children: NoteNode[];
  /** Tables: header cells and body rows (raw cell text). */
  header?: string[];
  rows?: TableRow[];
  /** Code blocks: the code, and the fence language if any. */
  code?: string;
  lang?: string;
  /** Cards the note-taker wrote explicitly. */
  card?: ExplicitCard;
}

export interface Section {
  title: string;
  level: number;
  line: number;
  nodes: NoteNode[];
  sections: Section[];
}

export interface ParsedNotes {
  sections: Section[];
  warnings: string[];
}

const MAX_LINE = 4000;

export function parseNotes(text: string): ParsedNotes {
  const warnings: string[] = [];
  const raw = String(text ?? '')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => {
      if (line.length > MAX_LINE) warnings.push(`Line ${i + 1} is longer than ${MAX_LINE} characters and was shortened.`);
      return line.slice(0, MAX_LINE);
    });
  const marked = premark(raw);
  const lines = marked.lines.map((line, i): Line => {
    const card = marked.cards.get(i);
    if (card) return { no: i + 1, raw: line, kind: 'card', indent: 0, marker: '', level: 0, text: card.question, card };
    const level = marked.headings.get(i);
    if (level) return { no: i + 1, raw: line, kind: 'heading', indent: 0, marker: '#', level, text: line.trim() };
    return asQuestion(lexLine(line, i + 1));
  });
  const root: Section = { title: '', level: 0, line: 0, nodes: [], sections: [] };
  const sectionStack: Section[] = [root];
  let body: Line[] = [];
  const flush = () => {
    const current = sectionStack[sectionStack.length - 1];
    current.nodes.push(...outline(body, warnings));
    body = [];
  };
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'fence') fenced = !fenced;
    if (line.kind === 'rule' && !fenced) continue;
    // A '# comment' inside a code fence is code, never a heading.
    if (fenced && (line.kind === 'heading' || line.kind === 'question')) {
      body.push({ ...line, kind: 'text', marker: '', text: line.raw.trim() });
      continue;
    }
    if (line.kind === 'heading' && !isCodeComment(lines, i)) {
      flush();
      const level = line.level;
      while (sectionStack.length > 1 && sectionStack[sectionStack.length - 1].level >= level) sectionStack.pop();
      const section: Section = { title: line.text.trim(), level, line: line.no, nodes: [], sections: [] };
      sectionStack[sectionStack.length - 1].sections.push(section);
      sectionStack.push(section);
      continue;
    }
    if (line.kind === 'question' && line.level > 0) {
      // A question heading closes deeper sections and sits in its parent's body.
      flush();
      while (sectionStack.length > 1 && sectionStack[sectionStack.length - 1].level >= line.level) sectionStack.pop();
    }
    body.push(line.kind === 'heading' ? { ...line, kind: 'text', marker: '' } : line);
  }
  flush();
  const sections = promoteRootNodes(root);
  // Explicit card markup wins: a file whose writer marked the cards gets those cards, and its other lines are context.
  const explicit = [...marked.cards.values()].filter((c) => c.markup).length;
  if (explicit >= 2) {
    const keepCards = (s: Section) => {
      s.nodes = s.nodes.filter((n) => n.type === 'card');
      s.sections.forEach(keepCards);
    };
    sections.forEach(keepCards);
    warnings.push(`The notes mark ${explicit} cards explicitly; only marked cards were made.`);
  }
  return { sections, warnings };
}

/** "### Q1. What is a Pod?" or "## Why do you need a Service?": a question, answered by what follows it. */
function asQuestion(line: Line): Line {
  if (line.kind !== 'heading' || line.marker.startsWith('#') === false) return line;
  const text = line.text.trim();
  const numbered = /^(?:Q|Question)\s*\d{0,3}\s*[.:)-]\s*(.+)$/i.exec(text);
  if (numbered || (/\?$/.test(text) && line.level >= 2)) {
    return { ...line, kind: 'question', marker: 'Q:', level: line.level, text: (numbered ? numbered[1] : text).replace(/^\d{1,3}[.)]\s+/, '') };
  }
  return line;
}

/** Text before the first heading still deserves cards: it becomes an untitled section. */
function promoteRootNodes(root: Section): Section[] {
  if (root.nodes.length === 0) return root.sections;
  return [{ title: '', level: 1, line: root.nodes[0].line, nodes: root.nodes, sections: [] }, ...root.sections];
}

/** A '# …' line followed by Dockerfile instructions is a comment inside pasted code, not a heading. */
function isCodeComment(lines: Line[], i: number): boolean {
  const line = lines[i];
  if (line.marker !== '#') return false;
  if (/^-{3,}|-{3,}$/.test(line.text.trim())) return true;
  for (let j = i + 1; j < lines.length && j < i + 4; j++) {
    if (lines[j].kind === 'blank') continue;
    return isDockerfileLine(lines[j].raw);
  }
  return false;
}

function nodeOf(line: Line): NoteNode {
  const type = line.kind === 'numbered' ? 'item' : (line.kind as NoteNode['type']);
  const node: NoteNode = { type, marker: line.marker, text: line.text, line: line.no, indent: line.indent, children: [] };
  if (line.kind === 'numbered') node.number = line.level;
  return node;
}

function rankOf(node: NoteNode): number {
  if (node.type === 'item') return 4;
  if (node.type === 'question') return 3;
  return markerRank({ kind: node.type === 'bullet' || node.type === 'answer' ? 'bullet' : (node.type as Line['kind']), marker: node.marker });
}

/** Whether an open node takes `line` as a child (rather than the line being its sibling or an uncle). */
function accepts(parent: NoteNode, line: Line, sawBlank: boolean): boolean {
  if (parent.type === 'item') return true;
  if (parent.type === 'table' || parent.type === 'code') return false;
  const firstChild = parent.children[0];
  if (firstChild && line.indent < firstChild.indent) return false;
  if (parent.type === 'question') {
    return !sawBlank && (line.kind === 'answer' || (line.kind === 'bullet' && /^(✅|❌|✔|➤|👉)/u.test(line.marker)));
  }
  if (sawBlank && !(parent.children.length === 0 && parent.text.trim().endsWith(':')) && line.indent <= parent.indent) return false;
  if (line.indent > parent.indent) return true;
  // "👉 If the output says:" takes the message on the next line, whatever it looks like.
  if (!sawBlank && parent.children.length === 0 && /:\s*$/.test(parent.text) && line.kind !== 'numbered') return true;
  const rank = markerRank(line);
  if (isGroupLabel(parent) && line.marker !== parent.marker) {
    return rank <= rankOf(parent);
  }
  const endsWithColon = /:\s*$/.test(parent.text);
  if (endsWithColon) return rank <= rankOf(parent) && !(parent.children.length > 0 && line.marker === parent.marker && line.indent === parent.indent && line.kind !== 'text');
  return rank < rankOf(parent);
}

const LABEL_MARKERS = ['⚡', '📌', '🎯', '📁', '🔐', '🌟', '❗', '💡', '🧠'];

/** A short title-like line with a labelling emoji ("⚡ Best Practices") heads the list below it. */
function isGroupLabel(node: NoteNode): boolean {
  const titleLike = node.text.trim().split(/\s+/).length <= 6 && !/[.!]\s*$/.test(node.text.trim());
  if (!titleLike || node.type !== 'bullet') return false;
  return LABEL_MARKERS.some((m) => node.marker.startsWith(m)) || (node.marker.startsWith('✅') && /^example/i.test(node.text.trim()));
}

function outline(lines: Line[], warnings: string[]): NoteNode[] {
  const top: NoteNode[] = [];
  const stack: NoteNode[] = [];
  let sawBlank = false;
  const attach = (node: NoteNode) => {
    const parent = stack[stack.length - 1];
    (parent ? parent.children : top).push(node);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'blank') {
      sawBlank = true;
      continue;
    }
    if (line.kind === 'fence') {
      let end = i + 1;
      while (end < lines.length && lines[end].kind !== 'fence') end++;
      const stop = end;
      if (end >= lines.length) warnings.push(`Code fence opened on line ${line.no} is never closed.`);
      popWhile(stack, (n) => n.type !== 'item' && !n.text.trim().endsWith(':'));
      const body = lines.slice(i + 1, stop);
      const shellLines = shellCommands(body);
      // A shell block of a few commands reads as commands, one card each; anything else stays code.
      if (/^(sh|bash|shell|console|zsh|)$/i.test(line.text) && shellLines.length > 0 && shellLines.length <= 12 && shellLines.every((l) => parseCommand(l.text))) {
        for (const l of shellLines) attach({ type: 'link', marker: '```', text: l.text, line: l.no, indent: 0, children: [] });
      } else attach(codeNode(body.map((l) => l.raw), line.no, line.text));
      i = stop;
      sawBlank = false;
      continue;
    }
    if (isDockerfileLine(line.raw) || (line.raw.trimStart().startsWith('#') && isDockerfileStart(lines, i)) || isTreeLine(line.raw)) {
      const start = i;
      while (i + 1 < lines.length && isCodeContinuation(lines, i + 1)) i++;
      while (i > start && lines[i].kind === 'blank') i--;
      popWhile(stack, (n) => n.type !== 'item' && rankOf(n) <= 1 && !n.text.trim().endsWith(':'));
      attach(codeNode(lines.slice(start, i + 1).map((l) => l.raw), line.no, isTreeLine(line.raw) ? 'text' : 'dockerfile'));
      sawBlank = false;
      continue;
    }
    if (line.kind === 'table') {
      const start = i;
      while (i + 1 < lines.length && lines[i + 1].kind === 'table') i++;
      const table = tableNode(lines.slice(start, i + 1));
      const commands = table ? commandRows(table) : null;
      if (commands) {
        popWhile(stack, (n) => n.type !== 'item');
        for (const c of commands) attach(c);
      } else if (table) {
        popWhile(stack, (n) => n.type !== 'item');
        attach(table);
      } else {
        // Lines with pipes but no header separator are prose after all.
        if (i > start) warnings.push(`Table on line ${line.no} has no header separator and was read as text.`);
        for (const l of lines.slice(start, i + 1)) attach({ type: 'text', marker: '', text: l.raw.trim(), line: l.no, indent: l.indent, children: [] });
      }
      sawBlank = false;
      continue;
    }
    if (line.kind === 'link' && /\\\s*$/.test(line.text)) {
      let text = line.text.replace(/\\\s*$/, '');
      while (i + 1 < lines.length && lines[i + 1].kind !== 'blank') {
        i++;
        const continued = /\\\s*$/.test(lines[i].raw);
        text += ` ${lines[i].raw.trim().replace(/\\\s*$/, '')}`;
        if (!continued) break;
      }
      line.text = text.replace(/\s+/g, ' ').trim();
    }
    if (line.kind === 'card') {
      stack.length = 0;
      top.push({ ...nodeOf(line), card: line.card });
      sawBlank = false;
      continue;
    }
    if (line.kind === 'numbered') placeNumbered(stack, line.level);
    else while (stack.length && !accepts(stack[stack.length - 1], line, sawBlank)) stack.pop();
    const node = nodeOf(line);
    attach(node);
    stack.push(node);
    sawBlank = false;
  }
  return top;
}

/** Numbering decides nesting: "1" inside an item starts a sub-list; n after n-1 is that item's sibling. */
function placeNumbered(stack: NoteNode[], n: number): void {
  const previous = findLastIndex(stack, (node) => node.type === 'item' && node.number === n - 1);
  if (previous >= 0) {
    stack.length = previous;
    return;
  }
  const innermostItem = findLastIndex(stack, (node) => node.type === 'item');
  const top = stack[stack.length - 1];
  if (n === 1 && top && top.type !== 'item' && (/[:,]\s*$/.test(top.text) || (isGroupLabel(top) && top.children.length === 0))) return;
  if (n === 1 && innermostItem >= 0) {
    stack.length = innermostItem + 1;
    return;
  }
  stack.length = 0;
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

function popWhile(stack: NoteNode[], test: (n: NoteNode) => boolean): void {
  while (stack.length && test(stack[stack.length - 1])) stack.pop();
}

function isDockerfileStart(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j < i + 4; j++) {
    if (lines[j].kind === 'blank') continue;
    return isDockerfileLine(lines[j].raw);
  }
  return false;
}

function isCodeContinuation(lines: Line[], i: number): boolean {
  const raw = lines[i].raw;
  if (isDockerfileLine(raw) || isTreeLine(raw)) return true;
  if (raw.trimStart().startsWith('#')) return isDockerfileStart(lines, i);
  if (lines[i].kind === 'blank') {
    for (let j = i + 1; j < lines.length && j < i + 4; j++) {
      if (lines[j].kind === 'blank') continue;
      return isDockerfileLine(lines[j].raw) || (lines[j].raw.trimStart().startsWith('#') && isDockerfileStart(lines, j));
    }
  }
  return false;
}

/**
 * The commands of a shell block, each with the `# comment` that describes it (on its own line or after it) as
 * its note: the comment is what the command does, never part of the command.
 */
function shellCommands(body: Line[]): { no: number; text: string }[] {
  const out: { no: number; text: string }[] = [];
  let pending = '';
  for (const l of body) {
    if (l.kind === 'blank') {
      pending = '';
      continue;
    }
    const text = l.raw.trim().replace(/^\$\s+/, '');
    if (text.startsWith('#')) {
      pending = text.replace(/^#+\s*/, '');
      continue;
    }
    const trailing = trailingComment(text);
    const command = trailing ? text.slice(0, trailing.at).trim() : text;
    const note = trailing?.comment || pending;
    out.push({ no: l.no, text: note ? `${command} — ${note}` : command });
    pending = '';
  }
  return out;
}

/** Where a shell comment starts: a `#` after whitespace, outside quotes. */
function trailingComment(text: string): { at: number; comment: string } | null {
  let quote = '';
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && /\s/.test(text[i - 1])) return { at: i, comment: text.slice(i + 1).trim() };
  }
  return null;
}

function codeNode(code: string[], line: number, lang: string): NoteNode {
  return { type: 'code', marker: '```', text: '', line, indent: 0, children: [], code: code.join('\n').replace(/\s+$/, ''), lang };
}

/**
 * A command table ("Command | Description", or a first column of code spans that are all commands) → one
 * command line per row, "cmd — description", so the command rule asks for each as for a listed command.
 */
function commandRows(table: NoteNode): NoteNode[] | null {
  const header = table.header ?? [];
  const rows = table.rows ?? [];
  if (header.length < 2 || rows.length === 0) return null;
  const named = /^(commands?|cmds?|syntax|usage|shortcut)$/i.test(header[0].replace(/[*_`]/g, '').trim());
  const cell = (c: string) => c.trim().replace(/^`([^`]+)`$/, '$1');
  const allCode = rows.every((r) => /^`[^`]+`$/.test((r.cells[0] ?? '').trim()));
  if (!named && !allCode) return null;
  if (!rows.every((r) => parseCommand(cell(r.cells[0] ?? ''), { single: true }))) return null;
  return rows.map((r) => {
    const description = r.cells.slice(1).find((c) => c.trim() !== '') ?? '';
    const command = cell(r.cells[0]);
    return { type: 'link', marker: '|', text: description ? `${command} — ${description.trim()}` : command, line: r.line, indent: 0, children: [] };
  });
}

function splitRow(text: string): string[] {
  let row = text.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

function tableNode(lines: Line[]): NoteNode | null {
  const separator = lines.findIndex((l) => /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(l.raw.trim()));
  if (separator !== 1) return null;
  const header = splitRow(lines[0].raw);
  const rows = lines.slice(2).map((l) => ({ cells: splitRow(l.raw), line: l.no })).filter((r) => r.cells.some((c) => c !== ''));
  return { type: 'table', marker: '|', text: '', line: lines[0].no, indent: 0, children: [], header, rows };
}
