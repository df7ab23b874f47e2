// Each Anki-made package imports with the right card count and text.
import { test, expect, openApp, readCollection, chooseImportFile, expectNoAxeViolations } from './fixtures';

const fixtures = [
  { file: 'diffmodels2-1.apkg', deck: 'diffmodels2-1', cards: [['front', 'back']], warning: null },
  { file: 'media.apkg', deck: 'media', cards: [['(audio not imported: foo.wav)', '']], warning: /Media are not imported: 1 image or sound file skipped/ },
  { file: 'update1.apkg', deck: 'update1', cards: [['hello', 'world']], warning: null },
];

for (const f of fixtures) {
  test(`${f.file} imports with ${f.cards.length} card and its text`, async ({ page }) => {
    await openApp(page, '#/import');
    const before = await readCollection(page);
    await chooseImportFile(page, `tests/fixtures/${f.file}`);
    await expect(page.getByRole('list', { name: 'Decks in this import' })).toContainText(`${f.deck}: ${f.cards.length} card`);
    await expect(page.locator('.first-cards .front').first()).toHaveText(f.cards[0][0]);
    if (f.warning) await expect(page.getByTestId('import-warnings')).toContainText(f.warning);
    else await expect(page.getByText('None.')).toBeVisible();
    expect((await readCollection(page)).cards.length).toBe(before.cards.length);
    await page.getByRole('button', { name: `Import ${f.cards.length} card` }).click();
    await expect(page.getByTestId('import-outcome')).toHaveText(`${f.cards.length} card added.`);
    const cards = (await readCollection(page)).cards.filter((c) => c.deckId === `anki-${f.deck}`);
    expect(cards.map((c) => [c.prompt, c.answer])).toEqual(f.cards);
  });
}

test('update2 after update1 offers to update the same note, and updating keeps one card', async ({ page }) => {
  await openApp(page, '#/import');
  await chooseImportFile(page, 'tests/fixtures/update1.apkg');
  await page.getByRole('button', { name: 'Import 1 card' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('1 card added.');
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseImportFile(page, 'tests/fixtures/update2.apkg');
  await expect(page.getByRole('group', { name: '1 card is already in your collection' })).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByLabel(/Update them/)).toBeChecked();
  await page.getByRole('button', { name: 'Import 1 card' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('0 cards added, 1 updated.');
  const cards = (await readCollection(page)).cards.filter((c) => c.deckId === 'anki-update1' || c.deckId === 'anki-update2');
  expect(cards.map((c) => [c.prompt, c.answer])).toEqual([['goodbye', 'world']]);
});

test('an exported .apkg imports back with the same cards', async ({ page }) => {
  await openApp(page, '#/import');
  await chooseImportFile(page, { name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from('front,back,tags\n"What is a layer?","A filesystem diff",images\nEXPOSE?,"Documents <port>",\n') });
  await page.getByRole('button', { name: 'Import 2 cards' }).click();
  await page.goto('./#/library');
  await page.getByRole('checkbox', { name: 'Select class for export', exact: true }).check();
  await page.getByLabel('Export format').selectOption('apkg');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('class.apkg');
  await chooseImportFile(page, await download.path());
  await expect(page.getByRole('list', { name: 'Decks in this import' })).toContainText('class: 2 cards');
  await expect(page.getByRole('group', { name: '2 cards are already in your collection' })).toBeVisible();
  await expect(page.locator('.first-cards .back').nth(1)).toHaveText('Documents <port>');
});
