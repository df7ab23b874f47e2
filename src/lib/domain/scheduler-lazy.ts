// ts-fsrs (about 6 kB gzip) is first needed when a card is revealed (the interval previews) or answered, so the study
// screen loads it right after its first card is painted instead of before. Whoever needs it awaits loadScheduler();
// an answer given before it arrived waits for it, then is scheduled and stored exactly as any other.
type SchedulerModule = typeof import('./scheduler');

let loaded: SchedulerModule | null = null;
let loading: Promise<SchedulerModule> | null = null;

export function loadScheduler(): Promise<SchedulerModule> {
  loading ??= import('./scheduler').then(
    (m) => (loaded = m),
    (error: unknown) => {
      // A failed fetch (offline before the service worker stored it) is tried again by the next caller.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The scheduler module if it has loaded, for code that must not wait (the reveal shows the answer at once). */
export function schedulerIfLoaded(): SchedulerModule | null {
  return loaded;
}
