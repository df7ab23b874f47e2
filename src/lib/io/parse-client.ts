// Runs openDeckFile in a Web Worker where there is one (the app), in the calling thread otherwise (unit tests).
// Either way the SVG images a package brought are cleaned here, on the page (svg.ts needs a DOM).
import type { FileLike } from './open-file';
import { cancelled, fail, type ImportBundle, type ParseOptions, type Result } from './result';
import type { ParseWorkerMessage } from './parse.worker';

export async function parseDeckFile(file: FileLike, opts: ParseOptions = {}): Promise<Result<ImportBundle>> {
  const result = await parseAnywhere(file, opts);
  if (!result.ok || !result.value.media?.length) return result;
  const { cleanImages } = await import('./svg');
  return { ok: true, value: { ...result.value, media: cleanImages(result.value.media) } };
}

async function parseAnywhere(file: FileLike, opts: ParseOptions): Promise<Result<ImportBundle>> {
  if (typeof Worker === 'undefined' || !(file instanceof Blob)) {
    return (await import('./open-file')).openDeckFile(file, opts);
  }
  if (opts.signal?.aborted) return fail('cancelled', cancelled().message);
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Result<ImportBundle>>((resolve) => {
    const finish = (result: Result<ImportBundle>) => {
      worker.terminate();
      opts.signal?.removeEventListener('abort', abort);
      resolve(result);
    };
    const abort = () => finish(fail('cancelled', cancelled().message));
    opts.signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event: MessageEvent<ParseWorkerMessage>) => {
      if (event.data.type === 'progress') opts.onProgress?.(event.data.fraction);
      else finish(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(fail('malformed', `The file could not be read (${event.message || 'the reader stopped'}). Nothing was changed.`));
    };
    worker.postMessage({ file });
  });
}
