// Fewer taps: on a one-answer choice or true/false card, the tap on an option is the answer: the verdict and the
// answer show at once with the suggested grade focused, and right and wrong read in words as well as colour.
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { seedDeck } from './study-helpers';
import type { Page } from '@playwright/test';

const grades = (page: Page) => page.getByRole('group', { name: 'How well did you know it?' });
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

async function passBasicAndCloze(page: Page) {
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: /Show answer/ }).click();
    await grades(page).getByRole('button', { name: /^Good/ }).click();
  }
}

test('choice and true/false in one tap, with the suggested grade focused', async ({ page }) => {
  await openApp(page);
  await page.waitForSelector('li[data-deck-id]');
  await seedDeck(page);
  await page.goto('./#/study/e2e-deck');
  await passBasicAndCloze(page);

  const face = page.locator('.card-face');
  await expect(face).toContainText('Which flag runs a container detached?');
  await face.getByText('-d', { exact: true }).click();
  // One tap: no Show answer in between.
  await expect(face).toContainText('Correct');
  await expect(face.locator('.option.right')).toContainText('✓ Your pick, right');
  await expect(grades(page)).toBeVisible();
  // Grade buttons are named by the grade first, then the interval.
  await expect(grades(page).getByRole('button').first()).toHaveAccessibleName(/^Again, next in \d+m$/);
  expect(await focusedName(page)).toMatch(/^Good, next in/);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');

  await expect(face).toContainText('Command that lists local images?');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await grades(page).getByRole('button', { name: /^Good/ }).click();

  await expect(face).toContainText('Containers share the host kernel.');
  await face.getByText('False', { exact: true }).click();
  await expect(face).toContainText('Not quite');
  await expect(face.locator('.option.wrong')).toContainText('✗ Your pick, wrong');
  await expect(face.locator('.option.right')).toContainText('✓ Right answer');
  expect(await focusedName(page)).toMatch(/^Again, next in/);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

test('with Fewer taps off, picking an option waits for Show answer', async ({ page }) => {
  await openApp(page);
  await page.waitForSelector('li[data-deck-id]');
  await seedDeck(page);
  await page.goto('./#/settings');
  await page.getByLabel('Fewer taps').uncheck();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.goto('./#/study/e2e-deck');
  await passBasicAndCloze(page);
  const face = page.locator('.card-face');
  await face.getByText('-d', { exact: true }).click();
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await expect(face).not.toContainText('Correct');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(face).toContainText('Correct');
});
