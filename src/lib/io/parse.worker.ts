// Parses a deck file off the main thread, so even a large JSON.parse or an Anki collection query cannot freeze the page.
// Cancel terminates the worker outright.
import { openDeckFile } from './open-file';

export type ParseWorkerMessage = { type: 'progress'; fraction: number } | { type: 'result'; result: Awaited<ReturnType<typeof openDeckFile>> };

self.onmessage = async (event: MessageEvent<{ file: File }>) => {
  const post = (message: ParseWorkerMessage) => (self as unknown as Worker).postMessage(message);
  let last = 0;
  const result = await openDeckFile(event.data.file, {
    onProgress: (fraction) => {
      if (fraction - last >= 0.02 || fraction >= 1) {
        last = fraction;
        post({ type: 'progress', fraction });
      }
    },
  });
  post({ type: 'result', result });
};
