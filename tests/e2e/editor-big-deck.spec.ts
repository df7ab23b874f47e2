// The editor in a 150-card deck on a phone: Edit opens the form in place with focus in it, adding keeps the form open
// with its tags, a c1/c2 cloze gives two cards, and search and the kind and tag filters narrow the list.
import { test, expect, openApp, expectNoAxeViolations, readCollection } from './fixtures';
import { seedDeck } from './study-helpers';
import type { Card } from '../../src/lib/domain/model';

const cards: Card[] = Array.from({ length: 150 }, (_, i) => ({
  id: `big-${i + 1}`,
  kind: 'basic',
  tags: [i % 2 ? 'odd' : 'even'],
  prompt: `Question ${i + 1}`,
  answer: `Answer ${i + 1}`,
}));

test('editing card 100 of a 150-card deck, adding with tags kept, and a c1/c2 cloze giving two cards', async ({ page }) => {
  // axe over a 150-card list takes a while on a busy machine.
  test.setTimeout(180_000);
  await openApp(page);
  await page.waitForSelector('li[data-deck-id]');
  await seedDeck(page, { formatVersion: 1, id: 'big', title: 'Big deck', description: '', tags: [], source: 'tests', cards });
  await page.goto('./#/edit/big');
  await expect(page.getByTestId('card-row')).toHaveCount(150);

  const row = page.getByTestId('card-row').nth(99);
  await row.getByRole('button', { name: 'Edit card: Question 100', exact: true }).click();
  // The form opens in place of the card, in view, with focus on it.
  const heading = row.getByRole('heading', { name: 'Edit card' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(row.getByRole('textbox', { name: 'Question' })).toHaveValue('Question 100');
  await expect(page.getByRole('heading', { name: 'Edit card' })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await row.getByLabel('Answer', { exact: true }).fill('A better answer');
  await row.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByTestId('editor-status')).toHaveText('Card saved.');
  await expect(row.getByRole('button', { name: 'Edit card: Question 100', exact: true })).toBeFocused();
  expect((await readCollection(page)).cards.find((c) => c.id === 'big-100')).toMatchObject({ answer: 'A better answer' });

  // Adding: the form stays open with the kind and tags kept.
  await page.getByRole('button', { name: 'Add a card' }).click();
  await expect(page.getByRole('textbox', { name: 'Question' })).toBeFocused();
  await page.getByLabel('Card kind').selectOption('cloze');
  await page.getByLabel('Sentence with hidden words').fill('{{c1::EXPOSE}} documents a port; {{c2::-p}} publishes it.');
  await page.getByLabel('Tags (separated by spaces)').fill('ports');
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page.getByTestId('editor-status')).toHaveText('Cards added, one per gap (2 cards).');
  await expect(page.getByRole('heading', { name: 'New card' })).toBeVisible();
  await expect(page.getByLabel('Card kind')).toHaveValue('cloze');
  await expect(page.getByLabel('Sentence with hidden words')).toHaveValue('');
  await expect(page.getByLabel('Tags (separated by spaces)')).toHaveValue('ports');
  await expect(page.getByLabel('Sentence with hidden words')).toBeFocused();
  await expect(page.getByTestId('card-row')).toHaveCount(152);

  const stored = (await readCollection(page)).cards.filter((c) => c.deckId === 'big' && c.kind === 'cloze');
  expect(stored.map((c) => c.text).sort()).toEqual(['EXPOSE documents a port; {{c1::-p}} publishes it.', '{{c1::EXPOSE}} documents a port; -p publishes it.']);
  expect(stored[0].noteId).toBeTruthy();
  expect(stored[1].noteId).toBe(stored[0].noteId);
  await page.getByRole('button', { name: 'Done adding' }).click();
  await expect(page.getByRole('button', { name: 'Add a card' })).toBeFocused();

  // Search, and the kind and tag filters.
  await page.getByLabel('Kind', { exact: true }).selectOption('cloze');
  await expect(page.getByTestId('card-row')).toHaveCount(2);
  await page.getByLabel('Kind', { exact: true }).selectOption('');
  await page.getByLabel('Tag', { exact: true }).selectOption('odd');
  await expect(page.getByTestId('card-row')).toHaveCount(75);
  await page.getByLabel('Search cards').fill('Question 10');
  // Odd-tagged (even-numbered) questions matching "Question 10": 10, 100, 102, 104, 106, 108.
  await expect(page.getByTestId('card-row')).toHaveCount(6);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);

  // The study queue gives each gap its own card.
  await page.goto('./#/study/big');
  await expect(page.locator('.remaining')).toContainText(/\d+ new/);
});

test('a 3,000-card deck renders only the rows in view; search, scrolling and Edit still reach every card', async ({ page }) => {
  test.setTimeout(120_000);
  const many: Card[] = Array.from({ length: 3000 }, (_, i) => ({ id: `many-${i + 1}`, kind: 'basic', tags: [], prompt: `Question ${i + 1}`, answer: `Answer ${i + 1}` }));
  await openApp(page);
  await page.waitForSelector('li[data-deck-id]');
  await seedDeck(page, { formatVersion: 1, id: 'many', title: 'Many cards', description: '', tags: [], source: 'tests', cards: many });
  await page.goto('./#/edit/many');
  await expect(page.getByText('Showing 3000 of 3000.')).toBeVisible();
  // The cards past the first 500 are read after the first paint, for search; then the progress line goes.
  await expect(page.getByTestId('editor-indexing')).toHaveCount(0);
  const rows = page.getByTestId('card-row');
  await expect(rows.first()).toContainText('Question 1');
  expect(await rows.count()).toBeLessThan(60);

  // Scrolled to the end, the last cards are there and the first ones are gone.
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.getByRole('button', { name: 'Edit card: Question 3000', exact: true })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Edit card: Question 1', exact: true })).toHaveCount(0);

  // Edit from the middle of the list: the form opens in place, in view, with focus on it, and saves.
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
  // The rows in view follow the scroll on the next frame: until the last card's row has gone, the buttons still show
  // the end of the list, and a name read there would belong to another card by the time of the tap.
  await expect(page.getByRole('button', { name: 'Edit card: Question 3000', exact: true })).toHaveCount(0);
  const middle = page.getByRole('button', { name: /^Edit card: Question \d+$/ }).nth(3);
  const name = /Question \d+/.exec((await middle.textContent())!)![0];
  await middle.click();
  const heading = page.getByRole('heading', { name: 'Edit card' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(page.getByRole('textbox', { name: 'Question' })).toHaveValue(name);
  await page.getByLabel('Answer', { exact: true }).fill('Edited in a long list');
  await page.getByRole('button', { name: 'Save card' }).click();
  await expect(page.getByTestId('editor-status')).toHaveText('Card saved.');
  await expect(page.getByRole('button', { name: `Edit card: ${name}`, exact: true })).toBeFocused();

  // A link to a card far down the deck (the mock interview's missed questions) opens its form, in view.
  await page.goto('./#/edit/many?card=many-2900');
  await expect(page.getByRole('heading', { name: 'Edit card' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Edit card' })).toBeInViewport();
  await expect(page.getByRole('textbox', { name: 'Question' })).toHaveValue('Question 2900');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Search reaches a card far down the list.
  await page.evaluate(() => scrollTo(0, 0));
  await page.getByLabel('Search cards').fill('question 2999');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Question 2999');
  await expectNoAxeViolations(page);
});
