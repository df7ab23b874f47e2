// What each package and source folder costs on the first screen: builds the app in memory, takes the chunks that
// index.html loads and the screen's own (loaded on demand), minifies every module on its own and gzips each group's code together. The groups overlap less
// than the real chunks compress, so the sum is a little above the bytes served; the bench prints both.
import { build, type Rollup } from 'vite';
import { transform } from 'esbuild';
import { gzipSync } from 'node:zlib';

export interface CostRow {
  group: string;
  kbGzip: number;
}

/** The group a module id belongs to: its npm package, or its folder under src/. */
export function groupOf(id: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];
  if (pkg) return pkg;
  const src = /\/src\/(.*)\/[^/]*$/.exec(id)?.[1];
  return src ? `src/${src}` : /\/src\/[^/]*$/.test(id) ? 'src' : 'other';
}

/** The view each first screen loads on demand (App.svelte). */
const SCREENS = { study: 'src/views/study/StudyView.svelte', home: 'src/views/home/HomeView.svelte' } as const;

/** `screen`: the chunks index.html loads, plus the screen's own chunk and what it imports statically. */
export async function firstScreenCost(screen: keyof typeof SCREENS = 'study'): Promise<CostRow[]> {
  const result = (await build({ logLevel: 'silent', build: { write: false } })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((o) => o.output);
  const html = outputs.find((o) => o.fileName === 'index.html') as Rollup.OutputAsset;
  const initial = new Set([...String(html.source).matchAll(/assets\/([^"]+\.js)/g)].map((m) => `assets/${m[1]}`));
  const chunks = outputs.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  const view = chunks.find((c) => Object.keys(c.modules).some((id) => id.endsWith(SCREENS[screen])));
  const pending = view ? [view.fileName] : [];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (initial.has(file)) continue;
    initial.add(file);
    pending.push(...(chunks.find((c) => c.fileName === file)?.imports ?? []));
  }
  const groups = new Map<string, string[]>();
  for (const out of outputs) {
    if (out.type !== 'chunk' || !initial.has(out.fileName)) continue;
    for (const [id, mod] of Object.entries(out.modules)) {
      const code = (await transform(mod.code ?? '', { minify: true, format: 'esm', loader: 'js' }).catch(() => ({ code: mod.code ?? '' }))).code;
      const list = groups.get(groupOf(id)) ?? [];
      list.push(code);
      groups.set(groupOf(id), list);
    }
  }
  return [...groups]
    .map(([group, codes]) => ({ group, kbGzip: gzipSync(codes.join('\n')).length / 1024 }))
    .filter((r) => r.kbGzip >= 0.05)
    .sort((a, b) => b.kbGzip - a.kbGzip);
}
