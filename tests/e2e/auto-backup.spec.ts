// Automatic local backups with a fixed clock: a day of reviews gives a backup the next morning, Settings lists it and
// restores it after the usual preview; the reminder to download a backup file comes 14 days after.
import { test, expect, openApp } from './fixtures';
import { reviewCount, seedDeck, snapshotCount } from './study-helpers';

const HOUR = 60 * 60 * 1000;

async function answerGood(page: import('@playwright/test').Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: /Good/ }).click();
  }
}

/** With the page clock at 1 December 2026, 10:00: opens the app, adds the e2e deck and answers `answers` cards Good. */
async function studyOnDecember1(page: import('@playwright/test').Page, answers: number): Promise<void> {
  await page.clock.install({ time: new Date(2026, 11, 1, 10) });
  await openApp(page);
  await seedDeck(page);
  await page.goto('./#/study/e2e-deck');
  await answerGood(page, answers);
  await expect.poll(() => reviewCount(page)).toBe(answers);
}

test('a day of reviews gives an automatic backup the next day, which Settings lists and restores after a preview', async ({ page }) => {
  await studyOnDecember1(page, 2);

  // The same evening: the day is not over, so no automatic backup yet.
  await page.clock.fastForward(8 * HOUR);
  await page.goto('./#/settings');
  await page.reload();
  await expect(page.getByTestId('no-snapshots')).toBeVisible();

  // Next morning the app opens and keeps a backup of the finished day.
  await page.clock.fastForward(14 * HOUR);
  await page.reload();
  const snapshot = page.getByTestId('snapshot');
  // The automatic backup runs once the app has started and the page is idle (about two seconds in): wait for it to
  // be written, without reloading (a reload starts that wait over), then open Settings afresh to list it.
  await expect.poll(() => snapshotCount(page), { timeout: 20_000 }).toBe(1);
  await page.reload();
  await expect(snapshot).toHaveCount(1);
  // The bundled decks are in it too; the two answers are what matter here.
  await expect(snapshot).toContainText(/ cards, 2 reviews ·/);

  // A third answer today, then the learner goes back to yesterday's state.
  await page.goto('./#/study/e2e-deck');
  await answerGood(page, 1);
  await expect.poll(() => reviewCount(page)).toBe(3);
  await page.goto('./#/settings');
  await page.getByTestId('snapshot').getByRole('button', { name: /Restore the automatic backup of/ }).click();
  const preview = page.getByRole('alertdialog');
  await expect(preview).toContainText(/Replace your whole collection with the automatic backup of/);
  await expect(preview.getByRole('row', { name: /Reviews/ })).toHaveText(/Reviews\s*3\s*2/);
  expect(await reviewCount(page)).toBe(3);
  await preview.getByRole('button', { name: 'Replace everything' }).click();
  await expect(page.getByTestId('backups-status')).toContainText(/^Restored \d+ decks, \d+ cards and 2 reviews from the automatic backup/);
  expect(await reviewCount(page)).toBe(2);
});

test('fifteen days after the first review the deck list reminds to download a backup file, and the download ends it', async ({ page }) => {
  await studyOnDecember1(page, 1);
  await page.goto('./#/');
  await expect(page.locator('li[data-deck-id="e2e-deck"]')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Backup reminder' })).toHaveCount(0);

  await page.clock.fastForward(15 * 24 * HOUR);
  await page.reload();
  const reminder = page.getByRole('region', { name: 'Backup reminder' });
  await expect(reminder).toContainText('You have not downloaded a backup file yet, and you have answered 1 cards since.');
  const downloading = page.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Download a backup' }).click();
  expect((await downloading).suggestedFilename()).toBe('drydock-backup-2026-12-16.json');
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(page.locator('li[data-deck-id="e2e-deck"]')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Backup reminder' })).toHaveCount(0);
});

test('"Don\'t remind me" turns the reminder off, and Settings turns it back on', async ({ page }) => {
  await studyOnDecember1(page, 1);
  await page.clock.fastForward(15 * 24 * HOUR);
  await page.goto('./#/');
  await page.reload();
  await page.getByRole('region', { name: 'Backup reminder' }).getByRole('button', { name: "Don't remind me" }).click();
  // The choice is stored before the notice goes: reloading any earlier could beat the write.
  await expect(page.getByRole('region', { name: 'Backup reminder' })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('li[data-deck-id="e2e-deck"]')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Backup reminder' })).toHaveCount(0);
  await page.goto('./#/settings');
  const toggle = page.getByLabel(/Remind me to download a backup file/);
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await page.goto('./#/');
  await expect(page.getByRole('region', { name: 'Backup reminder' })).toBeVisible();
});
