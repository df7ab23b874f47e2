// Readiness that means what it says: a card just answered Again does not count as known, and the stats screen says
// which day the prediction is for.
import { test, expect, openApp, expectNoAxeViolations, localDateInDays } from './fixtures';
import { seedDeck } from './study-helpers';

test('readiness after an Again answer: the missed card counts as not known, a right answer counts', async ({ page }) => {
  // Two stats computations over the bundled decks and three axe runs.
  test.setTimeout(150_000);
  await openApp(page);
  await page.waitForSelector('li[data-deck-id]');
  await seedDeck(page);
  await page.goto('./#/study/e2e-deck');
  const grades = page.getByRole('group', { name: 'How well did you know it?' });
  await page.getByRole('button', { name: /Show answer/ }).click();
  await grades.getByRole('button', { name: /^Again/ }).click();
  await expect(page.locator('.card-face')).toContainText('[c…]');

  await page.getByRole('link', { name: 'Stats' }).click();
  const readiness = page.getByTestId('readiness');
  const row = readiness.locator('li', { hasText: 'E2E every kind' });
  // FSRS would predict full recall right after the answer; a card last answered Again is not known.
  await expect(row.locator('.value')).toHaveText('0%');
  await expect(page.getByTestId('readiness-horizon')).toContainText('cards in a week, on');
  await expect(readiness).toContainText('A card you last answered Again counts as not known until you get it right again.');
  await expectNoAxeViolations(page);

  await page.goto('./#/study/e2e-deck');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await grades.getByRole('button', { name: /^Good/ }).click();
  await page.getByRole('link', { name: 'Stats' }).click();
  const value = Number((await row.locator('.value').innerText()).replace('%', ''));
  // One of six cards, answered Good, recalled at about 81% a week ahead.
  expect(value).toBeGreaterThanOrEqual(12);
  expect(value).toBeLessThanOrEqual(15);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

test('after an Again the interview line on the home screen shows the change, to one decimal', async ({ page }) => {
  await openApp(page);
  await page.waitForSelector('li[data-deck-id]');
  await seedDeck(page);
  // One card of the deck is well known and due today: a review, remembered for weeks, last seen five days ago.
  await page.evaluate(async () => {
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('drydock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = idb.transaction('states', 'readwrite');
    const now = Date.now();
    tx.objectStore('states').put({ cardId: 'e2e-basic', deckId: 'e2e-deck', noteId: 'e2e-basic', due: now - 60_000, stability: 40, difficulty: 4, elapsed_days: 5, scheduled_days: 5, learning_steps: 0, reps: 4, lapses: 0, state: 2, last_review: now - 5 * 86_400_000, inactive: 0 });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    idb.close();
  });
  await page.reload();

  const summary = page.getByTestId('interview-summary');
  const inNineDays = await localDateInDays(page, 9);
  await summary.getByLabel('Interview date').fill(inNineDays);
  await summary.getByRole('button', { name: 'Save date' }).click();
  const countdown = page.getByTestId('interview-countdown');
  // One known card among some 360 new ones: a fraction of a percent, which a whole percent would round to 0%.
  await expect(countdown).toHaveText(/predicted recall 0\.[1-9]%/);
  const recall = async () => Number(/predicted recall ([\d.]+)%/.exec(await countdown.innerText())![1]);
  const before = await recall();

  await page.getByRole('link', { name: 'E2E every kind', exact: true }).click();
  await expect(page.locator('.card-face')).toContainText('docker ps');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: /^Again/ }).click();
  await expect(page.locator('.card-face')).not.toContainText('docker ps');

  await page.goto('./#/');
  // The missed card is remembered less well on the day (FSRS after a lapse): the figure drops where the learner looks.
  await expect(countdown).toHaveText(/^Interview in 9 days — predicted recall \d+\.\d%, target 90%$/);
  await expect.poll(recall).toBeLessThan(before);
  await expectNoAxeViolations(page);
});
