// Device sync end to end on the phone viewport, two browser contexts against the real server (server/main.ts, the
// e2e web server): pairing by code, an answer on one device showing on the other after Sync now, an answer made
// offline syncing by itself when the device is back online (through the real service worker), and a conflict that is
// listed and restored.
import type { Browser, Page } from '@playwright/test';
import { test, expect, openApp, openInstalledApp, expectNoAxeViolations, readCollection, chooseImportFile } from './fixtures';
import { homeCounts, seedDeck } from './study-helpers';
import type { Deck } from '../../src/lib/domain/model';

const DECK: Deck = {
  formatVersion: 1,
  id: 'user-sync-deck',
  title: 'Sync deck',
  description: '',
  tags: [],
  source: 'tests',
  cards: [
    { id: 'sy-1', kind: 'basic', tags: [], prompt: 'What does `docker ps` list?', answer: 'Running containers.' },
    { id: 'sy-2', kind: 'basic', tags: [], prompt: 'What does `docker images` list?', answer: 'Local images.' },
    { id: 'sy-3', kind: 'basic', tags: [], prompt: 'What does `docker volume ls` list?', answer: 'Volumes.' },
  ],
};

// The service worker is allowed: the laptop answers offline, and the study screen's code then comes from its cache.
async function device(browser: Browser) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'allow' });
  return { context, page: await context.newPage() };
}

async function answerOne(page: Page) {
  await page.goto(`./#/study/${DECK.id}`);
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: /Good/ }).click();
  await expect(page.locator('.remaining')).toBeVisible();
}

async function syncNow(page: Page) {
  await page.goto('./#/sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-status')).toContainText(/Last synced just now · nothing waiting/);
}

