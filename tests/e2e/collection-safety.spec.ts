// Check the collection, as a learner meets it on a phone: the start-up notice, the Settings action, a clean second run.
import { test, expect, openApp, waitForCollection, readCollection, expectNoAxeViolations } from './fixtures';

test('Check the collection repairs damage in one step and finds nothing the second time; the start-up check points to it', async ({ page }) => {
  await openApp(page, '#/');
  await expect(page.getByRole('link', { name: /Study/ }).first()).toBeVisible();
  // Damage: a card loses its study state, and a state is left without a card.
  await waitForCollection(page);
  await page.evaluate(async () => {
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('drydock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = idb.transaction('states', 'readwrite');
    const store = tx.objectStore('states');
    const first: Record<string, unknown> = await new Promise((resolve) => (store.openCursor().onsuccess = (e) => resolve((e.target as IDBRequest<IDBCursorWithValue>).result.value)));
    store.delete(first.cardId as string);
    store.put({ ...first, cardId: 'no-such-card' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    idb.close();
  });
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'Drydock found 2 problems in your collection' });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await notice.getByRole('link', { name: 'Check the collection' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Check the collection' }).click();
  const result = page.getByTestId('check-result');
  await expect(result).toContainText('Repaired:');
  await expect(result).toContainText('1 card states without a card (removed)');
  await expect(result).toContainText('1 cards without a study state (rebuilt from their reviews)');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Check the collection' }).click();
  await expect(result).toHaveText('No problems found. Nothing was changed.');
  const collection = await readCollection(page);
  expect(collection.states.length).toBe(collection.cards.length);
});

