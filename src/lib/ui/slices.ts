// Long work on the main thread in slices: a slice runs until its time budget is spent, then gives the thread back to
// the browser (input, paint) before the next. A newer request makes an older one stale: it stops at its next pause and
// its result is dropped. The deck editor's search over 100,000 cards runs like this.

/** About the longest a slice runs: well under the 50 ms that makes a long task, with room for a frame's paint. */
export const SLICE_MS = 8;

/** How many items pass between two looks at the clock (reading it for every item costs more than the item). */
const CLOCK_EVERY = 256;

/**
 * Resolves on a later turn of the event loop, once the browser has had the chance to handle input and paint:
 * scheduler.yield() where it exists (the continuation keeps its place ahead of other tasks), else a MessageChannel
 * message (setTimeout would be clamped to 4 ms after a few nested calls).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SliceOptions {
  /** A slice's time budget in ms. */
  budgetMs?: number;
  /** The clock (ms); performance.now by default. */
  now?: () => number;
  /** Gives the thread back between slices; yieldToMain by default. */
  pause?: () => Promise<void>;
  /** True once a newer request made this one stale: the work stops at its next pause. */
  stale?: () => boolean;
}

/**
 * The items `keep` accepts, in order, found in slices of about `budgetMs` each; null when the request went stale
 * before the end (it is never answered with a partial result).
 */
export async function filterInSlices<T>(items: readonly T[], keep: (item: T) => boolean, options: SliceOptions = {}): Promise<T[] | null> {
  const out: T[] = [];
  const done = await eachInSlices(items, (item) => {
    if (keep(item)) out.push(item);
  }, options);
  return done ? out : null;
}

/** Calls `visit` on every item in order, in slices of about `budgetMs`; false when it went stale before the end. */
export async function eachInSlices<T>(items: readonly T[], visit: (item: T, index: number) => void, options: SliceOptions = {}): Promise<boolean> {
  const { budgetMs = SLICE_MS, now = () => performance.now(), pause = yieldToMain, stale = () => false } = options;
  if (stale()) return false;
  let sliceStart = now();
  for (let i = 0; i < items.length; i++) {
    if (i % CLOCK_EVERY === 0 && i > 0 && now() - sliceStart >= budgetMs) {
      await pause();
      if (stale()) return false;
      sliceStart = now();
    }
    visit(items[i], i);
  }
  return true;
}

/**
 * Hands out a ticket per request; a ticket is stale once a newer one was taken (or after cancel()). The latest request
 * wins: a slow search for "do" never overwrites the result of "docker" typed after it.
 */
export class Latest {
  #current = 0;

  take(): () => boolean {
    const ticket = ++this.#current;
    return () => ticket !== this.#current;
  }

  cancel(): void {
    this.#current++;
  }
}
