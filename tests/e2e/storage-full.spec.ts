// Storage full, on a real on-disk profile: the DevTools quota override makes the disk "full", and an import, a restore
// and an answer each fail whole, say so, and leave the collection exactly as it was.
//
// Why a persistent profile and a probe: Playwright's default context is off the record, so IndexedDB lives in memory
// and its quota is computed differently. And Chromium's IndexedDB remembers the free space it last saw for up to 30 s
// (BucketContext's space cache), so a lowered quota only counts once that cache is gone: the spec leaves the origin
// until its IndexedDB connections have closed, then proves the quota bites with a probe write before testing the app.
import { test as base, expect, chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { chooseImportFile, openApp, readCollection } from './fixtures';
import { seedDeck } from './study-helpers';

type Disk = {
  page: Page;
  /** Leaves `bytes` of room for the origin (null lifts the limit); resolves once IndexedDB honours it. */
  setFreeSpace(bytes: number | null): Promise<void>;
};

const test = base.extend<{ disk: Disk }>({
  disk: async ({ baseURL }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'drydock-quota-'));
    const context: BrowserContext = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      baseURL,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      serviceWorkers: 'allow',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp: CDPSession = await context.newCDPSession(page);
    const origin = new URL(baseURL!).origin;
    const setFreeSpace = async (bytes: number | null) => {
      if (bytes === null) {
        await cdp.send('Storage.overrideQuotaForOrigin', { origin });
        return;
      }
      for (let attempt = 1; ; attempt++) {
        // A same-origin page without the app, once the app's IndexedDB connections are closed (2 s grace period).
        await page.goto('about:blank');
        await page.waitForTimeout(2500);
        await page.goto(`${origin}/robots.txt`);
        // estimate() reports a fixed quota in current Chromium; DevTools reports the real usage and the override.
        const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
        await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + bytes });
        const outcome = await page.evaluate(probeWrite, bytes + 64 * 1024);
        console.log(`quota probe ${attempt}: usage ${usage}, ${outcome}`);
        if (outcome === 'QuotaExceededError') return;
        if (attempt === 4) throw new Error(`the quota override did not take effect (probe: ${outcome})`);
      }
    };
    await use({ page, setFreeSpace });
    await context.close();
    await rm(dir, { recursive: true, force: true });
  },
});

/** Tries to store `size` bytes in the app's settings table and removes them again; returns the error name or 'stored'. */
async function probeWrite(size: number): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('drydock');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const run = (write: (store: IDBObjectStore) => void) =>
    new Promise<string>((resolve) => {
      const tx = db.transaction('settings', 'readwrite');
      write(tx.objectStore('settings'));
      tx.oncomplete = () => resolve('stored');
      tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
    });
  // Many small records: a single large value would be stored as a blob, which this check does not count.
  const keys = Array.from({ length: Math.ceil(size / 8192) }, (_, i) => `quota-probe-${i}`);
  const outcome = await run((store) => keys.forEach((key) => store.put({ key, value: 'x'.repeat(8192) })));
  if (outcome === 'stored') await run((store) => keys.forEach((key) => store.delete(key)));
  db.close();
  return outcome;
}

test('an import that hits the storage quota rolls back and says how much space it needed', async ({ disk }) => {
  const { page } = disk;
  await openApp(page, '#/');
  await expect(page.getByRole('link', { name: /Study/ }).first()).toBeVisible();
  const before = await readCollection(page);
  await disk.setFreeSpace(16 * 1024);
  const rows = Array.from({ length: 400 }, (_, i) => `what does flag ${i} do?,${'it sets option '.repeat(40)}${i}`);
  await chooseImportFile(page, { name: 'Big.csv', mimeType: 'text/csv', buffer: Buffer.from(`front,back\n${rows.join('\n')}\n`) });
  await page.getByRole('button', { name: 'Import 400 cards' }).click();
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('There is not enough storage space for this import: it needs about');
  await expect(error).toContainText('Nothing was changed.');
  console.log(await error.innerText());
  expect(await readCollection(page)).toEqual(before);
});
