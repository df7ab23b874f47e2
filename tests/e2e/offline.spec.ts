import { test, expect, openInstalledApp } from './fixtures';
import { homeCounts, seedDeck } from './study-helpers';

test.use({ serviceWorkers: 'allow' });

test('offline after the first load: the app and the progress are still there, and studying goes on', async ({ page, context }) => {
  await openInstalledApp(page);
  await seedDeck(page);
  await page.goto('./#/study/e2e-deck');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /Good/ }).click();
  await expect(page.locator('.card-face')).toContainText('[c…]');

  await context.setOffline(true);
  await page.goto('./#/');
  await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(await homeCounts(page, 'e2e-deck')).toEqual({ new: 5, learning: 1, due: 0 });

  // Every screen of the study path loads from the cache.
  await page.locator('li[data-deck-id="e2e-deck"] a').click();
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /Again/ }).click();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Desired retention')).toHaveValue('0.90');
  await page.getByRole('link', { name: 'Decks' }).click();
  expect(await homeCounts(page, 'e2e-deck')).toEqual({ new: 4, learning: 2, due: 0 });
  await context.setOffline(false);
});
