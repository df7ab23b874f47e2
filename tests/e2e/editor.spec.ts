// An instructor writes a deck of three cards, exports it as JSON, deletes it and imports the file: the same deck returns.
import { readFile } from 'node:fs/promises';
import { test, expect, openApp, waitForCollection, expectNoAxeViolations, readCollection, chooseImportFile } from './fixtures';

test('make a deck in the editor, export JSON, delete, import: the same deck comes back', async ({ page }) => {
  // A long flow with four axe runs.
  test.setTimeout(150_000);
  await openApp(page, '#/library');
  await page.getByLabel('Title of the new deck').fill('Week 3: Compose');
  await page.getByRole('button', { name: 'New deck' }).click();
  await expect(page).toHaveURL(/#\/edit\/user-week-3-compose$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Week 3: Compose' })).toBeVisible();

  // 1: a basic card with Markdown, previewed as the learner sees it.
  await page.getByRole('button', { name: 'Add a card' }).click();
  await page.getByLabel('Question').fill('What does `docker compose up -d` do?');
  await expect(page.getByTestId('card-preview')).toContainText('The preview appears');
  await page.getByLabel('Answer', { exact: true }).fill('Starts the services **detached**:\n\n```sh\ndocker compose ps\n```');
  await expect(page.getByTestId('card-preview').locator('code').first()).toHaveText('docker compose up -d');
  await page.getByLabel('Show the answer side').check();
  await expect(page.getByTestId('card-preview').locator('strong')).toHaveText('detached');
  await page.getByLabel('Tags (separated by spaces)').fill('compose cli');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page.getByTestId('editor-status')).toHaveText('Card added.');

  // 2: cloze. The form stays open after adding, with the tags kept.
  await expect(page.getByLabel('Tags (separated by spaces)')).toHaveValue('compose cli');
  await page.getByLabel('Tags (separated by spaces)').fill('');
  await page.getByLabel('Card kind').selectOption('cloze');
  await page.getByLabel('Sentence with hidden words').fill('Named {{c1::volumes}} outlive their containers.');
  await page.getByRole('button', { name: 'Add card' }).click();

  // 3: multiple choice, with a validation message first.
  await page.getByLabel('Card kind').selectOption('choice');
  await page.getByLabel('Question').fill('Which network driver spans hosts?');
  await page.getByLabel('Options, one per line (3 to 5)').fill('bridge\noverlay\nhost');
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page.getByText('Mark at least one option as correct.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'overlay' }).check();
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page.getByTestId('card-row')).toHaveCount(3);

  // Search and suspend.
  await page.getByLabel('Search cards').fill('volumes');
  await expect(page.getByTestId('card-row')).toHaveCount(1);
  await page.getByLabel('Search cards').fill('');
  await expectNoAxeViolations(page);

  const before = (await readCollection(page)).cards.filter((c) => c.deckId === 'user-week-3-compose');
  expect(before).toHaveLength(3);

  await page.goto('./#/library');
  const row = page.getByTestId('deck-row').filter({ hasText: 'Week 3: Compose' });
  await expect(row.getByTestId('deck-count')).toHaveText('3 cards');
  await row.getByRole('checkbox', { name: 'Select Week 3: Compose for export' }).check();
  await page.getByLabel('Export format').selectOption('json');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('week-3-compose.json');
  const path = await download.path();
  await expectNoAxeViolations(page);

  await row.getByRole('button', { name: 'Delete Week 3: Compose', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByTestId('deck-row').filter({ hasText: 'Week 3: Compose' })).toHaveCount(0);
  expect((await readCollection(page)).cards.filter((c) => c.deckId === 'user-week-3-compose')).toHaveLength(0);

  await chooseImportFile(page, { name: 'week-3-compose.json', mimeType: 'application/json', buffer: await readFile(path) });
  await expect(page.getByRole('heading', { name: 'Preview of week-3-compose.json' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Decks in this import' })).toContainText('Week 3: Compose: 3 cards');
  // The first cards show as the learner will see them: Markdown rendered, kinds named in words.
  await expect(page.getByText('What does docker compose up -d do?')).toBeVisible();
  await expect(page.locator('.first-cards code').first()).toHaveText('docker compose up -d');
  await expect(page.locator('.first-cards .kind')).toHaveText(['Question and answer', 'Cloze (fill the gap)', 'Multiple choice']);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Import 3 cards' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('3 cards added.');

  const after = (await readCollection(page)).cards.filter((c) => c.deckId === 'user-week-3-compose');
  const content = (cards: Record<string, unknown>[]) =>
    cards.map(({ createdAt: _c, updatedAt: _u, editedAt: _e, ...rest }) => rest).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  expect(content(after)).toEqual(content(before));
  await page.goto('./#/library');
  await expect(page.getByTestId('deck-row').filter({ hasText: 'Week 3: Compose' }).getByTestId('deck-count')).toHaveText('3 cards');
});

test('editing a built-in card keeps its id and progress, marks it edited; suspend hides it from study', async ({ page }) => {
  await openApp(page, '#/library');
  await expect(page.getByTestId('deck-list')).toHaveAttribute('aria-busy', 'false');
  await page.getByRole('link', { name: 'Edit Docker essentials', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Docker essentials' })).toBeVisible();
  await page.getByLabel('Kind').selectOption('basic');
  const first = page.getByTestId('card-row').first();
  await first.getByRole('button', { name: /^Edit card/ }).click();
  const [target] = (await readCollection(page)).cards
    .filter((c) => c.deckId === 'docker-essentials' && c.kind === 'basic' && !c.retired)
    .sort((a, b) => (a.order as number) - (b.order as number));
  await waitForCollection(page);
  await page.evaluate(async (cardId) => {
    // Progress the learner had made on this card.
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('drydock');
      req.onsuccess = () => resolve(req.result);
    });
    const store = db.transaction('states', 'readwrite').objectStore('states');
    await new Promise((resolve) => {
      const get = store.get(cardId);
      get.onsuccess = () => store.put({ ...get.result, reps: 5, state: 2 }).onsuccess = resolve;
    });
    db.close();
  }, target.id as string);
  await page.getByLabel('Answer', { exact: true }).fill('My own wording for the class.');
  await page.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByTestId('editor-status')).toHaveText('Card saved.');
  await expect(first).toContainText('edited');
  const after = await readCollection(page);
  expect(after.cards.find((c) => c.id === target.id)).toMatchObject({ answer: 'My own wording for the class.', deckId: 'docker-essentials', editedAt: expect.any(Number) });
  expect(after.states.find((s) => s.cardId === target.id)).toMatchObject({ reps: 5, state: 2 });

  await first.getByRole('button', { name: /^Suspend card/ }).click();
  await expect(first).toContainText('suspended');
  const suspended = await readCollection(page);
  expect([suspended.cards.find((c) => c.id === target.id)?.suspended, suspended.states.find((s) => s.cardId === target.id)?.inactive]).toEqual([1, 1]);
  await page.getByLabel('Status').selectOption('suspended');
  await expect(page.getByTestId('card-row')).toHaveCount(1);
  await first.getByRole('button', { name: /^Unsuspend card/ }).click();
  await expect(page.getByTestId('card-row')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
