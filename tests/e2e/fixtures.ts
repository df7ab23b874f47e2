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