test('two devices pair by code; answers, an offline answer and a conflict reach both', async ({ browser }) => {
  test.setTimeout(180_000);
  const phone = await device(browser);
  const laptop = await device(browser);

  // The phone has a deck of its own and turns sync on: a code, a QR code and a link.
  await openApp(phone.page, '#/');
  await seedDeck(phone.page, DECK);
  await phone.page.goto('./#/sync');
  await expect(phone.page.getByText('nothing leaves this device until you turn it on')).toBeVisible();
  await expectNoAxeViolations(phone.page);
  await phone.page.getByLabel('Name of this device').fill('Phone');
  await phone.page.getByRole('button', { name: 'Turn on sync' }).click();
  await expect(phone.page.getByTestId('sync-message')).toContainText('Sync is on');
  const code = (await phone.page.getByTestId('pairing-code').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}$/);
  await expect(phone.page.getByRole('img', { name: 'QR code of the pairing link' })).toBeVisible();
  const link = phone.page.getByRole('link', { name: /#\/pair\// });
  await expect(link).toBeVisible();
  await expectNoAxeViolations(phone.page);

  // Scanning the QR code opens the pairing link: the code arrives in the fragment, never sent to the server.
  const tablet = await device(browser);
  await openApp(tablet.page, new URL((await link.getAttribute('href'))!).hash);
  await expect(tablet.page.getByLabel('Pairing code')).toHaveValue(code);
  await tablet.context.close();

  // The laptop joins with the code typed in lower case, and gets the phone's deck.
  // Installed (the service worker controls it) before it goes offline below.
  await openInstalledApp(laptop.page, '#/sync');
  await laptop.page.getByLabel('Name of this device').fill('Laptop');
  await laptop.page.getByLabel('Pairing code').fill(code.toLowerCase());
  await laptop.page.getByRole('button', { name: 'Join with a code' }).click();
  await expect(laptop.page.getByTestId('sync-message')).toContainText('This device joined');
  await expect(laptop.page.getByRole('list').filter({ hasText: 'Phone' })).toContainText('Laptop (this device)');
  await laptop.page.goto('./#/');
  expect(await homeCounts(laptop.page, DECK.id)).toEqual({ new: 3, learning: 0, due: 0 });

  // An answer on the phone appears on the laptop after Sync now.
  await answerOne(phone.page);
  await syncNow(phone.page);
  await syncNow(laptop.page);
  await laptop.page.goto('./#/');
  expect(await homeCounts(laptop.page, DECK.id)).toEqual({ new: 2, learning: 1, due: 0 });

  // The laptop answers offline: the change waits, then goes by itself when the laptop is back online.
  await laptop.context.setOffline(true);
  await answerOne(laptop.page);
  await laptop.page.goto('./#/sync');
  await expect(laptop.page.getByTestId('sync-status')).toContainText('1 change waiting');
  await laptop.context.setOffline(false);
  await expect(laptop.page.getByTestId('sync-status')).toContainText('nothing waiting', { timeout: 20_000 });
  await syncNow(phone.page);
  await phone.page.goto('./#/');
  expect(await homeCounts(phone.page, DECK.id)).toEqual({ new: 1, learning: 2, due: 0 });
  expect((await readCollection(phone.page)).reviews).toHaveLength(2);

  // Both devices edit the same card before syncing: the later edit wins on both, the other is listed and restored.
  const edit = async (page: Page, answer: string) => {
    await page.goto(`./#/edit/${DECK.id}`);
    await page.getByTestId('card-row').first().getByRole('button', { name: /^Edit card/ }).click();
    await page.getByLabel('Answer', { exact: true }).fill(answer);
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect(page.getByTestId('editor-status')).toHaveText('Card saved.');
  };
  await edit(phone.page, 'Running containers (edited on the phone).');
  await edit(laptop.page, 'Running containers (edited on the laptop).');
  await syncNow(phone.page);
  await syncNow(laptop.page);
  await syncNow(phone.page);
  const answerOf = async (page: Page) => (await readCollection(page)).cards.find((c) => c.id === 'sy-1')?.answer;
  expect(await answerOf(phone.page)).toBe('Running containers (edited on the laptop).');
  const conflicts = phone.page.getByTestId('sync-conflicts');
  await expect(conflicts).toContainText('edited on the phone');
  await expectNoAxeViolations(phone.page);
  await conflicts.getByRole('button', { name: 'Restore this version' }).first().click();
  await expect(phone.page.getByTestId('sync-message')).toContainText('Restored');
  await syncNow(phone.page);
  await syncNow(laptop.page);
  expect(await answerOf(laptop.page)).toBe('Running containers (edited on the phone).');
  // Progress on the card survived every step.
  expect((await readCollection(laptop.page)).states.find((s) => s.cardId === 'sy-1')).toMatchObject({ reps: 1 });

  await phone.context.close();
  await laptop.context.close();
});

test('a deck imported while sync is on goes out by itself and reaches the other device', async ({ browser }) => {
  test.setTimeout(120_000);
  const phone = await device(browser);
  const laptop = await device(browser);
  await openApp(phone.page, '#/sync');
  await phone.page.getByLabel('Name of this device').fill('Phone');
  await phone.page.getByRole('button', { name: 'Turn on sync' }).click();
  await expect(phone.page.getByTestId('sync-message')).toContainText('Sync is on');
  const code = (await phone.page.getByTestId('pairing-code').innerText()).trim();
  await syncNow(phone.page);

  // The import is read and written in a worker, on a connection of its own: its operations are queued in the same
  // transaction, and the page still hears of them, so they are pushed a few seconds later without "Sync now".
  const csv = 'front,back\n"Which flag publishes a port?","-p host:container"\n"Which flag names a container?","--name"\n';
  await chooseImportFile(phone.page, { name: 'flags.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await phone.page.getByRole('button', { name: 'Import 2 cards' }).click();
  await expect(phone.page.getByTestId('import-outcome')).toHaveText('2 cards added.');
  await phone.page.goto('./#/sync');
  await expect(phone.page.getByTestId('sync-status')).toContainText('nothing waiting', { timeout: 20_000 });

  await openApp(laptop.page, '#/sync');
  await laptop.page.getByLabel('Name of this device').fill('Laptop');
  await laptop.page.getByLabel('Pairing code').fill(code);
  await laptop.page.getByRole('button', { name: 'Join with a code' }).click();
  await expect(laptop.page.getByTestId('sync-message')).toContainText('This device joined');
  await laptop.page.goto('./#/');
  expect(await homeCounts(laptop.page, 'csv-flags')).toEqual({ new: 2, learning: 0, due: 0 });

  await phone.context.close();
  await laptop.context.close();
});
