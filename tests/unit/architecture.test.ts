// The house rules as a test: no import circles (type imports count), and no arrow running up from the pure domain
// into the rooms built on it. Walks every module under src/ and server/ (when present), following relative imports,
// dynamic imports and worker URLs.
import { expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');
const ROOTS = ['src', 'server'].filter((dir) => existsSync(join(ROOT, dir)));
const MODULE = /\.(ts|svelte|js|mjs)$/;

/** Rooms below may not import the rooms above them. */
const FORBIDDEN: Array<{ from: string; to: string[]; why: string }> = [
  { from: 'src/lib/domain/', to: ['src/lib/db/', 'src/lib/io/', 'src/lib/ui/', 'src/views/'], why: 'the domain is pure TypeScript' },
  { from: 'src/lib/io/', to: ['src/lib/db/', 'src/lib/ui/', 'src/views/'], why: 'formats know nothing of storage or screens' },
  { from: 'src/lib/db/', to: ['src/lib/ui/', 'src/views/'], why: 'storage knows nothing of screens' },
  { from: 'server/', to: ['src/lib/db/', 'src/lib/ui/', 'src/views/'], why: 'the server imports domain types, never the browser rooms' },
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? walk(path) : MODULE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The code of a module: a .svelte file's <script> blocks, a TypeScript file whole. */
function scriptOf(path: string, text: string): string {
  if (!path.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** Relative specifiers a module imports: static, type-only, re-exports, dynamic import() and new URL(…, import.meta.url). */
export function specifiersOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const found = ts.preProcessFile(scriptOf(path, text), true, true).importedFiles.map((f) => f.fileName);
  // Markup can hold `{#await import('./x.svelte')}`; a worker is a module too.
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]);
  // A folder (new URL('./migrations/', …)) is read at run time, not imported.
  for (const m of text.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g)) if (!m[1].endsWith('/')) found.push(m[1]);
  return [...new Set(found)].filter((s) => s.startsWith('.'));
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

interface Graph {
  edges: Map<string, string[]>;
  unresolved: string[];
}

function importGraph(): Graph {
  const edges = new Map<string, string[]>();
  const unresolved: string[] = [];
  const files = ROOTS.flatMap((dir) => walk(join(ROOT, dir)));
  for (const file of files) {
    const targets: string[] = [];
    for (const specifier of specifiersOf(file)) {
      const target = resolveImport(file, specifier);
      if (target === null) unresolved.push(`${rel(file)} imports ${specifier}`);
      else if (MODULE.test(target)) targets.push(target);
    }
    edges.set(file, targets);
  }
  return { edges, unresolved };
}

const rel = (path: string) => relative(ROOT, path).split('\\').join('/');

/** Tarjan's strongly connected components; each with more than one module (or a self-import) holds a circle. */
function circles(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(loopThrough(component, edges));
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) connect(v);
  return found;
}

/** One concrete loop inside a component: a shortest path from its first module back to itself. */
function loopThrough(component: string[], edges: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start].map(rel);
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component.map(rel);
}

const graph = importGraph();

test('the walker sees the whole app and resolves every relative import', () => {
  expect(graph.unresolved).toEqual([]);
  const modules = [...graph.edges.keys()].map(rel);
  expect(modules).toContain('src/main.ts');
  expect(modules).toContain('src/lib/domain/model.ts');
  // The walker follows workers and dynamic imports too.
  const importsOf = (path: string) => graph.edges.get(join(ROOT, path))!.map(rel);
  expect(importsOf('src/App.svelte')).toContain('src/views/library/LibraryView.svelte');
});

test('the walker finds a circle and an upward arrow when there is one', () => {
  const a = join(ROOT, 'a.ts');
  const b = join(ROOT, 'b.ts');
  const c = join(ROOT, 'c.ts');
  expect(circles(new Map([[a, [b]], [b, [c]], [c, [a]]]))).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  expect(circles(new Map([[a, [b]], [b, [c]], [c, []]]))).toEqual([]);
  expect(upwardArrows(new Map([[join(ROOT, 'src/lib/domain/x.ts'), [join(ROOT, 'src/lib/db/db.ts')]]]))).toHaveLength(1);
});

function upwardArrows(edges: Map<string, string[]>): string[] {
  const found: string[] = [];
  for (const [from, targets] of edges) {
    const rule = FORBIDDEN.find((r) => rel(from).startsWith(r.from));
    if (!rule) continue;
    for (const to of targets) {
      if (rule.to.some((room) => rel(to).startsWith(room))) found.push(`${rel(from)} → ${rel(to)} (${rule.why})`);
    }
  }
  return found;
}

test('no import circles, counting type imports', () => {
  const loops = circles(graph.edges).map((loop) => loop.join(' → '));
  if (loops.length > 0) console.error(`Import circles:\n${loops.join('\n')}`);
  expect(loops).toEqual([]);
});

test('no import runs up from the domain (or from formats or storage) into the rooms above it', () => {
  const arrows = upwardArrows(graph.edges);
  if (arrows.length > 0) console.error(`Imports running up:\n${arrows.join('\n')}`);
  expect(arrows).toEqual([]);
});
