// Fits FSRS parameters to the learner's reviews off the main thread. fsrs-browser (fsrs-rs compiled to wasm) is
// imported only here, so its 1.7 MB wasm is fetched when the learner asks to optimise and never on the study path.
import init, { Fsrs } from 'fsrs-browser';
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import { readTrainingLogs } from '../db/optimizer';
import { loadSettings } from '../db/settings';
import { fitAndCompare } from '../domain/optimizer/optimise';
import type { OptimiserJob, OptimiserMessage } from './optimizer-protocol';

const post = (message: OptimiserMessage) => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', async (event: MessageEvent<OptimiserJob>) => {
  const job = event.data;
  if (job?.type !== 'optimise') return;
  try {
    const settings = await loadSettings();
    const logs = await readTrainingLogs((read, total) =>
      post({ type: 'progress', fraction: 0.3 * (read / (total || 1)), label: `Read ${read.toLocaleString('en')} of ${total.toLocaleString('en')} reviews` }),
    );
    post({ type: 'progress', fraction: 0.32, label: 'Loading the optimiser' });
    await init({ module_or_path: wasmUrl });
    const outcome = fitAndCompare({
      logs,
      zone: job.zone,
      now: job.now,
      current: settings.fsrsParameters?.w ?? null,
      fit: (flat) => Array.from(new Fsrs().computeParameters(flat.ratings, flat.deltaTs, flat.lengths, undefined, true)),
      onStage: (fraction, label) => post({ type: 'progress', fraction, label }),
    });
    post({ type: 'done', outcome });
  } catch (error) {
    // A panic inside the wasm surfaces as a RuntimeError; the client ends this worker either way.
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
  // One job per worker: release the wasm memory as soon as the answer is sent (the page terminates it too).
  self.close();
});
