// Runs an import (read, plan, write) in its own Web Worker, one worker per import, so neither a large parse nor a
// 100,000-card transaction ever holds the main thread. Where workers are unavailable (unit tests under happy-dom, or a
// file that is not a Blob) the same ImportSession runs in place.
import type { ImportPreview, WriteRequest, WriteResult } from '../db/import-session';
import { announceOutboxWrite } from '../db/sync-outbox';
import type { MediaFile } from '../io/media';
import type { FileLike } from '../io/open-file';
import { cancelled, fail, type ImportBundle, type Result } from '../io/result';
import type { ImportRequest, ImportWorkerMessage } from './import-protocol';

export type { ImportPreview, WriteRequest, WriteResult };

export type ImportFrom = { file: FileLike } | { share: string };

export interface ImportJob {
  /** The preview once the file is read and planned; Cancel gives the 'cancelled' failure; an unexpected error rejects. */
  preview: Promise<Result<ImportPreview>>;
  /** Writes the planned import in one transaction (all of it or nothing); an unexpected error rejects. */
  write(request: WriteRequest): Promise<WriteResult>;
  /** Cancel while reading; afterwards, frees the worker. A write under way is not cut short by this: the worker ends when it answers. */
  close(): void;
  /** Cancel during the write: its transaction is aborted and write() answers with a cancelled result (nothing stored). */
  cancelWrite(): void;
}

const cancelledResult = () => fail('cancelled', cancelled().message);

const workersAvailable = () => typeof Worker !== 'undefined' && typeof window !== 'undefined' && !('happyDOM' in window);

export function startImport(from: ImportFrom, onProgress: (fraction: number) => void): ImportJob {
  if (workersAvailable() && ('share' in from || from.file instanceof Blob)) return inWorker(from as { file: File } | { share: string }, onProgress);
  return inPlace(from, onProgress);
}

async function cleanOnPage(svgs: MediaFile[]): Promise<MediaFile[]> {
  return (await import('../io/svg')).cleanImages(svgs);
}

function inWorker(from: { file: File } | { share: string }, onProgress: (fraction: number) => void): ImportJob {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const send = (request: ImportRequest) => worker.postMessage(request);
  let preview: { resolve: (r: Result<ImportPreview>) => void; reject: (e: Error) => void } | null = null;
  let written: { resolve: (r: WriteResult) => void; reject: (e: Error) => void } | null = null;
  let ended = false;
  const end = () => {
    ended = true;
    worker.terminate();
  };
  const failWith = (error: Error) => {
    preview?.reject(error);
    written?.reject(error);
    preview = written = null;
    end();
  };
  worker.addEventListener('message', (event: MessageEvent<ImportWorkerMessage>) => {
    const message = event.data;
    if (message.type === 'progress') onProgress(message.fraction);
    else if (message.type === 'clean') void cleanOnPage(message.media).then((media) => send({ type: 'cleaned', media }), (e) => failWith(e instanceof Error ? e : new Error(String(e))));
    else if (message.type === 'preview') {
      preview?.resolve(message.result);
      preview = null;
      if (!message.result.ok) end();
    } else if (message.type === 'written') {
      // The worker's outbox listeners are not this page's: the sync controller hears of the queued operations here.
      if (message.result.ok && message.result.queuedSync) announceOutboxWrite();
      written?.resolve(message.result);
      written = null;
      end();
    } else if (message.type === 'failed') failWith(new Error(message.message));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    failWith(new Error(event.message || 'the reader stopped'));
  });
  const result = new Promise<Result<ImportPreview>>((resolve, reject) => (preview = { resolve, reject }));
  send({ type: 'open', source: 'share' in from ? { kind: 'share', payload: from.share } : { kind: 'file', file: from.file } });
  return {
    preview: result,
    write(request) {
      if (ended) return Promise.resolve({ ok: false, message: 'The import was closed before it was saved. Nothing was changed.' });
      return new Promise<WriteResult>((resolve, reject) => {
        written = { resolve, reject };
        send({ type: 'write', request });
      });
    },
    close() {
      if (ended || written) return;
      preview?.resolve(cancelledResult());
      preview = null;
      end();
    },
    cancelWrite() {
      if (!ended && written) send({ type: 'cancel' });
    },
  };
}

function inPlace(from: ImportFrom, onProgress: (fraction: number) => void): ImportJob {
  const controller = new AbortController();
  const writing = new AbortController();
  const session = import('../db/import-session').then(({ ImportSession }) => new ImportSession());
  const read = async (): Promise<Result<ImportBundle>> =>
    'share' in from
      ? (await import('../io/share-link')).decodeShareLink(from.share)
      : (await import('../io/open-file')).openDeckFile(from.file, { signal: controller.signal, onProgress });
  const aborted = new Promise<Result<ImportPreview>>((resolve) => controller.signal.addEventListener('abort', () => resolve(cancelledResult()), { once: true }));
  const opened = session.then((s) => s.open(read, cleanOnPage)).then((r) => (controller.signal.aborted ? cancelledResult() : r));
  return {
    preview: Promise.race([opened, aborted]),
    write: async (request) => (await session).write(request, { signal: writing.signal, onProgress }),
    close: () => controller.abort(),
    cancelWrite: () => writing.abort(),
  };
}
