import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, openApp } from './fixtures';
import { homeCounts } from './study-helpers';
import { noteOf, type Deck } from '../../src/lib/domain/model';

const bundled: Deck[] = readdirSync('decks')
  .filter((f) => f.endsWith('.deck.json'))
  .map((f) => JSON.parse(readFileSync(`decks/${f}`, 'utf8')) as Deck);

/** A fresh profile's new cards today: the daily limit of 20, one card per note (siblings wait for another day). */
const newToday = (deck: Deck) => Math.min(20, new Set(deck.cards.map(noteOf)).size);

test('first load lists the bundled decks with their card counts and today’s counts', async ({ page }) => {
  expect(bundled.length).toBeGreaterThan(0);
  await openApp(page);
  const list = page.getByRole('list', { name: 'Decks' });
  await expect(list.getByRole('listitem')).toHaveCount(bundled.length);
  for (const deck of bundled) {
    const item = list.locator(`li[data-deck-id="${deck.id}"]`);
    await expect(item.getByRole('heading', { name: deck.title })).toBeVisible();
    await expect(item).toContainText(`${deck.cards.length} cards`);
    expect(await homeCounts(page, deck.id)).toEqual({ new: newToday(deck), learning: 0, due: 0 });
  }
  const total = bundled.reduce((sum, d) => sum + newToday(d), 0);
  // The link is named by its visible text; siblings waiting for later days are said after the counts.
  await expect(page.getByRole('link', { name: /Study all decks/ })).toHaveAccessibleName(new RegExp(`^Study all decks ${total} new 0 learning 0 due( \\d+ new after their siblings, on later days)?$`));
});

test('answering cards from "All decks" updates the deck counts', async ({ page }) => {
  await openApp(page);
  // Study all goes through the decks in the list's order (by title), so it starts with the first deck listed.
  const first = [...bundled].sort((a, b) => a.title.localeCompare(b.title))[0];
  await expect(page.locator('li[data-deck-id]').first()).toHaveAttribute('data-deck-id', first.id);
  const before = await homeCounts(page, first.id);
  await page.getByRole('link', { name: /Study all decks/ }).click();
  await expect(page.getByRole('heading', { name: 'All decks' })).toBeVisible();
  await expect(page.getByText(`From ${first.title}`)).toBeVisible();
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /Again/ }).click();
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.getByRole('link', { name: 'Decks' }).click();
  expect(await homeCounts(page, first.id)).toEqual({ new: before.new - 1, learning: before.learning + 1, due: before.due });
});
