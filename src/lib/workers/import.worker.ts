// Reads, plans and writes an import off the main thread: the parse, the read of the collection and the one
// read-write transaction all run here, on this worker's own connection to the same database (db.ts, with the sync
// outbox middleware, so a synced collection queues the import's operations in the same transaction). The page keeps
// only the preview. Terminating this worker is Cancel while reading; during the write, Cancel is a message that aborts
// the transaction (nothing is stored), answered like any write.
import { ImportSession } from '../db/import-session';
import type { MediaFile } from '../io/media';
import type { ImportRequest, ImportWorkerMessage } from './import-protocol';

const post = (message: ImportWorkerMessage) => (self as unknown as Worker).postMessage(message);
const session = new ImportSession();
let cleaning: ((media: MediaFile[]) => void) | null = null;
let writing: AbortController | null = null;

/** Posts progress in steps of 2% or more (and at the end), so a big file sends fifty messages, not thousands. */
function progressPoster(): (fraction: number) => void {
  let last = 0;
  return (fraction) => {
    if (fraction - last >= 0.02 || fraction >= 1) {
      last = fraction;
      post({ type: 'progress', fraction });
    }
  };
}

self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  handle(event.data).catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
});

async function handle(message: ImportRequest): Promise<void> {
  if (message.type === 'cleaned') {
    cleaning?.(message.media);
    cleaning = null;
  } else if (message.type === 'open') {
    const { source } = message;
    const onProgress = progressPoster();
    const result = await session.open(
      async () =>
        source.kind === 'file'
          ? (await import('../io/open-file')).openDeckFile(source.file, { onProgress })
          : (await import('../io/share-link')).decodeShareLink(source.payload),
      (svgs) =>
        new Promise((resolve) => {
          cleaning = resolve;
          post({ type: 'clean', media: svgs });
        }),
    );
    post({ type: 'preview', result });
  } else if (message.type === 'write') {
    writing = new AbortController();
    try {
      post({ type: 'written', result: await session.write(message.request, { signal: writing.signal, onProgress: progressPoster() }) });
    } finally {
      writing = null;
    }
  } else if (message.type === 'cancel') {
    writing?.abort();
  }
}
