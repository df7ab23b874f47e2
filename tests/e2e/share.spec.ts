// A share link opened in a fresh browser context shows the import preview; the deck can then be studied.
import { test, expect, openApp, chooseImportFile, expectNoAxeViolations, readCollection } from './fixtures';

const CSV = 'front,back,tags\n"What does `docker ps -a` list?","All containers, stopped ones too",cli\n"Which instruction sets the default command?",CMD,dockerfile\n"Where do named volumes live?","/var/lib/docker/volumes",storage\n';

test('a share link opens the preview on another device, and the deck can be studied', async ({ page, browser, baseURL }) => {
  await openApp(page, '#/import');
  await chooseImportFile(page, { name: 'Class 1.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByRole('button', { name: 'Import 3 cards' }).click();
  await page.goto('./#/library');
  await page.getByRole('button', { name: 'Share link for Class 1', exact: true }).click();
  const link = await page.getByLabel(/^Share link/).inputValue();
  expect(link).toMatch(/#\/share\/1\.[0-9a-z]+\.[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(2000);
  await expectNoAxeViolations(page);

  const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const student = await phone.newPage();
  await student.goto(link);
  await expect(student.getByRole('heading', { level: 1, name: 'Shared deck' })).toBeVisible();
  await expect(student.getByRole('list', { name: 'Decks in this import' })).toContainText('Class 1: 3 cards');
  // The preview renders Markdown as study will: the command shows as code, not with backticks.
  await expect(student.getByText('What does docker ps -a list?')).toBeVisible();
  expect((await readCollection(student)).cards.filter((c) => c.deckId === 'csv-class-1')).toHaveLength(0);
  await expectNoAxeViolations(student);
  await student.getByRole('button', { name: 'Import 3 cards' }).click();
  await expect(student.getByTestId('import-outcome')).toHaveText('3 cards added.');
  await student.getByRole('link', { name: 'Study it now' }).click();
  await expect(student.getByText('What does docker ps -a list?')).toBeVisible();
  await student.getByRole('button', { name: /Show answer/ }).click();
  await expect(student.getByText('All containers, stopped ones too')).toBeVisible();
  await phone.close();
});

test('a tampered share link says so and adds nothing', async ({ page }) => {
  await openApp(page, '#/library');
  await page.goto('./#/import');
  await chooseImportFile(page, { name: 'T.csv', mimeType: 'text/csv', buffer: Buffer.from('q,a\n') });
  await page.getByRole('button', { name: 'Import 1 card' }).click();
  await page.goto('./#/library');
  await page.getByRole('button', { name: 'Share link for T', exact: true }).click();
  const link = await page.getByLabel(/^Share link/).inputValue();
  const before = await readCollection(page);
  await page.goto(link.replace(/.....$/, 'AAAAA'));
  await expect(page.getByTestId('import-error')).toContainText('damaged or was changed');
  expect(await readCollection(page)).toEqual(before);
});

test('a deck too big for a link is told to travel as a file', async ({ page }) => {
  await openApp(page, '#/import');
  const rows = Array.from({ length: 80 }, (_, i) => `"Question ${i}","Answer ${i}",`).join('\n');
  await chooseImportFile(page, { name: 'Big.csv', mimeType: 'text/csv', buffer: Buffer.from(`front,back,tags\n${rows}\n`) });
  await page.getByRole('button', { name: 'Import 80 cards' }).click();
  await page.goto('./#/library');
  await page.getByRole('button', { name: 'Share link for Big', exact: true }).click();
  await expect(page.getByTestId('share-box')).toContainText('has 80 cards; a share link holds up to 60. Export it as a file');
});
