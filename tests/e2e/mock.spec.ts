// A full mock interview: start screen, ten questions of mixed kinds, results per topic with the missed cards.
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { reviewCount } from './study-helpers';
import type { Page } from '@playwright/test';

/** Answers the current question: self-marked cards alternate right and wrong; checked ones get a plausible answer. */
async function answer(page: Page, i: number) {
  const face = page.locator('.card-face');
  const show = page.getByRole('button', { name: 'Show answer' });
  const check = page.getByRole('button', { name: 'Check answer' });
  await expect(show.or(check)).toBeVisible();
  if (await show.isVisible()) {
    await show.click();
    await page.getByRole('button', { name: i % 2 ? 'I got it wrong' : 'I got it right' }).click();
    return;
  }
  await expect(check).toBeDisabled();
  const typed = face.getByLabel('Your answer');
  if (await typed.isVisible()) await typed.fill('docker');
  else await face.getByRole('radio').or(face.getByRole('checkbox')).first().check();
  await check.click();
}

test('a full mock interview ends on its results, and its answers count as reviews', async ({ page }) => {
  await openApp(page);
  await page.waitForSelector('li[data-deck-id]');
  await page.getByRole('link', { name: 'Mock' }).click();
  await expect(page.getByRole('heading', { name: 'Mock interview' })).toBeVisible();
  await expect(page.getByText('Your answers count as reviews:')).toBeVisible();
  await expect(page.getByText('a wrong answer is recorded as Again and a right one as Good', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('10 questions').check();
  await page.getByRole('button', { name: 'Start the mock interview' }).click();

  await expect(page.getByText('Question 1 of 10', { exact: true })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^1[45]:\d\d$/);
  const kinds = new Set<string>();
  for (let i = 0; i < 10; i++) {
    await expect(page.getByText(`Question ${i + 1} of 10`, { exact: true })).toBeVisible();
    kinds.add(await page.locator('.card-face .kind').innerText());
    if (i === 0) await expectNoAxeViolations(page);
    await answer(page, i);
    await expect(page.getByRole('status').filter({ hasText: /recorded as (Good|Again)/ })).toBeVisible();
    await page.getByRole('button', { name: i === 9 ? 'See results' : 'Next question' }).click();
  }
  expect(kinds.size).toBeGreaterThan(1);

  await expect(page.getByRole('heading', { name: 'Mock interview results' })).toBeVisible();
  const results = page.getByTestId('mock-results');
  await expect(results).toContainText(/\d+ of 10 right/);
  await expect(results).toContainText(/Time taken: \d+:\d\d/);
  await expect(page.getByRole('heading', { name: 'Score by topic' })).toBeVisible();
  await expect(page.locator('table.topics tbody tr').first()).toBeVisible();
  const right = Number((await results.locator('.big strong').innerText()).split(' ')[0]);
  const missed = page.locator('ul.missed > li');
  await expect(missed).toHaveCount(10 - right);
  if (10 - right > 0) {
    await expect(missed.first().getByRole('link', { name: /Open the card in its deck/ })).toHaveAttribute('href', /#\/edit\/.+\?card=.+/);
  }
  await expectNoAxeViolations(page);
  expect(await reviewCount(page)).toBe(10);
  if (10 - right > 0) {
    // The link opens that very card's form in the editor.
    await missed.first().getByRole('link', { name: /Open the card in its deck/ }).click();
    await expect(page.getByRole('heading', { name: 'Edit card' })).toBeVisible();
  }
});

test('axe finds no violations on the mock start screen and a question in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, '#/mock');
  await expect(page.getByText('Your answers count as reviews:')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('20 questions').check();
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  await expect(page.getByText('Question 1 of 20', { exact: true })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^(30|29):\d\d$/);
  await expectNoAxeViolations(page);
  await answer(page, 0);
  await expectNoAxeViolations(page);
});
