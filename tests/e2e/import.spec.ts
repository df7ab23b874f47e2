// Import flows: notes as Markdown, TSV with quoted newlines, duplicates, and Cancel during a long read.
import { test, expect, openApp, readCollection, chooseImportFile, expectNoAxeViolations } from './fixtures';

test('the notes as Markdown become decks through the same generator, after a preview', async ({ page }) => {
  await openApp(page, '#/import');
  const before = await readCollection(page);
  await chooseImportFile(page, 'decks/sources/containers-and-docker-notes.md');
  await expect(page.getByRole('heading', { name: 'Preview of containers-and-docker-notes.md' })).toBeVisible({ timeout: 20_000 });
  const button = page.getByRole('button', { name: /^Import \d+ cards$/ });
  const total = Number((await button.textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(50);
  // Every generated card is listed to choose from; only the rows in view are in the page.
  const rows = page.getByTestId('choice-row');
  expect(await rows.count()).toBeLessThan(40);
  // Raw notes, before any editorial pass: the deck lints flag what would read badly, listed first and unchecked.
  await expect(page.getByTestId('choice-summary')).toContainText(/\d+ cards flagged by the card checks are listed first/);
  await expect(rows.first().getByRole('list', { name: 'Why this card is flagged' })).not.toBeEmpty();
  await expect(rows.first().getByRole('checkbox')).not.toBeChecked();
  await expectNoAxeViolations(page);
  expect((await readCollection(page)).cards.length).toBe(before.cards.length);
  await button.click();
  await expect(page.getByTestId('import-outcome')).toBeVisible({ timeout: 20_000 });
  // Added plus updated covers every card (the bundled decks, when present, hold the same cards by id).
  const outcome = (await page.getByTestId('import-outcome').textContent())!;
  const [added, updated] = [/(\d+) cards? added/, /(\d+) updated/].map((r) => Number(outcome.match(r)?.[1] ?? 0));
  expect(added + updated).toBe(total);
  const after = await readCollection(page);
  expect(after.cards.length).toBe(before.cards.length + added);
  expect(after.states.length).toBe(after.cards.length);
});

test('TSV with a header, quoted newlines and tags; re-import offers skip/update/new', async ({ page }) => {
  await openApp(page, '#/import');
  const tsv = 'front\tback\ttags\n"Multi-stage build?"\t"Several FROM lines;\nonly the last stage ships"\tdockerfile build\n';
  await chooseImportFile(page, { name: 'builds.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from('\uFEFF' + tsv) });
  await expect(page.getByRole('list', { name: 'Decks in this import' })).toContainText('builds: 1 card');
  await expect(page.locator('.first-cards .back')).toHaveText('Several FROM lines;\nonly the last stage ships', { useInnerText: true });
  await expect(page.getByText('Every card passed.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 1 card' }).click();
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseImportFile(page, { name: 'builds.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(tsv) });
  await page.getByLabel('Import them as new cards').check();
  await page.getByRole('button', { name: 'Import 1 card' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('1 card added.');
  expect((await readCollection(page)).cards.filter((c) => c.deckId === 'csv-builds')).toHaveLength(2);
});

test('a long import shows progress with Cancel, and cancelling writes nothing', async ({ page }) => {
  await openApp(page, '#/import');
  const before = await readCollection(page);
  const row = (i: number) => `"Question number ${i} about container runtimes and images, padded ${'x'.repeat(80)}","Answer ${i}",tag${i % 50}`;
  const csv = 'front,back,tags\n' + Array.from({ length: 90_000 }, (_, i) => row(i)).join('\n');
  await chooseImportFile(page, { name: 'huge-class.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await cancel.click();
  await expect(page.getByTestId('import-error')).toHaveText('Import cancelled. Nothing was changed.');
  expect(await readCollection(page)).toEqual(before);
});

test('a file dropped on the import screen opens the same preview', async ({ page }) => {
  await openApp(page, '#/import');
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['front,back,tags\n"Dropped question?","Dropped answer",drop\n'], 'dropped.csv', { type: 'text/csv' }));
    return dt;
  });
  await page.getByRole('region', { name: 'Drop a deck file here' }).dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('list', { name: 'Decks in this import' })).toContainText('dropped: 1 card');
  await expect(page.getByText('Dropped question?')).toBeVisible();
});

test('Cancel while the cards are saved aborts the write: nothing is stored, and the screen takes the next file', async ({ page }) => {
  await openApp(page, '#/import');
  const before = await readCollection(page);
  const csv = 'front,back,tags\n' + Array.from({ length: 30_000 }, (_, i) => `"Which port does service ${i} publish?","Port ${i}",ports`).join('\n');
  await chooseImportFile(page, { name: 'ports.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import 30000 cards' }).click({ timeout: 60_000 });
  await expect(page.getByText('Saving the cards…')).toBeVisible();
  // The first batch is written (the bar moves): the transaction is under way, with most of the cards still to come.
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await expect.poll(() => bar.evaluate((el) => (el as HTMLProgressElement).position), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('import-error')).toHaveText('Import cancelled. Nothing was changed.', { timeout: 30_000 });
  expect(await readCollection(page)).toEqual(before);
  await chooseImportFile(page, { name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from('front,back\nq1,a1\n') });
  await page.getByRole('button', { name: 'Import 1 card' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('1 card added.');
});
