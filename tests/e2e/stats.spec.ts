// The stats screen and topic readiness after studying, their empty states, and accessibility.
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { seedDeck } from './study-helpers';
import { seedHistory } from './stats-seed';

async function studyTwoCards(page: import('@playwright/test').Page) {
  await page.goto('./#/study/e2e-deck');
  const grade = (label: string) => page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: new RegExp(label) });
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: /Show answer/ }).click();
    await grade(i === 0 ? 'Easy' : 'Good').click();
  }
  // The second answer is stored before the next card shows.
  await expect(page.locator('.card-face')).toContainText('Which flag runs a container detached?');
}

test('before any study every picture says what will appear, and readiness starts at 0%', async ({ page }) => {
  await openApp(page);
  await seedDeck(page);
  await page.goto('./#/stats');
  await expect(page.getByTestId('stats-timing')).toContainText('from 0 reviews');
  await expect(page.getByTestId('chart-heatmap')).toContainText('Once you study');
  await expect(page.getByTestId('chart-grades')).toContainText('Once you study');
  await expect(page.getByTestId('chart-forecast')).toContainText('Once you study');
  await expect(page.getByTestId('chart-retention')).toContainText('Once you review');
  await expect(page.getByTestId('chart-buttons')).toContainText('Once you study');
  await expect(page.getByTestId('chart-time')).toContainText('Once you study');
  await expect(page.getByTestId('overall-readiness')).toHaveText('0%');
  await expect(page.getByTestId('readiness')).toContainText("You haven't studied yet");
});

test('after studying, the stats and the readiness bars reflect the answers', async ({ page }) => {
  await openApp(page);
  await seedDeck(page);
  await studyTwoCards(page);
  await page.getByRole('link', { name: 'Stats' }).click();

  await expect(page.getByTestId('stats-timing')).toContainText('from 2 reviews');
  const heatmap = page.getByTestId('chart-heatmap');
  await expect(heatmap).toContainText('2 reviews on 1 of the last');
  await expect(heatmap).toContainText('1 day current streak');
  await expect(heatmap.getByRole('img', { name: /Calendar heatmap/ })).toBeVisible();
  await expect(page.getByTestId('chart-grades')).toContainText('2 reviews in the last 30 days: Again 0, Hard 0, Good 1, Easy 1');
  await expect(page.getByTestId('chart-buttons')).toContainText('Learning (2 answers)');
  await expect(page.getByTestId('chart-states')).toContainText('1 learning, 1 review');
  await expect(page.getByTestId('chart-time')).not.toContainText('Once you study');
  // Easy graduates the first card straight to review, so it falls due within the next 30 days.
  await expect(page.getByTestId('chart-forecast')).not.toContainText('Once you study');

  // The deck's readiness bar, predicted a week ahead: of its six cards, the Easy one is recalled at about 91% then
  // and the Good one (still learning) at about 81%, so (0.91 + 0.81) / 6 ≈ 29%.
  const row = page.getByTestId('readiness').locator('li', { hasText: 'E2E every kind' });
  await expect(row).toBeVisible();
  const value = Number((await row.locator('.value').innerText()).replace('%', ''));
  expect(value).toBeGreaterThanOrEqual(27);
  expect(value).toBeLessThanOrEqual(30);
  await expect(page.getByTestId('readiness-horizon')).toContainText('cards in a week, on');

  // The table alternative carries the same numbers.
  await page.getByTestId('chart-grades').getByText('Show as a table').click();
  await expect(page.getByTestId('chart-grades').locator('tbody tr')).toHaveCount(1);

  // "Study" on a topic starts a weakest-first session of it.
  await row.getByRole('link', { name: /Study E2E every kind/ }).click();
  await expect(page).toHaveURL(/#\/study\/e2e-deck\?mode=weakest/);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the stats screen with a study history (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await page.waitForSelector('li[data-deck-id]');
    await seedHistory(page, { studied: 80, days: 150 });
    await page.goto('./#/stats');
    await expect(page.getByTestId('chart-retention')).toContainText('True retention');
    for (const id of ['heatmap', 'grades', 'forecast', 'retention', 'states', 'buttons', 'time']) {
      const svg = page.getByTestId(`chart-${id}`).locator('svg[role="img"]');
      await expect(svg).toHaveAttribute('aria-label', /.+/);
      await expect(svg).toHaveAttribute('aria-describedby', `${id}-desc`);
    }
    await page.getByTestId('chart-heatmap').getByText('Show as a table').click();
    // The table gives the calendar's days, not weekly totals.
    await expect(page.getByTestId('chart-heatmap').locator('thead th')).toHaveText(['Day', 'Reviews']);
    await expect(page.getByTestId('chart-heatmap').locator('tbody tr').first().locator('td').first()).toHaveText(/^\w{3}, \d{1,2} \w{3} \d{4}$/);
    // Chart labels stay readable on a phone: at least 11 px tall however far the chart is scaled down.
    for (const id of ['heatmap', 'states', 'buttons']) {
      const sizes = await page.getByTestId(`chart-${id}`).locator('svg[role="img"] text').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    }
    await expectNoAxeViolations(page);
  });
}

test('opened straight from a link on first run, the stats screen lists the bundled decks', async ({ page }) => {
  await openApp(page, '#/stats');
  await expect(page.getByTestId('readiness').locator('h3', { hasText: 'Decks' })).toBeVisible();
  await expect(page.getByTestId('readiness').getByRole('link', { name: /^Study weakest: / })).toBeVisible();
  await expect(page.getByTestId('chart-states')).toContainText(/\d+ cards: \d+ new/);
});
