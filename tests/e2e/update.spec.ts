// A new version deployed while the learner is studying: the app says "Update available – Reload" and waits.
// The build is copied to a temp dir and served by a tiny static server, so the spec can deploy a "new" build.
import { createServer, type Server } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { test, expect } from './fixtures';
import { seedDeck } from './study-helpers';

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.wasm': 'application/wasm', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain',
};

// Updates are the service worker's work.
test.use({ serviceWorkers: 'allow' });

let root: string;
let server: Server;
let origin: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'drydock-update-'));
  cpSync(process.env.E2E_DIST ?? 'dist', root, { recursive: true });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

/** "Deploys" a new version: a changed index.html with a new precache revision, so sw.js changes too. */
function deployNewVersion(): void {
  const html = readFileSync(join(root, 'index.html'), 'utf8').replace('<head>', '<head>\n    <meta name="drydock-build" content="v2" />');
  writeFileSync(join(root, 'index.html'), html);
  const sw = readFileSync(join(root, 'sw.js'), 'utf8');
  const next = sw.replace(/(url:"index\.html",revision:")[^"]*"/, '$1e2e-v2"');
  expect(next).not.toBe(sw);
  writeFileSync(join(root, 'sw.js'), next);
}

test('a new build shows "Update available – Reload", never reloads by itself, and Reload loads the new version', async ({ page }) => {
  await page.goto(`${origin}/#/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await seedDeck(page);
  await page.goto(`${origin}/#/study/e2e-deck`);
  await page.getByRole('button', { name: /Show answer/ }).click();
  await expect(page.getByRole('button', { name: /Good/ })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

  deployNewVersion();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

  const banner = page.getByRole('status').filter({ hasText: 'Update available' });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner.getByRole('button', { name: 'Reload' })).toBeVisible();
  // Mid-review: still the same page, answer still shown, the grade buttons still usable above the banner.
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  await expect(page.locator('meta[name="drydock-build"]')).toHaveCount(0);
  await page.getByRole('button', { name: /Good/ }).click();
  await expect(page.locator('.card-face')).toContainText('[c…]');

  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.locator('meta[name="drydock-build"]')).toHaveAttribute('content', 'v2');
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBeUndefined();
  await expect(page.getByRole('status').filter({ hasText: 'Update available' })).toHaveCount(0);
  // The answer given before the reload is kept.
  await expect(page.locator('.remaining')).toContainText('5 new · 1 learning');
});
