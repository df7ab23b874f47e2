// Bad files show a message naming the problem, change nothing, and leave the page responsive.
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openApp, readCollection, chooseImportFile, expectNoAxeViolations } from './fixtures';

const text = (s: string) => Buffer.from(s, 'utf8');
const deck = { formatVersion: 1, id: 'd', title: 'T', description: '', tags: [], source: '', cards: [{ id: 'c', kind: 'basic', tags: [], prompt: 'p', answer: 'a' }] };

const cases: { name: string; file: () => { name: string; buffer: Buffer } | string; message: RegExp }[] = [
  { name: 'empty JSON', file: () => ({ name: 'empty.json', buffer: text('') }), message: /"empty\.json" is empty/ },
  { name: 'truncated JSON', file: () => ({ name: 'cut.json', buffer: text(JSON.stringify(deck).slice(0, 60)) }), message: /"cut\.json" is not valid JSON/ },
  { name: 'JSON from a newer Drydock', file: () => ({ name: 'new.json', buffer: text(JSON.stringify({ ...deck, formatVersion: 7 })) }), message: /format version 7, made by a newer Drydock/ },
  { name: 'JSON that is not a deck', file: () => ({ name: 'pkg.json', buffer: text('{"name":"left-pad","version":"1.0.0"}') }), message: /no valid "formatVersion"/ },
  { name: 'empty CSV', file: () => ({ name: 'empty.csv', buffer: text('\uFEFF') }), message: /"empty\.csv" is empty/ },
  { name: 'CSV cut inside a quote', file: () => ({ name: 'cut.csv', buffer: text('front,back\n"What is') }), message: /Line 2 opens a quoted field that never closes/ },
  { name: 'CSV with 100,000 columns', file: () => ({ name: 'wide.csv', buffer: text('a,'.repeat(100_000) + 'a\n') }), message: /Line 1 has more than 100 columns/ },
  { name: 'CSV with a 10 MB line', file: () => ({ name: 'long.csv', buffer: text('x'.repeat(10 * 1024 * 1024) + ',b\n') }), message: /Line 1 has a field longer than 100,000 characters/ },
  { name: 'CSV that is not UTF-8', file: () => ({ name: 'latin1.csv', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x61, 0x0a]) }), message: /is not UTF-8 text/ },
  { name: 'empty Markdown', file: () => ({ name: 'notes.md', buffer: text('') }), message: /"notes\.md" is empty/ },
  { name: 'Markdown with no cards in it', file: () => ({ name: 'blank.md', buffer: text('\n\n   \n') }), message: /is empty|No cards could be made/ },
  { name: 'empty .apkg', file: () => ({ name: 'empty.apkg', buffer: Buffer.alloc(0) }), message: /"empty\.apkg" is empty/ },
  { name: 'truncated .apkg', file: () => ({ name: 'cut.apkg', buffer: readFileSync('tests/fixtures/update1.apkg').subarray(0, 1500) }), message: /truncated|damaged|not a valid zip/ },
  { name: '.apkg that is not a zip', file: () => ({ name: 'fake.apkg', buffer: text('front,back\nq,a\n') }), message: /not a zip archive/ },
  { name: '.apkg with ../ entry names', file: () => 'tests/fixtures/bad/path-traversal.apkg', message: /entry named "\.\.\/\.\.\/\.\.\/home\/user\/\.bashrc" that points outside the archive/ },
  { name: '.apkg zip bomb', file: () => ({ name: 'bomb.apkg', buffer: readFileSync('tests/fixtures/bad/zip-bomb.apkg') }), message: /expands to more than 128 MB.*zip bomb/ },
  { name: 'SQLite that is not an Anki collection', file: () => 'tests/fixtures/bad/not-anki.apkg', message: /without Anki's notes and cards tables/ },
];

// Each test has its own context and file: they share nothing, so the two workers split them.
test.describe.configure({ mode: 'parallel' });

test.describe('bad files', () => {
  for (const c of cases) {
    test(`${c.name}: clear message, nothing written, page responsive`, async ({ page }) => {
      await openApp(page, '#/import');
      const before = await readCollection(page);
      await chooseImportFile(page, c.file());
      await expect(page.getByTestId('import-error')).toHaveText(c.message, { timeout: 30_000 });
      await expect(page.getByTestId('import-error')).toContainText('Nothing was changed');
      expect(await readCollection(page)).toEqual(before);
      if (c === cases[0]) await expectNoAxeViolations(page);
      // Still responsive: the picker works again and navigation answers.
      await expect(page.getByLabel('Choose a deck file')).toBeEnabled();
      await page.getByRole('link', { name: 'Library' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible({ timeout: 2000 });
    });
  }

  test('a file over the 50 MB limit is refused before reading', async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-'));
    const path = join(dir, 'huge.csv');
    writeFileSync(path, Buffer.alloc(51 * 1024 * 1024, 0x61));
    await openApp(page, '#/import');
    const before = await readCollection(page);
    await chooseImportFile(page, path);
    await expect(page.getByTestId('import-error')).toHaveText(/"huge\.csv" is 51 MB; the limit for a deck file is 50 MB/);
    expect(await readCollection(page)).toEqual(before);
  });

  test('card HTML with <script>, onerror= and javascript: is imported as inert text', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openApp(page, '#/import');
    await chooseImportFile(page, 'tests/fixtures/bad/hostile-html.apkg');
    await page.getByRole('button', { name: 'Import 1 card' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveText('1 card added.');
    const [card] = (await readCollection(page)).cards.filter((c) => c.deckId === 'anki-hostile-html');
    expect(card).toMatchObject({ prompt: 'Hostile (image not imported: x)card', answer: 'click mehover' });
    expect(JSON.stringify(card)).not.toMatch(/<script|onerror|javascript:|onload|onmouseover|<iframe|<svg/i);
    await page.getByRole('link', { name: 'Study it now' }).click();
    await expect(page.getByText('Hostile (image not imported: x)card')).toBeVisible();
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expect(page.getByText('click mehover')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main script, main iframe, main svg[onload], main [onerror], main [onmouseover], main a[href^="javascript:"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('a bad backup is refused with its message and restores nothing', async ({ page }) => {
    await openApp(page, '#/library');
    await expect(page.getByTestId('deck-list')).toHaveAttribute('aria-busy', 'false');
    const before = await readCollection(page);
    await page.getByLabel('Restore from a backup…').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: text('{"kind":"drydock-backup","backupVersion":1,"tables":{"decks":[') });
    await expect(page.getByTestId('library-error')).toContainText('"backup.json" is not valid JSON');
    await page.getByLabel('Restore from a backup…').setInputFiles({ name: 'deck.json', mimeType: 'application/json', buffer: text(JSON.stringify(deck)) });
    await expect(page.getByTestId('library-error')).toContainText('is not a Drydock backup');
    expect(await readCollection(page)).toEqual(before);
  });
});
