import { describe, expect, it } from 'vitest';
import { parseNotes, type NoteNode } from '../../../../src/lib/domain/generator/parse';

const text = (nodes: NoteNode[]) => nodes.map((n) => `${n.type}:${n.text}`);

describe('parseNotes', () => {
  it('reads banner headings framed by # lines and 🔄 sub-sections', () => {
    const { sections } = parseNotes(['#####', '🔷 Storage', '#####', 'intro line', '🔄 Volumes', '➤ managed by Docker'].join('\n'));
    expect(sections.map((s) => s.title.trim())).toEqual(['Storage']);
    expect(sections[0].sections.map((s) => s.title.trim())).toEqual(['Volumes']);
    expect(text(sections[0].sections[0].nodes)).toEqual(['bullet:managed by Docker']);
  });

  it('reads ordinary Markdown headings, bullets and fenced code', () => {
    const { sections } = parseNotes(['# Docker', '## Basics', '- one', '  - nested', '```yaml', 'services: {}', '```', '```sh', '$ docker ps', '```'].join('\n'));
    const basics = sections[0].sections[0];
    expect(basics.title).toBe('Basics');
    expect(basics.nodes[0].children.map((c) => c.text)).toEqual(['nested']);
    expect(basics.nodes.find((n) => n.type === 'code')?.code).toBe('services: {}');
    // A shell block made only of commands becomes one command line per command.
    expect(basics.nodes.filter((n) => n.type === 'link').map((n) => n.text)).toEqual(['docker ps']);
  });

  it('keeps "# comment" lines of a pasted Dockerfile inside the code, not as headings', () => {
    const { sections } = parseNotes(['# Images', '# Stage 1: Build', 'FROM node:18 AS builder', 'RUN npm ci', '', '# Stage 2', 'FROM nginx:alpine'].join('\n'));
    expect(sections).toHaveLength(1);
    const code = sections[0].nodes.find((n) => n.type === 'code');
    expect(code?.code?.split('\n')).toHaveLength(6);
  });

  it('nests items by their numbering and bullets by their label', () => {
    const notes = ['🔄 Layers', '1️⃣ Runtime', 'Two components:', '1️⃣ High-level', '2️⃣ Low-level', '2️⃣ OS', '✔ Namespaces', '❌ Weak point', '➤ detail'].join('\n');
    const [section] = parseNotes(notes).sections;
    expect(section.nodes.map((n) => `${n.number}:${n.text}`)).toEqual(['1:Runtime', '2:OS']);
    const [runtime, os] = section.nodes;
    expect(runtime.children[0].children.map((c) => c.text)).toEqual(['High-level', 'Low-level']);
    // An item keeps what follows it until the next item; a ❌ line groups the ➤ details under it.
    expect(os.children.map((c) => c.text)).toEqual(['Namespaces', 'Weak point']);
    expect(os.children[1].children.map((c) => c.text)).toEqual(['detail']);
  });

  it('reads tables, ❓ questions with ✅ answers, and Q:/A: pairs', () => {
    const notes = ['# T', '| Feature | A | B |', '| --- | --- | --- |', '| Size | MBs | GBs |', '❓ Is it small?', '✅ Answer: Yes.', 'Q: Why?', 'A: Because.'].join('\n');
    const nodes = parseNotes(notes).sections[0].nodes;
    const table = nodes.find((n) => n.type === 'table');
    expect(table?.header).toEqual(['Feature', 'A', 'B']);
    expect(table?.rows?.map((r) => r.cells)).toEqual([['Size', 'MBs', 'GBs']]);
    const questions = nodes.filter((n) => n.type === 'question');
    expect(questions.map((q) => [q.text, q.children.map((c) => c.text)])).toEqual([
      ['Is it small?', ['Yes.']],
      ['Why?', ['Because.']],
    ]);
  });

  it('warns instead of failing on an unclosed fence or a table without a separator', () => {
    const { warnings } = parseNotes(['# X', '```', 'code', '| a | b |', '| c | d |'].join('\n'));
    expect(warnings.some((w) => /never closed/.test(w))).toBe(true);
  });
});

describe('tables without outer pipes and pipes in prose', () => {
  it('reads "a | b" tables with a separator row, and keeps a lone line with a pipe as text', () => {
    const notes = ['# T', 'Feature | Pod | Deployment', '--- | --- | ---', 'Scaling | Manual | Automatic', '', 'Use a | b carefully.'].join('\n');
    const nodes = parseNotes(notes).sections[0].nodes;
    const table = nodes.find((n) => n.type === 'table');
    expect(table?.header).toEqual(['Feature', 'Pod', 'Deployment']);
    expect(table?.rows?.map((r) => r.cells)).toEqual([['Scaling', 'Manual', 'Automatic']]);
    expect(nodes.some((n) => n.type === 'text' && n.text === 'Use a | b carefully.')).toBe(true);
  });
});
