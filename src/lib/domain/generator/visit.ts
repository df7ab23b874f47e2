// What every rule sees: one node of the outline with its surroundings and the naming context.

import type { Card } from '../model.ts';
import type { FactOrigin, RuleContext } from './cards.ts';
import type { Evidence } from './evidence.ts';
import type { NoteNode, Section } from './parse.ts';

export interface Visit {
  node: NoteNode;
  parent: NoteNode | null;
  /** The list the node sits in (its parent's children, or the section's top-level nodes). */
  siblings: NoteNode[];
  index: number;
  ctx: RuleContext;
  section: Section;
  /** The visit of the parent node, for rules that need the parent's neighbours. */
  up?: Visit;
}

export interface Env {
  /** Nodes a rule has already turned into cards as part of a larger structure. */
  consumed: Set<NoteNode>;
  evidence: Evidence;
  warnings: string[];
}

export type Rule = (visit: Visit, env: Env) => Card[];

export function origin(visit: Visit, rule: string, ...key: string[]): FactOrigin {
  return { ctx: visit.ctx, line: visit.node.line, key: [rule, ...key] };
}

export function originAt(visit: Visit, line: number, rule: string, ...key: string[]): FactOrigin {
  return { ctx: visit.ctx, line, key: [rule, ...key] };
}

export function nonNull<T>(items: (T | null | undefined)[]): T[] {
  return items.filter((x): x is T => x !== null && x !== undefined);
}
