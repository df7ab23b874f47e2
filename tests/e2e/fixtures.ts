// Shared e2e helpers: a fresh app load that waits for the service worker, and an axe check.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Opens the app and waits until the service worker controls the page (clientsClaim) and the decks are listed. */
export async function openApp(page: Page, hash = '#/'): Promise<void> {
  await page.goto(`./${hash}`);
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
        setTimeout(resolve, 5000);
      });
    }
    return reg.active?.state;
  });
}

/** Fails with the list of violations when axe-core finds any on the current page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

export const test = base;
export { expect };

/** Every table of the collection as stored in IndexedDB, read in the page (sorted by key for comparisons). */
export async function readCollection(page: Page): Promise<Record<'decks' | 'cards' | 'states' | 'reviews' | 'settings', Record<string, unknown>[]>> {
  return page.evaluate(async () => {
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
