// Shared e2e helpers: an app load (with or without the service worker), an axe check, and reads of the stored collection.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Opens the app at `hash` and waits until its shell is shown (and on the deck list, the decks). Most specs run with the service worker blocked
 * (playwright.config.ts): it registers about two seconds after start and precaches the whole build, which the flows
 * they test never need. The specs about offline use and updates allow it and open the app with openInstalledApp.
 */
export async function openApp(page: Page, hash = '#/'): Promise<void> {
  await page.goto(`./${hash}`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // index.html paints a static shell first; the app has started once it replaced it.
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  // The deck list shows once the built-in decks are stored: what a first visit waits for.
  if (hash === '#/') await expect(page.locator('li[data-deck-id]').first()).toBeVisible();
}

/** Opens the app and waits until the service worker controls the page (clientsClaim), as after a first visit. */
export async function openInstalledApp(page: Page, hash = '#/'): Promise<void> {
  await openApp(page, hash);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

/**
 * Waits until the app has created its database. The helpers that read or seed IndexedDB directly call it first: opened
 * without a version before the app's own open, the database would be created empty at version 1.
 */
export async function waitForCollection(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'drydock'))).toBe(true);
}

/** Fails with the list of violations when axe-core finds any on the current page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

export const test = base;
export { expect };

/**
 * Every table of the collection as stored in IndexedDB, read in the page (sorted by key for comparisons). Before the
 * app has created its database (a screen that does not touch it, such as the import screen, leaves that to the
 * start-up work about two seconds in) every table is empty, which is what the app would read, and nothing is created.
 */
export async function readCollection(page: Page): Promise<Record<'decks' | 'cards' | 'states' | 'reviews' | 'settings', Record<string, unknown>[]>> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'drydock')) return { decks: [], cards: [], states: [], reviews: [], settings: [] };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('drydock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const names = ['decks', 'cards', 'states', 'reviews', 'settings'] as const;
    const out: Record<string, Record<string, unknown>[]> = {};
    for (const name of names) {
      out[name] = db.objectStoreNames.contains(name)
        ? await new Promise<Record<string, unknown>[]>((resolve, reject) => {
            const req = db.transaction(name).objectStore(name).getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          })
        : [];
    }
    db.close();
    return out as Record<(typeof names)[number], Record<string, unknown>[]>;
  });
}

/** Picks a file in the import screen's file input (opening the screen first). */
export async function chooseImportFile(page: Page, file: { name: string; mimeType?: string; buffer: Buffer } | string): Promise<void> {
  if (!page.url().includes('#/import')) await page.goto('./#/import');
  await page.getByLabel('Choose a deck file').setInputFiles(typeof file === 'string' ? file : { mimeType: 'application/octet-stream', ...file });
}

/** The page's local date `days` from today, as a date input takes it (YYYY-MM-DD). */
export function localDateInDays(page: Page, days: number): Promise<string> {
  return page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);
}
