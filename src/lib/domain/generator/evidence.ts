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
  const add = (text: string, top: string, line: number, label = '') => {
    const clean = cleanInline(text);
    if (clean.split(' ').length < 2) return;
    // The label a statement sits under ("Host Network Mode") is part of what it is about.
    const head = label.replace(/:+$/, '');
    const shown = head && head.split(' ').length <= 5 && !clean.startsWith(head) ? `${head}: ${clean}` : clean;
    facts.push({ text: shown, words: new Set(contentWords(`${label} ${clean}`)), top, line });
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
        const childText = node.children.filter((c) => c.type !== 'code' && c.type !== 'link' && c.children.length === 0).map((c) => cleanInline(c.text));
        const text = cleanInline(node.text);
        if (childText.length) add(`${text.replace(/:$/, '')}: ${childText.join(', ')}`, top, node.line);
        else if (node.type !== 'link' && !/:$/.test(text)) add(text, top, node.line, label);
        walkNodes(node.children, top, text.split(' ').length <= 8 ? text : label);
      }
    }
  };
  const walkSection = (section: Section, top: string) => {
    walkNodes(section.nodes, top, cleanInline(section.title));
    for (const sub of section.sections) walkSection(sub, top);
  };
  for (const section of sections) walkSection(section, section.title);

  // Evidence comes from the same top-level section (where the trap's topic is taught). An inverted index
  // per section keeps this linear in the size of the notes: a claim only visits facts sharing a word.
  const bySection = new Map<string, { facts: Fact[]; index: Map<string, number[]> }>();
  for (const fact of facts) {
    let entry = bySection.get(fact.top);
    if (!entry) bySection.set(fact.top, (entry = { facts: [], index: new Map() }));
    const i = entry.facts.push(fact) - 1;
    for (const w of fact.words) {
      const list = entry.index.get(w);
      if (list) list.push(i);
      else entry.index.set(w, [i]);
    }
  }

  return {
    best(claim, top, exclude) {
      const section = bySection.get(top);
      if (!section) return null;
      const { index } = section;
      const idf = (w: string) => Math.log((section.facts.length + 1) / ((index.get(w)?.length ?? 0) + 1));
      const words = [...new Set(contentWords(claim))];
      const scores = new Map<number, number>();
      const shared = new Map<number, number>();
      for (const w of words) {
        const list = index.get(w);
        // Words in most facts say nothing about which fact backs the claim.
        if (!list || list.length > Math.max(50, section.facts.length / 4)) continue;
        const weight = idf(w);
        for (const i of list) {
          scores.set(i, (scores.get(i) ?? 0) + weight);
          shared.set(i, (shared.get(i) ?? 0) + 1);
        }
      }
      let best: Fact | null = null;
      let bestScore = 0;
      for (const [i, raw] of scores) {
        const fact = section.facts[i];
        // One shared word ("production") is a coincidence; backing a claim takes two.
        if (exclude(fact.line) || (shared.get(i) ?? 0) < Math.min(2, words.length)) continue;
        let score = raw;
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
