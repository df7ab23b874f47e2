// Helpers for the study e2e specs: a deck with every card kind written straight into IndexedDB
// (so the specs don't depend on the bundled decks' content), and reading a deck's counts on the home screen.
import { expect, type Page } from '@playwright/test';
import type { Deck } from '../../src/lib/domain/model';
import { waitForCollection } from './fixtures';

export const E2E_DECK: Deck = {
  formatVersion: 1,
  id: 'e2e-deck',
  title: 'E2E every kind',
  description: 'One card of each kind.',
  tags: ['e2e'],
  source: 'tests',
  cards: [
    { id: 'e2e-basic', kind: 'basic', tags: [], prompt: 'What does `docker ps` list?', answer: 'Running containers:\n\n```sh\ndocker ps -a\n```\n\n- `-a` shows stopped ones too' },
    { id: 'e2e-cloze', kind: 'cloze', tags: [], text: 'An image is a stack of {{c1::read-only layers}} plus {{c2::config::c…}}.' },
    { id: 'e2e-choice', kind: 'choice', tags: [], prompt: 'Which flag runs a container detached?', options: ['`-d`', '`-t`', '`-i`'], correct: [0], explanation: '`-d` detaches.' },
    { id: 'e2e-typed', kind: 'typed', tags: [], prompt: 'Command that lists local images?', answers: ['docker images', 'docker image ls'] },
    { id: 'e2e-tf', kind: 'truefalse', tags: [], statement: 'Containers share the host kernel.', isTrue: true, explanation: 'They do; VMs do not.' },
    {
      id: 'e2e-hostile',
      kind: 'basic',
      tags: [],
      prompt: 'Hostile <img src=x onerror="window.__pwned=1"> [click](javascript:window.__pwned=2) <script>window.__pwned=3</script>',
      answer: 'Stop with `docker stop <container-id>`. [Docs](https://docs.docker.com)',
    },
  ],
};

/** Writes a deck, its cards and New states into the app's database (the app must have opened it once). */
export async function seedDeck(page: Page, deck: Deck = E2E_DECK): Promise<void> {
  await waitForCollection(page);
  await page.evaluate(async (deck) => {
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('drydock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = idb.transaction(['decks', 'cards', 'states'], 'readwrite');
    const now = Date.now();
    tx.objectStore('decks').put({ id: deck.id, title: deck.title, description: deck.description, tags: deck.tags, source: deck.source, origin: 'user', createdAt: now, updatedAt: now });
    deck.cards.forEach((card, order) => {
      tx.objectStore('cards').put({ ...card, deckId: deck.id, order, suspended: 0, retired: 0, createdAt: now, updatedAt: now });
      tx.objectStore('states').put({ cardId: card.id, deckId: deck.id, due: now, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0, inactive: 0 });
    });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    idb.close();
  }, deck);
}

/** A deck's "N new / N learning / N due" on the home screen. */
export async function homeCounts(page: Page, deckId: string): Promise<{ new: number; learning: number; due: number }> {
  const item = page.locator(`li[data-deck-id="${deckId}"]`);
  await expect(item).toBeVisible();
  const read = async (kind: string) => Number(await item.locator(`.count.${kind} strong`).innerText());
  return { new: await read('new'), learning: await read('learning'), due: await read('due') };
}

/** Rows in one table of the collection, read straight from IndexedDB (without reloading the page); 0 if it has none. */
async function rowCount(page: Page, table: string): Promise<number> {
  await waitForCollection(page);
  return page.evaluate(async (table) => {
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('drydock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (!idb.objectStoreNames.contains(table)) {
      idb.close();
      return 0;
    }
    const count = await new Promise<number>((resolve) => {
      const req = idb.transaction(table).objectStore(table).count();
      req.onsuccess = () => resolve(req.result);
    });
    idb.close();
    return count;
  }, table);
}

export const reviewCount = (page: Page) => rowCount(page, 'reviews');

/** Automatic backups kept in this browser. */
export const snapshotCount = (page: Page) => rowCount(page, 'snapshots');
