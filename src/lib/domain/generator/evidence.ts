// Finds the statement in the notes that best backs up (or refutes) a claim, by shared rare words.
// Used to say *why* a trap is wrong with the notes' own words.

import type { NoteNode, Section } from './parse.ts';
import { cellText, cleanInline, contentWords } from './text.ts';

interface Fact {
  text: string;
  words: Set<string>;
  top: string;
  line: number;
}

export interface Evidence {
  best(claim: string, top: string, exclude: (line: number) => boolean): string | null;
}

export function buildEvidence(sections: Section[]): Evidence {
  const facts: Fact[] = [];
  const add = (text: string, top: string, line: number) => {
    const clean = cleanInline(text);
    if (clean.split(' ').length < 2) return;
    facts.push({ text: clean, words: new Set(contentWords(clean)), top, line });
  };
  const walkNodes = (nodes: NoteNode[], top: string, label: string) => {
    for (const node of nodes) {
      if (node.type === 'table' && node.header && node.rows) {
        const header = node.header.map(cellText);
        for (const row of node.rows) {
          const cells = row.cells.map(cellText);
          add(`${cells[0]}: ${cells.slice(1).map((c, i) => `${header[i + 1]} ${c}`).join(', ')}`, top, row.line);
        }
      } else if (node.type !== 'code') {
        const childText = node.children.filter((c) => c.type !== 'code' && c.children.length === 0).map((c) => cleanInline(c.text));
        const text = cleanInline(node.text);
        if (childText.length) add(`${text.replace(/:$/, '')}: ${childText.join(', ')}`, top, node.line);
        else if (node.type !== 'link' && !/:$/.test(text)) add(label && text.split(' ').length < 5 ? `${label}: ${text}` : text, top, node.line);
        walkNodes(node.children, top, text.split(' ').length <= 8 ? text : label);
      }
    }
  };
  const walkSection = (section: Section, top: string) => {
    walkNodes(section.nodes, top, cleanInline(section.title));
    for (const sub of section.sections) walkSection(sub, top);
  };
  for (const section of sections) walkSection(section, section.title);

  const df = new Map<string, number>();
  for (const f of facts) for (const w of f.words) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log((facts.length + 1) / ((df.get(w) ?? 0) + 1));

  return {
    best(claim, top, exclude) {
      const words = new Set(contentWords(claim));
      let best: Fact | null = null;
      let bestScore = 0;
      for (const fact of facts) {
        if (exclude(fact.line)) continue;
        let score = 0;
        for (const w of words) if (fact.words.has(w)) score += idf(w);
        if (fact.top === top) score *= 2;
        // Prefer short, direct statements over long paragraphs that mention everything.
        score /= Math.sqrt(Math.max(4, fact.words.size) / 4);
        if (score > bestScore) {
          best = fact;
          bestScore = score;
        }
      }
      return best && bestScore > 1 ? best.text : null;
    },
  };
}
