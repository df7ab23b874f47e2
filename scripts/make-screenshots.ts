// Renders the install dialog's screenshots (public/screenshots/) from the built app in Chromium: two phone screens
// (390×844 at 2×) and one wide one (1280×800), with the bundled decks and a seeded review history so the screens
// look like a learner's second week. Run: npx vite build && npx tsx scripts/make-screenshots.ts
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { seedHistory } from '../tests/e2e/stats-seed';

const PORT = Number(process.env.SHOT_PORT ?? 4191);
const url = `http://127.0.0.1:${PORT}/`;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { detached: true, stdio: 'ignore' });
const stop = () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stop);
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`${url}robots.txt`)).ok) break;
  } catch {
    await sleep(200);
  }
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
mkdirSync('public/screenshots', { recursive: true });

async function ready(page: Page): Promise<void> {
  await page.goto(url);
  await page.locator('li[data-deck-id]').first().waitFor();
  await seedHistory(page, { studied: 60, days: 14 });
  // One-time notices belong to a first visit, not to a picture of the app.
  await page.evaluate(() => ['drydock.offlineReadySeen', 'drydock.iosInstallHintSeen'].forEach((k) => localStorage.setItem(k, '1')));
}

const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'light', serviceWorkers: 'block' });
// tsx compiles the seeding function with esbuild's name helper, which the page does not have.
const nameHelper = 'globalThis.__name = (f) => f';
await phone.addInitScript(nameHelper);
const p = await phone.newPage();
await ready(p);
await p.goto(`${url}#/`);
await p.reload();
await p.locator('li[data-deck-id]').first().waitFor();
await p.screenshot({ path: 'public/screenshots/phone-decks.png' });
await p.goto(`${url}#/study/all`);
await p.getByRole('button', { name: /Show answer/ }).click();
await p.getByRole('group', { name: 'How well did you know it?' }).waitFor();
await p.screenshot({ path: 'public/screenshots/phone-study.png' });

const wide = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: 'dark', serviceWorkers: 'block' });
await wide.addInitScript(nameHelper);
const w = await wide.newPage();
await ready(w);
await w.goto(`${url}#/stats`);
await w.reload();
await w.getByTestId('stats-timing').waitFor();
await sleep(500);
await w.screenshot({ path: 'public/screenshots/wide-stats.png' });

await browser.close();
stop();
console.log('Wrote public/screenshots/phone-decks.png, phone-study.png (780×1688) and wide-stats.png (1280×800).');
