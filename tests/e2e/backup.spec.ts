// A backup taken after studying, restored into a fresh profile, gives the same collection: counts, states and history.
import { readFile } from 'node:fs/promises';
import { test, expect, openApp, chooseImportFile, readCollection, expectNoAxeViolations } from './fixtures';

const byKey = (rows: Record<string, unknown>[], key: string) => [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

test('back up after studying, restore into a fresh profile: same counts and history', async ({ page, browser, baseURL }) => {
  await openApp(page, '#/import');
  await chooseImportFile(page, { name: 'Nets.csv', mimeType: 'text/csv', buffer: Buffer.from('front,back\nbridge?,single host\noverlay?,many hosts\n') });
  await page.getByRole('button', { name: 'Import 2 cards' }).click();
  await page.getByRole('link', { name: 'Study it now' }).click();
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: /Good/ }).click();
  }
  await expect.poll(async () => (await readCollection(page)).reviews.length).toBeGreaterThanOrEqual(2);
  const original = await readCollection(page);

  await page.goto('./#/library');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up everything' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^drydock-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();

  const fresh = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const other = await fresh.newPage();
  await other.goto('./#/library');
  await expect(other.getByRole('heading', { name: 'Library' })).toBeVisible();
  await other.getByLabel('Restore from a backup…').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: await readFile(path) });
  const dialog = other.getByRole('alertdialog');
  await expect(dialog).toContainText(`Replace your whole collection with ${download.suggestedFilename()}?`);
  await expect(dialog.getByRole('row', { name: /Reviews/ })).toContainText(String(original.reviews.length));
  await expectNoAxeViolations(other);
  await dialog.getByRole('button', { name: 'Replace everything' }).click();
  await expect(other.getByTestId('library-status')).toContainText(`${original.cards.length} cards and ${original.reviews.length} reviews`);
  const restored = await readCollection(other);
  expect(byKey(restored.decks, 'id')).toEqual(byKey(original.decks, 'id'));
  expect(byKey(restored.cards, 'id')).toEqual(byKey(original.cards, 'id'));
  expect(byKey(restored.states, 'cardId')).toEqual(byKey(original.states, 'cardId'));
  expect(byKey(restored.reviews, 'id')).toEqual(byKey(original.reviews, 'id'));
  expect(byKey(restored.settings, 'key')).toEqual(byKey(original.settings, 'key'));
  await other.goto('./#/library');
  await expect(other.getByTestId('deck-row').filter({ hasText: 'Nets' }).getByTestId('deck-count')).toHaveText('2 cards');
  await fresh.close();
});
