// Every fact the notes teach shows up in the bundled decks. What to look for is found by parsing the
// notes (tables, ❓ questions, commands, traps), never by listing line numbers here.
import { describe, expect, it } from 'vitest';
import { commandOf } from '../../../src/lib/domain/generator/rules/commands';
import { TRAP_HEADING } from '../../../src/lib/domain/generator/outline';
import { parseNotes, type NoteNode, type Section } from '../../../src/lib/domain/generator/parse';
import { cleanInline } from '../../../src/lib/domain/generator/text';
import { cardBack, cardFront, type Card } from '../../../src/lib/domain/model';
import { buildDeckFiles } from '../../../src/lib/domain/generator/bundle';
import { readCommittedDecks, readEditorial, readGrouping, readNotes, readSources } from './generator/bundled';

const notes = parseNotes(readNotes());
const decks = readCommittedDecks();
const cards = decks.flatMap((d) => d.cards);
// A fact counts as covered when a bundled card asks it, or when the editorial pass dropped its generated cards
// with a reason (a duplicate of another card, an example drill repeated with other names).
const dropped = new Set(Object.keys(readEditorial().drop ?? {}));
const droppedCards = buildDeckFiles(readSources(), readGrouping()).decks.flatMap((d) => d.cards).filter((c) => dropped.has(c.id));
const linesWithCards = new Set([...cards, ...droppedCards].map((c) => c.provenance?.line));

interface Found {
  node: NoteNode;
  path: string[];
  parent: NoteNode | null;
}

function everyNode(sections: Section[]): Found[] {
  const out: Found[] = [];
  const walk = (nodes: NoteNode[], path: string[], parent: NoteNode | null) => {
    for (const node of nodes) {
      out.push({ node, path, parent });
      walk(node.children, path, node);
    }
  };
  const walkSection = (s: Section, path: string[]) => {
    const here = [...path, cleanInline(s.title)];
    walk(s.nodes, here, null);
    s.sections.forEach((sub) => walkSection(sub, here));
  };
  sections.forEach((s) => walkSection(s, []));
  return out;
}

const nodes = everyNode(notes.sections);
const cardsAt = (line: number) => [...cards, ...droppedCards].filter((c) => c.provenance?.line === line);

describe('coverage of the notes', () => {
  it('turns every table row into at least one card', () => {
    const rows = nodes.filter((f) => f.node.type === 'table').flatMap((f) => f.node.rows ?? []);
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((r) => !linesWithCards.has(r.line)).map((r) => `${r.line}: ${r.cells.join(' | ')}`)).toEqual([]);
  });

  it('turns every ❓ question into a basic card', () => {
    const questions = nodes.filter((f) => f.node.type === 'question');
    expect(questions.length).toBeGreaterThan(5);
    const missing = questions.filter((q) => !cardsAt(q.node.line).some((c) => c.kind === 'basic'));
    expect(missing.map((q) => q.node.text)).toEqual([]);
  });

  it('asks for every command with a typed card', () => {
    const commands = nodes.filter((f) => commandOf(f.node));
    expect(commands.length).toBeGreaterThan(20);
    const missing = commands.filter((f) => !cardsAt(f.node.line).some((c) => c.kind === 'typed'));
    expect(missing.map((f) => f.node.text)).toEqual([]);
  });

  it('covers every lifecycle command with its effect, both ways', () => {
    const lifecycle = nodes.filter((f) => f.path.some((p) => /lifecycle/i.test(p)) && commandOf(f.node));
    expect(lifecycle.length).toBeGreaterThanOrEqual(9);
    for (const f of lifecycle) {
      const here = cardsAt(f.node.line);
      expect(here.some((c) => c.kind === 'typed'), f.node.text).toBe(true);
      expect(here.some((c) => c.kind === 'basic' && /what does/i.test(cardFront(c))), f.node.text).toBe(true);
    }
    const kill = cards.find((c) => c.kind === 'typed' && /sigkill/i.test(cardFront(c)) && !/sigterm/i.test(cardFront(c)));
    const stop = cards.find((c) => c.kind === 'typed' && /sigterm/i.test(cardFront(c)));
    expect(kill && cardBack(kill)).toMatch(/docker kill/);
    expect(stop && cardBack(stop)).toMatch(/docker stop/);
  });

  it('covers every network type, with choice cards whose distractors are the other network types', () => {
    const table = nodes.find((f) => f.node.type === 'table' && /network type/i.test(f.node.header?.[0] ?? ''));
    const types = (table?.node.rows ?? []).map((r) => cleanInline(r.cells[0]));
    expect(types.length).toBeGreaterThanOrEqual(5);
    for (const type of types) {
      const choices = cards.filter((c): c is Extract<Card, { kind: 'choice' }> => c.kind === 'choice' && c.options.includes(type));
      expect(choices.length, type).toBeGreaterThan(0);
      for (const c of choices) expect(c.options.every((o) => types.includes(o)), c.prompt).toBe(true);
    }
  });

  it('turns every common trap into a true/false card that says why', () => {
    const traps = nodes.filter(
      (f) => f.node.type === 'bullet' && f.node.marker.startsWith('❌') && [...f.path, f.parent ? cleanInline(f.parent.text) : ''].some((p) => TRAP_HEADING.test(p)),
    );
    expect(traps.length).toBeGreaterThanOrEqual(8);
    for (const t of traps) {
      const tf = cardsAt(t.node.line).find((c) => c.kind === 'truefalse');
      expect(tf, t.node.text).toBeDefined();
      expect(tf && tf.kind === 'truefalse' && tf.explanation.length).toBeGreaterThan(20);
    }
  });

  it('makes no cards and no deck for an empty section', () => {
    const empty = notes.sections.filter((s) => s.nodes.length === 0 && s.sections.length === 0).map((s) => cleanInline(s.title));
    expect(empty.length).toBeGreaterThan(0);
    for (const title of empty) expect(cards.some((c) => c.provenance?.headingPath.includes(title)), title).toBe(false);
  });
});

describe('size of the bundled decks', () => {
  const topic = (pattern: RegExp) => cards.filter((c) => (c.provenance?.headingPath ?? []).some((h) => pattern.test(h)));
  it.each([
    ['VM-vs-container problems', /virtual machines|vms\b|drawbacks of containers|containers solve/i],
    ['lifecycle commands', /lifecycle/i],
    ['volume vs bind mount', /volume|bind mount/i],
    ['network types', /types of docker networks|networking enables|communicate with/i],
    ['distroless traps', /distroless/i],
  ])('has at least 20 cards on %s', (_name, pattern) => {
    expect(topic(pattern).length).toBeGreaterThanOrEqual(20);
  });

  it('has at least 180 cards in all, of every kind, and one deck per topic', () => {
    expect(cards.length).toBeGreaterThanOrEqual(180);
    for (const kind of ['basic', 'choice', 'typed', 'truefalse']) expect(cards.filter((c) => c.kind === kind).length, kind).toBeGreaterThan(5);
    // A cloze is kept only where it is the one form of its fact (the others restated a basic card).
    expect(cards.filter((c) => c.kind === 'cloze').length).toBeGreaterThan(0);
    expect(decks.map((d) => d.id).sort()).toEqual(['container-lifecycle', 'containers-vs-vms', 'docker-essentials', 'images', 'networking', 'storage']);
  });
});
