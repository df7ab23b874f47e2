// Seeds a realistic study history straight into the app's IndexedDB, for the stats e2e specs and screenshots.
import type { Page } from '@playwright/test';
import { waitForCollection } from './fixtures';

/** Gives `studied` of the bundled cards a review history over the last `days` days (deterministic). */
export async function seedHistory(page: Page, { studied = 60, days = 120, now = Date.now() } = {}): Promise<number> {
  await waitForCollection(page);
  return page.evaluate(
    async ({ studied, days, now }) => {
      const DAY = 86_400_000;
      let seed = 42;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('drydock');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = <T,>(store: string): Promise<T[]> =>
        new Promise((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
          req.onerror = () => reject(req.error);
        });
      const states = await all<Record<string, unknown> & { cardId: string; deckId: string }>('states');
      const tx = db.transaction(['states', 'reviews'], 'readwrite');
      let logs = 0;
      for (const s of states.slice(0, studied)) {
        let t = now - Math.floor(random() * days) * DAY - Math.floor(random() * 12) * 3_600_000;
        let stability = 0.5 + random() * 2;
        let state = 0;
        while (t < now) {
          const rating = random() < 0.12 ? 1 : random() < 0.15 ? 2 : random() < 0.9 ? 3 : 4;
          tx.objectStore('reviews').add({
            cardId: s.cardId, deckId: s.deckId, rating, state, due: t, stability, difficulty: 5, elapsed_days: 0,
            last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review: t, durationMs: 4000 + Math.floor(random() * 20000), source: 'study',
          });
          logs++;
          const last = t;
          stability = rating === 1 ? Math.max(0.3, stability * 0.4) : stability * (rating === 2 ? 1.4 : rating === 3 ? 2.3 : 3.2);
          state = rating === 1 ? 3 : 2;
          t += Math.max(1, Math.round(stability)) * DAY + Math.floor(random() * 3_600_000);
          if (t >= now) {
            tx.objectStore('states').put({ ...s, state, stability, difficulty: 5, last_review: last, due: t, reps: 3, lapses: 0, scheduled_days: Math.round(stability) });
          }
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return logs;
    },
    { studied, days, now },
  );
}
