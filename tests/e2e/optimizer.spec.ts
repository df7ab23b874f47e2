import { test, expect, openInstalledApp, waitForCollection, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';
import { simulateLearner, TRUE_PARAMETERS } from '../fixtures/simulated-learner';

const DAY = 86_400_000;
/** The simulated learner's first day, and how many bundled cards it reviews. */
const SIMULATION_START = Date.UTC(2026, 4, 17);
const SIMULATED_CARDS = 300;

/** Writes a simulated learner's few thousand reviews (true memory: known non-default FSRS parameters) onto bundled cards. */
async function seedSimulatedReviews(page: Page): Promise<number> {
  await waitForCollection(page);
  const cards = await page.evaluate(() => new Promise<number>((resolve) => {
    indexedDB.open('drydock').onsuccess = (e) => {
      const db = (e.target as IDBOpenDBRequest).result;
      const req = db.transaction('states').objectStore('states').count();
      req.onsuccess = () => (db.close(), resolve(req.result));
    };
  }));
  expect(cards).toBeGreaterThanOrEqual(SIMULATED_CARDS);
  // Forgetting much steeper than the defaults say (FSRS-6's last parameter): a few hundred later-day reviews show the
  // fitted set's gain beyond noise, so Apply is offered (docs/scheduling.md, "Apply only beyond noise").
  const parameters = [...TRUE_PARAMETERS.slice(0, 20), 0.7];
  // One fixed simulated history, moved to end five days ago: the fitted set, and so the intervals compared below, do
  // not depend on today's date. (Simulated from today's date instead, a history could fit a set whose labels for the
  // card below round to the defaults' at some times of day, or that Apply is not offered for.)
  const simulated = simulateLearner({ start: SIMULATION_START, days: 195, cards: SIMULATED_CARDS, parameters });
  const shift = Math.floor(Date.now() / DAY) * DAY - 200 * DAY - SIMULATION_START;
  const logs = simulated.map((log) => ({ ...log, review: log.review + shift }));
  return page.evaluate(async (logs) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('drydock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const states = await new Promise<{ cardId: string; deckId: string }[]>((resolve) => {
      const req = db.transaction('states').objectStore('states').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    const cardOf = new Map<string, { cardId: string; deckId: string }>();
    const tx = db.transaction('reviews', 'readwrite');
    for (const log of logs) {
      if (!cardOf.has(log.cardId)) cardOf.set(log.cardId, states[cardOf.size]);
      const card = cardOf.get(log.cardId)!;
      tx.objectStore('reviews').add({
        cardId: card.cardId, deckId: card.deckId, rating: log.rating, state: log.state, review: log.review, due: log.review,
        stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, durationMs: 5000, source: 'study',
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    // One card in review and overdue: it comes first in study, and its Hard/Good/Easy intervals follow the parameters
    // (a new card's learning steps would not). Overdue, its recall depends on the forgetting curve the fit changed:
    // for this history, the longest of the three intervals moves by at least a fifth at every time of day.
    const now = Date.now();
    const stateTx = db.transaction('states', 'readwrite');
    stateTx.objectStore('states').put({
      ...states[0], state: 2, stability: 3, difficulty: 5, reps: 4, lapses: 0, elapsed_days: 18, scheduled_days: 3,
      learning_steps: 0, last_review: now - 18 * 86_400_000, due: now - 15 * 86_400_000,
    });
    await new Promise<void>((resolve, reject) => {
      stateTx.oncomplete = () => resolve();
      stateTx.onerror = () => reject(stateTx.error);
    });
    db.close();
    return logs.length;
  }, logs);
}

/** The four rating buttons' interval labels for the first card of "Study all". */
async function firstCardIntervals(page: Page): Promise<string[]> {
  await page.goto('./#/study/all');
  await page.getByRole('button', { name: /Show answer/ }).click();
  // Choice and typed cards are answered first; any answer reveals the grades.
  const group = page.getByRole('group', { name: 'How well did you know it?' });
  await expect(group).toBeVisible();
  return group.locator('.interval').allTextContents();
}

// Offline at the end: the optimiser's wasm must come from the service worker's cache.
// The day boundaries the fit sees are UTC's, as in the simulation.
test.use({ serviceWorkers: 'allow', timezoneId: 'UTC' });

test('optimise the scheduler from a few thousand reviews: figures first, apply, intervals change, restore, offline', async ({ page, context }) => {
  test.setTimeout(180_000);
  await openInstalledApp(page);
  await expect(page.locator('li[data-deck-id]').first()).toBeVisible();
  await page.goto('./#/settings');
  const panel = page.getByRole('region', { name: 'Optimise my scheduler' });
  await expect(panel.getByTestId('optimiser-needed')).toHaveText('Available from 400 reviews. You have 0: 400 more needed.');
  await expect(page.getByTestId('retention-cost')).toContainText('0.95');

  const seeded = await seedSimulatedReviews(page);
  expect(seeded).toBeGreaterThan(2000);
  const before = await firstCardIntervals(page);

  await page.goto('./#/settings');
  await expect(panel.getByTestId('active-parameters')).toHaveText('Scheduling with: the default parameters');
  await panel.getByRole('button', { name: 'Optimise my scheduler' }).click();
  await expect(panel.getByRole('progressbar')).toBeVisible();
  const result = panel.getByTestId('optimiser-result');
  await expect(result).toBeVisible({ timeout: 90_000 });
  const cells = await result.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll('td')[0].textContent)));
  expect(cells[1]).toBeLessThan(cells[0]);
  await expectNoAxeViolations(page);

  await panel.getByRole('button', { name: 'Apply new parameters' }).click();
  await expect(panel.getByText('Applied. Your next answer is scheduled with your own parameters.')).toBeVisible();
  await expect(panel.getByTestId('active-parameters')).toContainText(`your parameters (`);
  await expect(panel.getByTestId('active-parameters')).toContainText(`from ${seeded.toLocaleString('en')} reviews`);

  const after = await firstCardIntervals(page);
  expect(after).not.toEqual(before);

  // The previous set (the defaults) comes back with one tap, and so do the intervals.
  await page.goto('./#/settings');
  await panel.getByRole('button', { name: 'Restore defaults' }).click();
  await expect(panel.getByTestId('active-parameters')).toHaveText('Scheduling with: the default parameters');
  expect(await firstCardIntervals(page)).toEqual(before);

  // The optimiser was cached when it first loaded, so it runs offline too; Cancel stops it and changes nothing.
  await context.setOffline(true);
  await page.goto('./#/settings');
  await panel.getByRole('button', { name: 'Optimise my scheduler' }).click();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByText('Cancelled. Nothing changed.')).toBeVisible();
  await panel.getByRole('button', { name: 'Optimise my scheduler' }).click();
  await expect(result).toBeVisible({ timeout: 90_000 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await context.setOffline(false);
});
