// Storage full, on a real on-disk profile: DevTools' Storage.overrideQuotaForOrigin makes the disk "full", and an import,
// a restore and an answer each fail whole, say so, and leave the collection exactly as it was.
//
// Why an on-disk profile, a pause away from the origin, and a probe:
// - Playwright's default context is off the record: IndexedDB lives in memory, and its bucket is never closed.
// - Chromium's IndexedDB remembers the free space it last saw and spends it for up to 30 s without asking again
//   (BucketContext::kBucketSpaceCacheTimeLimit), so a lowered quota does not count while the app's connection is warm.
//   The memory goes with the bucket, which closes 2 s after its last connection; so the spec leaves the origin for 2.5 s.
// - A probe write then proves the quota bites before the app is tested (it retries the pause, at most 4 times).
import { test as base, expect, chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config, { CHROMIUM_ARGS } from '../../playwright.config';
import { chooseImportFile, openApp, readCollection } from './fixtures';
import { seedDeck } from './study-helpers';

type Disk = {
  page: Page;
  /** Leaves `bytes` of room for the origin (null lifts the limit); resolves once IndexedDB honours it. */
  setFreeSpace(bytes: number | null): Promise<void>;
};

/** A phone-sized Chromium on a fresh on-disk profile, with DevTools access to the app origin's quota. */
async function launchDisk(baseURL: string): Promise<Disk & { close(): Promise<void> }> {
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
  const origin = new URL(baseURL).origin;
  const setFreeSpace = async (bytes: number | null) => {
    if (bytes === null) {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      return;
    }
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      // A same-origin page without the app, once the app's IndexedDB connections have closed (a 2 s grace period).
      await page.goto('about:blank');
      await page.waitForTimeout(2500);
      await page.goto(`${origin}/robots.txt`);
      // estimate() reports a fixed quota in current Chromium; DevTools reports the real usage.
      const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + bytes });
      outcomes.push(await page.evaluate(probeWrite, bytes + 64 * 1024));
      if (outcomes.at(-1) === 'QuotaExceededError') return;
    }
    throw new Error(`the quota override did not take effect (probe writes: ${outcomes.join(', ')})`);
  };
  const close = async () => {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  };
  return { page, setFreeSpace, close };
}

// One profile for the file: launching it and installing the app dominate the run time. Every test starts with the
// limit lifted; only the answer test leaves a change behind (its one saved answer).
const test = base.extend<object, { disk: Disk }>({
  disk: [
    async ({}, use) => {
      const disk = await launchDisk(config.use!.baseURL!);
      await use(disk);
      await disk.close();
    },
    { scope: 'worker' },
  ],
});

test.beforeEach(async ({ disk }) => {
  await disk.setFreeSpace(null);
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

/** The write was refused with the out-of-space message, quoting the size it needed, and the collection is untouched. */
async function expectRefusedForSpace(page: Page, errorTestId: string, what: string, before: Awaited<ReturnType<typeof readCollection>>): Promise<void> {
  const error = page.getByTestId(errorTestId);
  await expect(error).toContainText(new RegExp(`^There is not enough storage space for ${what}: it needs about [\\d.]+ (bytes|KB|MB)\\b`));
  await expect(error).toContainText(/Nothing was changed\.$/);
  expect(await readCollection(page)).toEqual(before);
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
  await expectRefusedForSpace(page, 'import-error', 'this import', before);
});

test('a restore that hits the storage quota rolls back and says how much space it needed', async ({ disk }) => {
  const { page } = disk;
  await openApp(page, '#/library');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up everything' }).click();
  const backup = await readFile((await (await downloading).path())!);
  const before = await readCollection(page);
  await disk.setFreeSpace(16 * 1024);
  await page.goto('./#/library');
  await page.getByLabel('Restore from a backup…').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace everything' }).click();
  await expectRefusedForSpace(page, 'library-error', 'this restore', before);
});

test('an answer that hits the storage quota keeps the card with a message, writes nothing, and saves once space is freed', async ({ disk }) => {
  const { page } = disk;
  await openApp(page, '#/');
  await seedDeck(page);
  const before = await readCollection(page);
  await disk.setFreeSpace(0);
  await page.goto('./#/');
  await page.locator('li[data-deck-id="e2e-deck"] a').click();
  const face = page.locator('.card-face');
  await expect(face.locator('code', { hasText: 'docker ps' })).toBeVisible();
  await page.getByRole('button', { name: /Show answer/ }).click();
  const good = page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: /Good/ });
  await good.click();
  const problem = page.getByRole('alert').filter({ hasText: 'This answer was not saved' });
  await expect(problem).toHaveText('This answer was not saved: the device is out of storage space for Drydock. Free some space, then answer again. Your earlier answers are safe.');
  await expect(face.locator('pre code')).toContainText('docker ps -a');
  const after = await readCollection(page);
  expect(after.states).toEqual(before.states);
  expect(after.reviews).toEqual(before.reviews);

  await disk.setFreeSpace(null);
  await good.click();
  await expect(problem).toHaveCount(0);
  await expect(face).toContainText('[c…]');
  await expect.poll(async () => (await readCollection(page)).reviews.length).toBe(before.reviews.length + 1);
  const saved = await readCollection(page);
  expect(saved.states.find((s) => s.cardId === 'e2e-basic')?.reps).toBe(1);
});
