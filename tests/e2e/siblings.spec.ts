// Siblings on a fresh profile: studying a bundled deck through the whole day's session shows at most one card of
// each note, and the home screen's count is what the session really shows.
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, openApp, readCollection } from './fixtures';
import { homeCounts } from './study-helpers';
import { noteOf, type Deck } from '../../src/lib/domain/model';

const bundled: Deck[] = readdirSync('decks')
  .filter((f) => f.endsWith('.deck.json'))
  .map((f) => JSON.parse(readFileSync(`decks/${f}`, 'utf8')) as Deck);

// One deck per test, each on a fresh context: the two workers split them.
test.describe.configure({ mode: 'parallel' });

test('the bundled decks group forms of one fact into notes', () => {
  // Otherwise the spec below would pass without a single sibling to keep apart.
  expect(bundled.some((deck) => new Set(deck.cards.map(noteOf)).size < deck.cards.length)).toBe(true);
});

for (const deck of bundled) {
  test(`studying "${deck.title}" for a day shows no two cards of the same note`, async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    const promised = await homeCounts(page, deck.id);
    await page.locator(`li[data-deck-id="${deck.id}"] a`).click();
    await expect(page.getByRole('heading', { name: deck.title })).toBeVisible();

    const showAnswer = page.getByRole('button', { name: /Show answer/ });
    const done = page.getByRole('heading', { name: 'Done for today!' });
    const good = page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: /Good/ });
    // Good twice takes a new card through its learning steps, so the session ends with today's work done.
    for (let answers = 0; answers < 200; answers++) {
      await expect(showAnswer.or(done)).toBeVisible();
      if (await done.isVisible()) break;
      await showAnswer.click();
      await good.click();
    }
    await expect(done).toBeVisible();

    const { cards, reviews } = await readCollection(page);
    const stored = new Map(cards.map((c) => [c.id as string, c as { id: string; noteId?: string; deckId: string }]));
    const shown = [...new Set(reviews.map((r) => r.cardId as string))];
    expect(shown.every((id) => stored.get(id)?.deckId === deck.id)).toBe(true);
    // Notes as the deck file defines them, and as stored: the two agree.
    const noteInDeck = new Map(deck.cards.map((c) => [c.id, noteOf(c)]));
    expect(shown.map((id) => noteOf(stored.get(id)!))).toEqual(shown.map((id) => noteInDeck.get(id)));
    const notes = shown.map((id) => noteInDeck.get(id)!);
    const repeated = notes.filter((n, i) => notes.indexOf(n) !== i);
    expect(repeated).toEqual([]);
    expect(shown).toHaveLength(promised.new);
  });
}
