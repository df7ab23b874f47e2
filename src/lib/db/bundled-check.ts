// Whether the stored bundled decks are this version's, without the merge's code (bundled.ts, about 4 kB) or a fetch of
// any deck file: the build writes each shipped deck's hash (the one the merge stores as bundleHash) into the app
// (vite.config.ts). When every shipped deck is stored with its hash and no other bundled deck still awaits retiring,
// the merge would change nothing, so it is not loaded. Otherwise it loads and runs exactly as before.
import { db, type DeckRecord } from './db';
import type { MergeReport } from './bundled';
import { noteDecksStored } from './first-visit';

/** File id (decks/<id>.deck.json) → stableId of the file's text, as bundled.ts computes it. */
declare const __BUNDLED_DECK_HASHES__: Record<string, string>;

type StoredDeck = Pick<DeckRecord, 'id' | 'origin' | 'bundleHash'>;

/** True when merging this build's bundled decks into `stored` would find every deck unchanged and retire nothing. */
export function bundledDecksCurrent(stored: StoredDeck[], shipped: Record<string, string> = __BUNDLED_DECK_HASHES__): boolean {
  // A build without decks never retires anything; nothing to merge either.
  if (Object.keys(shipped).length === 0) return true;
  const byId = new Map(stored.map((d) => [d.id, d]));
  // A missing deck may be one the learner deleted (the merge knows); it is checked by the merge itself.
  for (const [id, hash] of Object.entries(shipped)) if (byId.get(id)?.bundleHash !== hash) return false;
  return !stored.some((d) => d.origin === 'bundled' && d.bundleHash !== undefined && !(d.id in shipped));
}

/** updateBundledDecks, loaded and run only when the stored decks are not this version's. */
export async function updateBundledDecksIfStale(now = Date.now(), stored?: StoredDeck[]): Promise<MergeReport[]> {
  if (bundledDecksCurrent(stored ?? (await db.decks.toArray()))) {
    noteDecksStored();
    return [];
  }
  const { updateBundledDecks } = await import('./bundled');
  const reports = await updateBundledDecks(now);
  noteDecksStored();
  return reports;
}
