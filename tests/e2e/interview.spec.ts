// Setting an interview date on the home screen: the countdown, predicted recall against target, the daily plan.
import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, openApp, expectNoAxeViolations, localDateInDays } from './fixtures';
import { noteOf, type Deck } from '../../src/lib/domain/model';

/** Every card of the bundled decks: all new on a fresh profile. */
const BUNDLED_CARDS = readdirSync('decks')
  .filter((f) => f.endsWith('.deck.json'))
  .reduce((sum, f) => sum + (JSON.parse(readFileSync(`decks/${f}`, 'utf8')) as Deck).cards.length, 0);

test('set an interview date: the home screen shows the countdown and the plan, and the date can be cleared', async ({ page }) => {
  await openApp(page);
  await page.waitForSelector('li[data-deck-id]');
  const summary = page.getByTestId('interview-summary');
  await expect(summary).toContainText('Set the date of your interview');

  const inNineDays = await localDateInDays(page, 9);
  await summary.getByLabel('Interview date').fill(inNineDays);
  await summary.getByRole('button', { name: 'Save date' }).click();

  await expect(page.getByTestId('interview-countdown')).toHaveText(/^Interview in 9 days — predicted recall \d+\.\d%, target 90%$/);
  // Nothing studied yet: every bundled card is new, so recall on the day is 0% and the plan introduces them all.
  await expect(page.getByTestId('interview-countdown')).toContainText('predicted recall 0.0%');
  // The pace until the day, then today's offer, which is what Study all will show (siblings wait for another day).
  await expect(page.getByTestId('interview-plan')).toHaveText(
    new RegExp(`^About \\d+ new cards and \\d+ reviews a day until then, plus about \\d+ extra taps for learning steps; ${BUNDLED_CARDS} new cards to meet\\. Today: \\d+ new cards to study, up to \\d+ per deck\\.$`),
  );
  const [, pace] = /^About (\d+) new cards/.exec((await page.getByTestId('interview-plan').textContent())!)!;
  // Every bundled card over the 8 days left for introducing them.
  expect(Number(pace)).toBe(Math.ceil(BUNDLED_CARDS / 8));
  // The Study-all link is named by its visible text: "Study all decks 111 new 0 learning 0 due …".
  const studyAll = await page.getByRole('link', { name: /^Study all decks/ }).innerText();
  const [, shown] = /(\d+)\s+new/.exec(studyAll)!;
  await expect(page.getByTestId('interview-plan')).toContainText(`Today: ${shown} new cards to study`);
  await expectNoAxeViolations(page);

  // The date survives a reload.
  await page.reload();
  await expect(page.getByTestId('interview-countdown')).toContainText('Interview in 9 days');

  // Readiness on the stats screen is predicted for the interview day too.
  await page.goto('./#/stats');
  await expect(page.getByTestId('readiness')).toContainText('on your interview day');
  await page.goto('./#/');

  await page.getByRole('button', { name: 'Clear date' }).click();
  await expect(page.getByTestId('interview-countdown')).toHaveCount(0);
  await expect(summary.getByLabel('Interview date')).toBeVisible();
});

test('a date in the past is refused with a message', async ({ page }) => {
  await openApp(page);
  const summary = page.getByTestId('interview-summary');
  await summary.getByLabel('Interview date').fill('2020-01-01');
  await summary.getByRole('button', { name: 'Save date' }).click();
  await expect(summary.getByRole('alert')).toHaveText('The interview date must be today or later.');
  await expect(page.getByTestId('interview-countdown')).toHaveCount(0);
});

test('with the interview two days away, the study queue introduces a card of every note today', async ({ page }) => {
  await openApp(page);
  const deck = page.locator('li[data-deck-id]').first();
  await expect(deck).toBeVisible();
  const cards = Number((await deck.locator('.meta').innerText()).split(' ')[0]);
  expect(cards).toBeGreaterThan(20);
  const deckFile = JSON.parse(readFileSync(`decks/${await deck.getAttribute('data-deck-id')}.deck.json`, 'utf8')) as Deck;
  const notes = new Set(deckFile.cards.map(noteOf)).size;
  const newCount = () => deck.locator('.count.new strong');
  await expect(newCount()).toHaveText('20');

  const inTwoDays = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 2);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await page.getByTestId('interview-summary').getByLabel('Interview date').fill(inTwoDays);
  await page.getByRole('button', { name: 'Save date' }).click();
  await expect(page.getByTestId('interview-countdown')).toContainText('Interview in 2 days');
  await page.reload();
  // Every card in the deck is new and the plan lets all of them in today (tomorrow is the last day before the
  // interview), but a note shows one card a day: its siblings follow tomorrow.
  await expect(newCount()).toHaveText(String(notes));
});
