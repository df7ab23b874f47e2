// Choosing cards before importing notes, on a phone: a flagged card is listed first, unchecked, with its reason; one card
// is edited (an empty answer is refused), one dropped; the deck then holds exactly the kept cards, the edit included,
// under the ids the preview showed (tests/unit/views/card-choice.test.ts ties those to the generator's). Re-importing the same
// notes counts the cards already in the collection among the ticked ones only, and Skip leaves the edited card as it is.
import { test, expect, openApp, readCollection, chooseImportFile, expectNoAxeViolations } from './fixtures';

const NOTES = `# Docker basics

Q: What does \`docker ps -a\` show that \`docker ps\` alone does not?
A: Stopped containers as well as running ones.

Q: Which flag of \`docker run\` removes the container when it exits?
A: \`--rm\`

Q: Which instruction sets the command a container runs by default?
A: CMD, which \`docker run\` arguments replace.

Q: What does \`docker logs -f\` do?
A: Follows the container's output as it is written.

Q: When a container started with a named volume is removed with docker rm, and later a new container is started with the same volume name, and the application inside writes to the same path as before, what data does the new container see there?
A: The data the first container wrote: named volumes outlive the containers that use them.
`;

test('notes import: the flagged card starts unchecked at the top; edit one, drop one, import exactly the kept cards', async ({ page }) => {
  await openApp(page, '#/import');
  const before = await readCollection(page);
  await chooseImportFile(page, { name: 'docker-basics.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTES) });
  await expect(page.getByRole('heading', { name: 'Preview of docker-basics.md' })).toBeVisible({ timeout: 20_000 });

  const rows = page.getByTestId('choice-row');
  // Five Q/A pairs, five cards (a windowed list of this size renders every row).
  await expect(rows).toHaveCount(5);
  const ids = await rows.evaluateAll((lis) => lis.map((li) => ({ id: li.getAttribute('data-row-id')!, text: li.textContent! })));
  const idOf = (text: string) => ids.find((r) => r.text.includes(text))!.id;
  const cards = ids;
  const long = { id: idOf('When a container') };
  const edited = { id: idOf('Which flag of') };
  const dropped = { id: idOf('docker logs -f') };
  await expect(page.getByTestId('choice-summary')).toContainText(`${cards.length - 1} of ${cards.length} cards will be imported. 1 card flagged`);
  // Worst first: the over-long question, unchecked, with its reason in plain words.
  const top = rows.first();
  await expect(top).toContainText('When a container started with a named volume');
  await expect(top.getByRole('list', { name: 'Why this card is flagged' })).toHaveText(/Long question: the question has \d+ characters/);
  await expect(top.getByRole('checkbox')).not.toBeChecked();
  await expect(rows.nth(1).getByRole('checkbox')).toBeChecked();
  // Tap targets: the tick box's label and the Edit button are at least 44 px both ways.
  for (const target of [top.locator('label.keep'), top.getByRole('button', { name: /^Edit/ })]) {
    const box = (await target.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
  await expect(page.getByRole('button', { name: `Import ${cards.length - 1} cards` })).toBeVisible();
  await expectNoAxeViolations(page);

  // Keep all ticks the flagged card too; Drop flagged unticks it again.
  await page.getByRole('button', { name: 'Keep all' }).click();
  await expect(top.getByRole('checkbox')).toBeChecked();
  await expect(page.getByRole('button', { name: `Import ${cards.length} cards` })).toBeVisible();
  await page.getByRole('button', { name: 'Drop flagged' }).click();
  await expect(top.getByRole('checkbox')).not.toBeChecked();
  await expect(page.getByTestId('choice-summary')).toContainText(`${cards.length - 1} of ${cards.length} cards will be imported.`);

  // Edit in place: an empty answer is refused with a message; then a better answer is saved.
  const row = page.locator(`[data-row-id="${edited.id}"]`);
  await row.getByRole('button', { name: /^Edit card: Which flag/ }).click();
  const answer = row.getByLabel('Answer', { exact: true });
  await expect(row.getByLabel('Question')).toBeFocused();
  await answer.fill('   ');
  await row.getByRole('button', { name: 'Save card' }).click();
  await expect(row.getByRole('alert')).toHaveText('Write the answer; it cannot be empty.');
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await answer.fill('`--rm`, so a throwaway container leaves nothing behind');
  await row.getByRole('button', { name: 'Save card' }).click();
  await expect(row.getByRole('button', { name: /^Edit card: Which flag/ })).toBeFocused();
  await expect(row).toContainText('a throwaway container leaves nothing behind');
  await expect(row.getByRole('checkbox')).toBeChecked();

  // Escape leaves an edit without changing the card (keyboard on desktop).
  const other = page.locator(`[data-row-id="${dropped.id}"]`);
  await other.getByRole('button', { name: /^Edit card/ }).click();
  await other.getByLabel('Answer', { exact: true }).fill('Not kept');
  await page.keyboard.press('Escape');
  await expect(other.getByRole('button', { name: /^Edit card/ })).toBeFocused();
  await expect(other).toContainText('Follows the container');

  // Drop one.
  await page.locator(`[data-row-id="${dropped.id}"]`).getByRole('checkbox').uncheck();
  await expect(page.getByTestId('choice-summary')).toContainText(`${cards.length - 2} of ${cards.length} cards will be imported.`);
  expect(await readCollection(page)).toEqual(before);

  await page.getByRole('button', { name: `Import ${cards.length - 2} cards` }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText(`${cards.length - 2} cards added.`);
  const stored = (await readCollection(page)).cards.filter((c) => !before.cards.some((b) => b.id === c.id));
  const kept = cards.filter((c) => c.id !== long.id && c.id !== dropped.id);
  expect(stored.map((c) => c.id).sort()).toEqual(kept.map((c) => c.id).sort());
  expect(stored.find((c) => c.id === edited.id)).toMatchObject({ prompt: 'Which flag of `docker run` removes the container when it exits?', answer: '`--rm`, so a throwaway container leaves nothing behind' });

  // The same notes again: the cards already in the collection are counted among the ticked ones only.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await chooseImportFile(page, { name: 'docker-basics.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTES) });
  await expect(rows).toHaveCount(5, { timeout: 20_000 });
  const already = page.locator('legend', { hasText: 'already in your collection' });
  await expect(already).toHaveText(`${kept.length} cards are already in your collection`);
  await page.locator(`[data-row-id="${idOf('docker ps -a')}"]`).getByRole('checkbox').uncheck();
  await expect(already).toHaveText(`${kept.length - 1} cards are already in your collection`);
  await expect(page.getByRole('list', { name: 'Decks in this import' })).toContainText(`${cards.length - 2} cards`);
  await page.getByLabel('Skip them (keep what you have)').check();
  await page.getByRole('button', { name: `Import ${cards.length - 2} cards` }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText(`1 card added, ${kept.length - 1} skipped.`);
  expect((await readCollection(page)).cards.find((c) => c.id === edited.id)).toMatchObject({ answer: '`--rm`, so a throwaway container leaves nothing behind' });
});
