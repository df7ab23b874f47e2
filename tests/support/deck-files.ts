// The bundled deck files served from the repository, as the preview server would, for tests of the bundled-deck merge.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, vi } from 'vitest';

/** Stubs fetch for each test of the calling file; the returned list holds the URLs fetched in the current test. */
export function serveDeckFilesFromRepository(): string[] {
  const fetched: string[] = [];
  beforeEach(() => {
    fetched.length = 0;
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(readFileSync(`.${new URL(url, 'http://x').pathname}`, 'utf8'));
    });
  });
  afterEach(() => vi.unstubAllGlobals());
  return fetched;
}
