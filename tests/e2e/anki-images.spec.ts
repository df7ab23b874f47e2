// Images in Anki packages: imported with the cards, shown on the study card from IndexedDB, still there offline.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect, openApp, openInstalledApp, waitForCollection, chooseImportFile, expectNoAxeViolations } from './fixtures';
import { PNG_1PX, legacyApkgWithMedia } from '../unit/io/apkg-helpers';

/** Waits until the image has loaded and has pixels. */
async function expectRendered(img: Locator): Promise<void> {
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
  expect(await img.getAttribute('src')).toMatch(/^blob:/);
}

async function storedMedia(page: Page): Promise<{ name: string; type: string; text: string }[]> {
  await waitForCollection(page);
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('drydock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ name: string; type: string; bytes: Uint8Array }[]>((resolve, reject) => {
      const req = db.transaction('media').objectStore('media').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows.map((r) => ({ name: r.name, type: r.type, text: r.type === 'image/svg+xml' ? new TextDecoder().decode(r.bytes) : '' }));
  });
}

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the image in an Anki package shows on its card, and still does offline after a reload', async ({ page, context }) => {
    await openInstalledApp(page, '#/import');
    await chooseImportFile(page, 'tests/fixtures/modern.apkg');
    await expect(page.getByTestId('import-images')).toHaveText('Images: 1 imported, shown on the cards.');
    await expect(page.getByTestId('import-warnings')).toHaveCount(0);
    await page.getByRole('button', { name: 'Import 5 cards' }).click();
    await expect(page.getByTestId('import-outcome')).toHaveText('5 cards added.');
    expect((await storedMedia(page)).map((m) => [m.name, m.type])).toEqual([['layers.png', 'image/png']]);

    await page.getByRole('link', { name: 'Study it now' }).click();
    await expect(page.locator('.card-face')).toContainText('What does docker image prune remove?');
    await page.getByRole('button', { name: /Show answer/ }).click();
    const image = page.locator('.card-face img[alt="layers.png"]');
    await expectRendered(image);
    await expectNoAxeViolations(page);

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('.card-face')).toContainText('What does docker image prune remove?');
    await page.getByRole('button', { name: /Show answer/ }).click();
    await expectRendered(image);
    await context.setOffline(false);
  });
});

test('an SVG with script and handlers is stored clean and shown as an image; a sound stays a note', async ({ page }) => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" onload="alert(1)"><script>alert(2)</script><rect width="20" height="10" fill="#0a7" onclick="alert(3)"/></svg>';
  const pkg = await legacyApkgWithMedia('Which picture? <img src="dot.png"> <img src="shape.svg">', 'Both [sound:hint.mp3]', { 'dot.png': PNG_1PX, 'shape.svg': new TextEncoder().encode(svg) });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openApp(page, '#/import');
  await chooseImportFile(page, { name: 'pictures.apkg', buffer: Buffer.from(pkg) });
  await expect(page.getByTestId('import-images')).toHaveText('Images: 2 imported, shown on the cards.');
  await page.getByRole('button', { name: 'Import 1 card' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('1 card added.');
  const stored = await storedMedia(page);
  expect(stored.map((m) => m.name).sort()).toEqual(['dot.png', 'shape.svg']);
  const clean = stored.find((m) => m.type === 'image/svg+xml')!.text;
  expect(clean).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*><rect/);
  expect(clean).not.toMatch(/script|onload|onclick|alert/i);

  await page.getByRole('link', { name: 'Study it now' }).click();
  await expectRendered(page.locator('.card-face img[alt="dot.png"]'));
  await expectRendered(page.locator('.card-face img[alt="shape.svg"]'));
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(page.locator('.card-face')).toContainText('Both (audio not imported: hint.mp3)');
  await expectNoAxeViolations(page);
  expect(dialogs).toEqual([]);
});

test('exporting the deck as .apkg carries the image as a media file', async ({ page }) => {
  await openApp(page, '#/import');
  await chooseImportFile(page, 'tests/fixtures/modern.apkg');
  await page.getByRole('button', { name: 'Import 5 cards' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('5 cards added.');
  await page.goto('./#/library');
  await page.getByRole('checkbox', { name: 'Select Containers::Images for export', exact: true }).check();
  await page.getByLabel('Export format').selectOption('apkg');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const files = unzipSync(new Uint8Array(readFileSync(await (await downloading).path())));
  const map = JSON.parse(strFromU8(files.media)) as Record<string, string>;
  expect(Object.values(map)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.png$/)]);
  expect(Array.from(files[Object.keys(map)[0]].subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
});
