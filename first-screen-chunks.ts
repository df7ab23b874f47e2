// How the build splits the code the two first screens share. Each of the deck list and the study screen loads on
// demand (App.svelte), so the first screen fetches only its own code. Left to itself, Rolldown cuts what the two share
// into a dozen tiny chunks, each one more request before the first card. Here: what only the deck list imports is one
// chunk, what only the study screen imports another, and what both import (outside the entry) a third.
import { resolve } from 'node:path';
import type { Rollup } from 'vite';

type ModuleInfo = Pick<Rollup.ModuleInfo, 'importedIds'>;
interface ChunkingContext {
  getModuleInfo(id: string): ModuleInfo | null;
}

const ENTRY = resolve('src/main.ts');
const HOME = resolve('src/views/home/HomeView.svelte');
const STUDY = resolve('src/views/study/StudyView.svelte');

/** Every module `root` imports statically, directly or not. */
function staticClosure(root: string, ctx: ChunkingContext): Set<string> {
  const seen = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

export function firstScreenChunks() {
  let closures: { entry: Set<string>; home: Set<string>; study: Set<string> } | null = null;
  return {
    // A group takes only the modules it names: by default it would also take their imports, the runtime with them.
    includeDependenciesRecursively: false,
    groups: [
      {
        debugName: 'first-screens',
        name(id: string, ctx: ChunkingContext): string | null {
          closures ??= { entry: staticClosure(ENTRY, ctx), home: staticClosure(HOME, ctx), study: staticClosure(STUDY, ctx) };
          const { entry, home, study } = closures;
          if (entry.has(id) || id.includes('node_modules')) return null;
          if (home.has(id) && study.has(id)) return 'first-screens';
          if (home.has(id)) return 'home';
          if (study.has(id)) return 'study';
          return null;
        },
      },
    ],
  };
}
