import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { seedDeck } from './study-helpers';

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the deck list, the study screen before and after reveal, and Settings (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await seedDeck(page);
    await page.reload();
    await expect(page.locator('li[data-deck-id="e2e-deck"]')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('./#/study/e2e-deck');
    // The choice card has the most controls: answer the first two to reach it.
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: /Show answer/ }).click();
      await page.getByRole('button', { name: /Good/ }).click();
    }
    await expectNoAxeViolations(page);
    // One tap on an option shows the answer (Fewer taps).
    await page.getByRole('radio', { name: '-t' }).check();
    await expect(page.getByRole('button', { name: /Again/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /Good/ }).click();
    await page.getByLabel('Your answer').fill('docker imgs');
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expectNoAxeViolations(page);

    await page.goto('./#/settings');
    await page.getByLabel('Desired retention').fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Must be a number from 0.7 to 0.99.')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('tap targets on the study screen are at least 44 px and the rating buttons sit at the bottom', async ({ page }) => {
  await openApp(page);
  await seedDeck(page);
  await page.goto('./#/study/e2e-deck');
  await page.getByRole('button', { name: /Show answer/ }).click();
  const buttons = page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button');
  await expect(buttons).toHaveCount(4);
  for (const box of await buttons.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.bottom).toBeGreaterThan(844 - 120);
  }
});
