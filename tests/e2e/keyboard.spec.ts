import { test, expect, openApp } from './fixtures';
import { reviewCount, seedDeck } from './study-helpers';

// A desktop: mouse and keyboard, no touch.
test.use({ isMobile: false, hasTouch: false, viewport: { width: 1280, height: 800 } });

test('keyboard: Space reveals, 1–4 grade, U undoes, and typing an answer triggers no shortcut', async ({ page }) => {
  await openApp(page);
  await seedDeck(page);
  await page.goto('./#/study/e2e-deck');
  const face = page.locator('.card-face');
  const ratings = page.getByRole('group', { name: 'How well did you know it?' });

  await expect(face).toContainText('docker ps');
  await expect(page.getByRole('button', { name: /Show answer/ }).locator('kbd')).toHaveText('Space');
  await page.keyboard.press('Space');
  await expect(ratings).toBeVisible();
  await expect(ratings.locator('kbd')).toHaveText(['1', '2', '3', '4']);
  await page.keyboard.press('3');
  await expect(face).toContainText('[c…]');
  expect(await reviewCount(page)).toBe(1);

  await page.keyboard.press('u');
  await expect(face).toContainText('docker ps');
  await expect(ratings).toBeHidden();
  expect(await reviewCount(page)).toBe(0);

  await page.keyboard.press('Enter');
  await expect(ratings).toBeVisible();
  await page.keyboard.press('4');
  await expect(face).toContainText('[c…]');
  await page.keyboard.press('Space');
  await expect(ratings).toBeVisible();
  await page.keyboard.press('3');
  // Choice: digits pick an option before the answer is shown.
  await expect(face).toContainText('detached');
  await page.keyboard.press('1');
  await expect(face.getByRole('radio', { name: '-d' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(ratings.getByRole('button', { name: /Good/ })).toHaveClass(/suggested/);
  await page.keyboard.press('3');

  // Typed: the field has focus; u, digits and space go into the answer.
  const input = face.getByLabel('Your answer');
  await expect(input).toBeFocused();
  await page.keyboard.type('docker image ls u 1');
  await expect(input).toHaveValue('docker image ls u 1');
  await expect(ratings).toBeHidden();
  expect(await reviewCount(page)).toBe(3);
  await input.fill('docker image ls');
  await expect(page.getByRole('button', { name: /Show answer/ }).locator('kbd')).toHaveText('Enter');
  // Escape leaves the field; then the shortcuts work again.
  await page.keyboard.press('Escape');
  await expect(input).not.toBeFocused();
  await page.keyboard.press('Space');
  await expect(face).toContainText('Correct');
  await page.keyboard.press('3');
  await expect(face).toContainText('host kernel');
  expect(await reviewCount(page)).toBe(4);
});
