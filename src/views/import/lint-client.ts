// Runs the deck lints in a Web Worker where there is one (the app), in the calling thread otherwise (unit tests, or a
// worker that fails to start). Cancel terminates the worker.
import type { LintFinding } from '../../lib/domain/deck-lint';
import type { Deck } from '../../lib/domain/model';

export async function lintOffPage(decks: Deck[], signal?: AbortSignal): Promise<LintFinding[]> {
  const here = async () => (await import('../../lib/domain/deck-lint')).lintDecks(decks);
  if (typeof Worker === 'undefined') return here();
  const worker = new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<LintFinding[]>((resolve, reject) => {
      signal?.addEventListener('abort', () => resolve([]), { once: true });
      worker.onmessage = (event: MessageEvent<LintFinding[]>) => resolve(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(event.message));
      };
      worker.postMessage(decks);
    });
  } catch {
    return here();
  } finally {
    worker.terminate();
  }
}
