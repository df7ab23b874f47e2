// Walks the parsed notes and lets every rule look at every node, collecting cards per top-level section.

import type { Card } from '../model.ts';
import { tagSlug } from '../ids.ts';
import type { RuleContext } from './cards.ts';
import { buildEvidence } from './evidence.ts';
import type { NoteNode, Section } from './parse.ts';
import { codeRule } from './rules/code.ts';
import { commandRule } from './rules/commands.ts';
import { factRule } from './rules/facts.ts';
import { itemRule } from './rules/items.ts';
import { markupRule } from './rules/markup.ts';
import { labelListRule, sectionListCards } from './rules/lists.ts';
import { questionRule } from './rules/questions.ts';
import { tableRule } from './rules/tables.ts';
import { trapRule } from './rules/traps.ts';
import { headingTitle } from './text.ts';
import type { Env, Rule, Visit } from './visit.ts';

// Order matters only for `consumed`: structural rules claim nodes before the sentence-level rule.
const RULES: Rule[] = [markupRule, commandRule, questionRule, tableRule, codeRule, itemRule, labelListRule, trapRule, factRule];

export interface SectionCards {
  section: Section;
  cards: Card[];
}

export function collectCards(sections: Section[], source: string, warnings: string[]): SectionCards[] {
  const env: Env = { consumed: new Set(), evidence: buildEvidence(sections), warnings };
  return sections.map((section) => {
    const cards: Card[] = [];
    walkSection(section, [], [], source, env, cards);
    return { section, cards };
  });
}

/**
 * "How containers solve those problems" after "Problems with virtual machines": the heading leans on the one before
 * it, so its subject names that one ("How containers solve the problems with virtual machines").
 */
export function resolveBackReference(title: string, previous: string | undefined): string {
  const m = /\b(those|these|such|the above)\s+([a-z]+)\b/i.exec(title);
  if (!m || !previous) return title;
  const noun = m[2].toLowerCase().replace(/s$/, '');
  const before = headingTitle(previous);
  if (!before.toLowerCase().includes(noun)) return title;
  return title.replace(m[0], lowerFirstWord(before));
}

function lowerFirstWord(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

function walkSection(section: Section, path: string[], idPath: string[], source: string, env: Env, out: Card[], previous?: string): void {
  const title = resolveBackReference(headingTitle(section.title), previous);
  const headingPath = title ? [...path, title] : path;
  const ids = section.title.trim() ? [...idPath, section.title.trim()] : idPath;
  const ctx: RuleContext = { source, headingPath, idPath: ids, tags: [...new Set(headingPath.map(tagSlug).filter(Boolean))] };
  const visitFor = (node: NoteNode, index: number, parent: NoteNode | null = null, siblings = section.nodes, up?: Visit): Visit => ({
    node,
    parent,
    siblings,
    index,
    ctx,
    section,
    up,
  });
  const visitNodes = (nodes: NoteNode[], parent: NoteNode | null, up?: Visit) => {
    nodes.forEach((node, index) => {
      const visit = visitFor(node, index, parent, nodes, up);
      for (const rule of RULES) {
        try {
          out.push(...rule(visit, env));
        } catch (error) {
          // A rule failing on odd input costs that node its cards, never the whole import.
          env.warnings.push(`Line ${node.line}: skipped (${error instanceof Error ? error.message : String(error)}).`);
        }
      }
      visitNodes(node.children, node, visit);
    });
  };
  visitNodes(section.nodes, null);
  out.push(...sectionListCards(section, (node, index) => visitFor(node, index)));
  section.sections.forEach((sub, i) => walkSection(sub, headingPath, ids, source, env, out, section.sections[i - 1]?.title));
}
