import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { homeCounts, reviewCount, seedDeck } from './study-helpers';

test('studying every card kind: respond, reveal, grade, undo, and the progress survives a reload', async ({ page }) => {
  await openApp(page);
  await seedDeck(page);
  await page.reload();
  expect(await homeCounts(page, 'e2e-deck')).toEqual({ new: 6, learning: 0, due: 0 });
  await page.locator('li[data-deck-id="e2e-deck"] a').click();

  const face = page.locator('.card-face');
  const showAnswer = page.getByRole('button', { name: /Show answer/ });
  const grade = (label: string) => page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: new RegExp(label) });

  // Basic: Markdown renders, the four buttons show their intervals.
  await expect(page.getByRole('heading', { name: 'E2E every kind' })).toBeVisible();
  await expect(face.locator('code', { hasText: 'docker ps' })).toBeVisible();
  await expect(page.locator('.remaining')).toContainText('6 new · 0 learning · 0 due');
  await showAnswer.click();
  await expect(face.locator('pre code')).toContainText('docker ps -a');
  await expect(face.locator('li')).toContainText('shows stopped ones too');
  for (const [label, interval] of [['Again', '1m'], ['Hard', '6m'], ['Good', '10m']]) {
    await expect(grade(label)).toContainText(interval);
  }
  await expect(grade('Easy')).toContainText(/\d+d/);
  await grade('Good').click();
  await expect(page.locator('.remaining')).toContainText('5 new · 1 learning · 0 due');

  // Cloze: every deletion hidden together, the hint shown.
  await expect(face).toContainText('[c…]');
  await expect(face).not.toContainText('read-only layers');
  await showAnswer.click();
  await expect(face.locator('mark.cloze')).toHaveText(['read-only layers', 'config']);
  await grade('Good').click();

  // Choice: pick a wrong option -> the answer shows at once (Fewer taps), Again is suggested, yet Good can still be pressed.
  await face.getByRole('radio', { name: '-t' }).check();
  await expect(face).toContainText('Not quite');
  await expect(grade('Again')).toHaveClass(/suggested/);
  await grade('Hard').click();

  // Typed: another spelling of the same command is accepted, with nothing marked and a note saying why.
  await face.getByLabel('Your answer').fill('docker image list');
  await showAnswer.click();
  await expect(face).toContainText('Correct');
  await expect(face.locator('del, ins, mark')).toHaveCount(0);
  await expect(face.locator('.notes')).toContainText('docker image list is docker images');
  await expect(grade('Good')).toHaveClass(/suggested/);
  await grade('Good').click();

  // True/false: one tap too.
  await face.getByRole('radio', { name: 'True' }).check();
  await expect(face).toContainText('Correct');
  await expect(grade('Good')).toHaveClass(/suggested/);
  await grade('Easy').click();

  // Hostile content renders as text, runs nothing, and its javascript: link is gone.
  await expect(face).toContainText('Hostile');
  await expect(face.locator('img, script')).toHaveCount(0);
  await expect(face.locator('a[href^="javascript"]')).toHaveCount(0);
  await showAnswer.click();
  await expect(face).toContainText('docker stop <container-id>');
  await expect(face.locator('a[href="https://docs.docker.com"]')).toHaveAttribute('rel', /noopener/);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await grade('Good').click();
  expect(await reviewCount(page)).toBe(6);

  // Undo: the last answer's log entry goes and its card comes back as it was.
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(face).toContainText('Hostile');
  await expect(showAnswer).toBeVisible();
  expect(await reviewCount(page)).toBe(5);

  // Counts on the home screen reflect the answers; a reload keeps them.
  await page.getByRole('link', { name: 'Decks' }).click();
  const after = await homeCounts(page, 'e2e-deck');
  // Four cards are in learning; the one answered Easy is due in days, not today.
  expect(after).toEqual({ new: 1, learning: 4, due: 0 });
  await page.reload();
  expect(await homeCounts(page, 'e2e-deck')).toEqual(after);
  expect(await reviewCount(page)).toBe(5);

  // Persistent storage was requested after the first answer; Settings says whether it was granted.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('persistence')).toHaveText(/^(granted|not granted)$/);
});

test('the done screen says when the next card is due and offers more new cards or review ahead', async ({ page }) => {
  await openApp(page, '#/settings');
  await page.getByLabel('New cards per day').fill('2');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await seedDeck(page);
  await page.goto('./#/study/e2e-deck');
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /Easy/ }).click();
  }
  await expect(page.getByRole('heading', { name: 'Done for today!' })).toBeVisible();
  await expect(page.getByText(/Next card due (tomorrow|in \d+ days)/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Learn 10 more new cards' }).click();
  await expect(page.getByText('4 new')).toBeVisible();
  await page.getByRole('link', { name: 'Decks' }).click();
  await page.goto('./#/study/e2e-deck?mode=ahead');
  await expect(page.locator('.remaining')).toContainText('2 due');
});
