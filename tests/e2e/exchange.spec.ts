// Exchange without loss: every bundled deck exported as .apkg, JSON and CSV with kind columns comes back, in a fresh
// profile emptied of the built-in decks, as the same cards (id, note id, kind and every field). Also: the export
// dialog says what each format keeps, the current Anki format (.anki21b) imports end to end, and "Update them" lists
// cards it would turn into another kind and keeps them by default.
import type { Browser, Page } from '@playwright/test';
import { test, expect, openApp, readCollection, chooseImportFile, expectNoAxeViolations } from './fixtures';

const CONTENT = ['id', 'kind', 'noteId', 'tags', 'prompt', 'answer', 'explanation', 'text', 'options', 'correct', 'answers', 'statement', 'isTrue'];
const contentOf = (card: Record<string, unknown>) => Object.fromEntries(CONTENT.filter((k) => card[k] !== undefined).map((k) => [k, card[k]]));
const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));

async function exportAll(page: Page, format: string): Promise<string> {
  await page.getByLabel('Export format').selectOption(format);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  return (await downloading).path();
}

/** A new browser profile whose built-in decks were deleted through the Library, so every card must come from the file. */
async function emptyProfile(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ ...test.info().project.use })).newPage();
  await openApp(page, '#/library');
  const rows = page.getByTestId('deck-row');
  await expect(rows.first()).toBeVisible();
  while ((await rows.count()) > 0) {
    const before = await rows.count();
    await rows.first().getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect(rows).toHaveCount(before - 1);
  }
  expect((await readCollection(page)).cards).toEqual([]);
  return page;
}

test('every bundled deck survives .apkg, JSON and CSV with kind columns: same ids, kinds and fields', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await openApp(page, '#/library');
  const boxes = page.getByRole('checkbox', { name: /^Select .* for export$/ });
  await expect(boxes.first()).toBeVisible();
  for (const box of await boxes.all()) await box.check();
  const bundled = (await readCollection(page)).cards.map(contentOf).sort(byId);
  expect(new Set(bundled.map((c) => c.kind))).toEqual(new Set(['basic', 'cloze', 'choice', 'typed', 'truefalse']));
  const files = { apkg: await exportAll(page, 'apkg'), json: await exportAll(page, 'json'), 'csv-kinds': await exportAll(page, 'csv-kinds') };

  for (const [format, path] of Object.entries(files)) {
    const fresh = await emptyProfile(browser);
    await chooseImportFile(fresh, path);
    await expect(fresh.getByRole('button', { name: `Import ${bundled.length} cards` })).toBeVisible();
    await expect(fresh.getByText('None.')).toBeVisible();
    await fresh.getByRole('button', { name: `Import ${bundled.length} cards` }).click();
    await expect(fresh.getByTestId('import-outcome')).toHaveText(`${bundled.length} cards added.`);
    const back = (await readCollection(fresh)).cards.map(contentOf).sort(byId);
    expect(back, format).toEqual(bundled);
    await fresh.context().close();
  }
});

test('the export dialog says what each format keeps and what it cannot', async ({ page }) => {
  await openApp(page, '#/library');
  const keeps = page.getByTestId('export-keeps');
  await page.getByLabel('Export format').selectOption('csv');
  await expect(keeps).toContainText('choice, typed and true/false cards, explanations and ids do not come back');
  await page.getByLabel('Export format').selectOption('csv-kinds');
  await expect(keeps).toContainText('Keeps every card kind');
  await page.getByLabel('Export format').selectOption('apkg');
  await expect(keeps).toContainText('Cannot keep your review progress');
  await expectNoAxeViolations(page);
});

test('a current-format Anki package (.anki21b) imports its basic, reversed and cloze cards', async ({ page }) => {
  await openApp(page, '#/import');
  await chooseImportFile(page, 'tests/fixtures/modern.apkg');
  await expect(page.getByRole('list', { name: 'Decks in this import' })).toContainText('Containers::Images: 5 cards');
  await page.getByRole('button', { name: 'Import 5 cards' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('5 cards added.');
  const cards = (await readCollection(page)).cards.filter((c) => c.deckId === 'anki-containers-images').sort((a, b) => Number(a.order) - Number(b.order));
  expect(cards.map((c) => [c.kind, c.prompt ?? c.text])).toEqual([
    ['basic', 'What does docker image prune remove?'],
    ['basic', 'docker rmi'],
    ['basic', 'Removes one or more images'],
    ['cloze', 'An image is a stack of {{c1::read-only layers}} plus metadata.'],
    ['cloze', 'An image is a stack of read-only layers plus {{c1::metadata}}.'],
  ]);
});

test('"Update them" lists a card that would change kind, and keeps the richer card unless asked', async ({ page }) => {
  await openApp(page, '#/import');
  const choice = { id: 'flag-d', kind: 'choice', tags: [], prompt: 'Which flag detaches?', options: ['-d', '-it', '--rm'], correct: [0], explanation: 'Background.' };
  const deck = (card: object) => Buffer.from(JSON.stringify({ formatVersion: 1, id: 'class', title: 'Class', description: '', tags: [], source: 'x', cards: [card] }));
  await chooseImportFile(page, { name: 'class.json', mimeType: 'application/json', buffer: deck(choice) });
  await page.getByRole('button', { name: 'Import 1 card' }).click();
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseImportFile(page, { name: 'class-basic.json', mimeType: 'application/json', buffer: deck({ id: 'flag-d', kind: 'basic', tags: [], prompt: 'Which flag detaches?', answer: '-d' }) });
  await expect(page.getByTestId('import-lossy')).toContainText('Which flag detaches?: choice card would become basic and would lose explanation, options, correct');
  await expect(page.getByLabel('Update these too, losing what is listed')).not.toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Import 1 card' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('0 cards added, 1 skipped.');
  expect((await readCollection(page)).cards.find((c) => c.id === 'flag-d')).toMatchObject({ kind: 'choice', options: ['-d', '-it', '--rm'] });
});
