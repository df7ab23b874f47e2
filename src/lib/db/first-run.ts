// A screen opened straight from a link on first run (stats, mock) needs the bundled decks in the database first.
// When decks are already stored, the merge of any updated bundle carries on in the background.
import { db } from './db';
import { updateBundledDecksIfStale } from './bundled-check';

export async function ensureBundledDecks(now = Date.now()): Promise<void> {
  // A failed merge (offline before the decks were ever cached) leaves the screen working with what is stored.
  const update = updateBundledDecksIfStale(now).catch(() => undefined);
  if ((await db.decks.count()) === 0) await update;
}
