// A mock round can't be lost by accident: it survives a reload, asks before the tab is left, "End now" asks too,
// and the results offer the missed cards for study.
import { test, expect, openApp, waitForCollection, expectNoAxeViolations } from './fixtures';
import { seedDeck } from './study-helpers';

test('a mock round survives a reload and asks before leaving; the missed cards can be studied at once', async ({ page }) => {
  await openApp(page);
  await page.waitForSelector('li[data-deck-id]');
  await seedDeck(page);
  // Only the seeded deck's cards: suspend every other card so the questions are known.
  await waitForCollection(page);
  await page.evaluate(async () => {
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('drydock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = idb.transaction('states', 'readwrite');
    const store = tx.objectStore('states');
    const all: { cardId: string; deckId: string; inactive: number }[] = await new Promise((resolve) => {
      const req = store.getAll();
      req.onsuccess = () => resolve(req.result);
    });
    for (const s of all) if (s.deckId !== 'e2e-deck' || s.cardId === 'e2e-hostile') store.put({ ...s, inactive: 1 });
    await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
    idb.close();
  });
  await page.goto('./#/mock');
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  await expect(page.getByText('Question 1 of 5', { exact: true })).toBeVisible();

  // Answer the first question wrong, whatever its kind.
  const face = page.locator('.card-face');
  const prompt = await face.locator('.prompt').innerText();
  if (await page.getByRole('button', { name: 'Show answer' }).isVisible()) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'I got it wrong' }).click();
  } else {
    if (await face.getByLabel('Your answer').isVisible()) await face.getByLabel('Your answer').fill('kubectl get pods');
    else if (prompt.includes('detached')) await face.getByRole('radio', { name: '-t' }).check();
    else await face.getByRole('radio', { name: 'False' }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
  }
  await expect(page.getByRole('status').filter({ hasText: 'Wrong — recorded as Again.' })).toBeVisible();
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByText('Question 2 of 5', { exact: true })).toBeVisible();
  const secondPrompt = await face.locator('.prompt').innerText();

  // A reload brings the round back on the same question, with the clock still running from the start.
  await page.reload();
  await expect(page.getByText('Question 2 of 5', { exact: true })).toBeVisible();
  await expect(face.locator('.prompt')).toHaveText(secondPrompt);
  await expect(page.getByRole('timer')).toHaveText(/^7:[0-4]\d$/);

  // Leaving through the navigation asks first; "Keep going" stays on the question.
  await page.getByRole('link', { name: 'Stats' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave the mock interview?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Your 1 answer is already saved as reviews.');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Keep going' }).click();
  await expect(dialog).toBeHidden();
  expect(page.url()).toContain('#/mock');
  await expect(page.getByText('Question 2 of 5', { exact: true })).toBeVisible();

  // "End now" sits apart from the answer buttons and asks before ending.
  await page.getByRole('button', { name: 'End now' }).click();
  const end = page.getByRole('dialog', { name: 'End the interview now?' });
  await expect(end).toBeVisible();
  await end.getByRole('button', { name: 'End and score' }).click();
  const results = page.getByTestId('mock-results');
  await expect(results.locator('.big')).toHaveText('0 of 1 right (4 not reached)');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Study the missed cards now' }).click();
  await expect(page.getByRole('heading', { name: 'Missed in the mock interview' })).toBeVisible();
  await expect(face.locator('.prompt')).toHaveText(prompt);
  // Once scored, the round is not brought back.
  await page.goto('./#/mock');
  await expect(page.getByRole('button', { name: 'Start the mock interview' })).toBeVisible();
});

test('the mock dialog and results have no axe violations in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, '#/mock');
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  await page.getByRole('button', { name: 'End now' }).click();
  await expect(page.getByRole('dialog', { name: 'End the interview now?' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'End and score' }).click();
  await expect(page.getByTestId('mock-results')).toContainText('0 of 0 right (10 not reached)');
  await expectNoAxeViolations(page);
});
