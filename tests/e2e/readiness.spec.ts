// Readiness that means what it says: a card just answered Again does not count as known, and the stats screen says
// which day the prediction is for.
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
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
