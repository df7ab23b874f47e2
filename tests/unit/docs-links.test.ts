// Every relative link in README.md and docs/ points at a file that exists, and at a heading that exists in it.
import { expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const DOCS = join(ROOT, 'docs');
const pages = [join(ROOT, 'README.md'), ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => join(DOCS, f))];

/** Markdown without fenced blocks and code spans, where a bracket is just text. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

export function linksOf(markdown: string): string[] {
  const text = prose(markdown);
  const links = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  for (const m of text.matchAll(/<(?:img|a)\b[^>]*\b(?:src|href)="([^"]+)"/g)) links.push(m[1]);
  return links.filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link));
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as dashes, repeats numbered. */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const slug = heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

test('the checker reads links and anchors as GitHub does', () => {
  expect(linksOf('See [a](docs/a.md#x), ![i](img.png "t"), `[no](code.md)`, [web](https://x.org) and <img src="p.png">.')).toEqual([
    'docs/a.md#x',
    'img.png',
    'p.png',
  ]);
  expect([...anchorsOf('# Scheduling: FSRS, fitted to you\n## Typed answers\n## Typed answers')]).toEqual([
    'scheduling-fsrs-fitted-to-you',
    'typed-answers',
    'typed-answers-1',
  ]);
});

test.each(pages.map((page) => [relative(ROOT, page), page]))('every relative link in %s resolves', (_name, page) => {
  const broken: string[] = [];
  const markdown = readFileSync(page, 'utf8');
  for (const link of linksOf(markdown)) {
    const [path, anchor] = link.split('#');
    const target = path === '' ? page : resolve(dirname(page), decodeURIComponent(path));
    if (!existsSync(target)) {
      broken.push(`${link}: no such file`);
      continue;
    }
    if (anchor && statSync(target).isFile() && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(anchor)) {
      broken.push(`${link}: no heading #${anchor}`);
    }
  }
  expect(broken).toEqual([]);
});

test('the README links every page in docs/', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const linked = new Set(linksOf(readme).map((link) => link.split('#')[0]));
  const missing = readdirSync(DOCS).filter((f) => f.endsWith('.md') && !linked.has(`docs/${f}`));
  expect(missing).toEqual([]);
});
