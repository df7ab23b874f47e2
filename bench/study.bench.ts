// Study-path figures, each beside a baseline measured in the same run:
// - answer latency (tap -> next card painted), median and p95 over 200 answers;
// - the answer transaction alone (state + log, strict durability) beside a bare IndexedDB put (strict), and again with
//   device sync on (state + log + its outbox operation, one transaction);
// - initial JS on the study path, kB gzip, beside all JS the build ships;
// - Lighthouse 12.2.3 mobile scores (performance, accessibility, best practices) for the deck list and a study screen.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { BENCH_URL, fmt, launchChromium, summarize } from './lib/browser';
import { CHROMIUM_ARGS } from '../playwright.config';

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 200);
const SYNCED_ANSWERS = Math.max(20, Math.round(ANSWERS / 2));
const DIST = process.env.BENCH_DIST ?? 'dist-bench';

const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
// tsx keeps function names with a __name helper that the page does not have.
await context.addInitScript('globalThis.__name = (fn) => fn;');
const page = await context.newPage();

// --- Initial JS on the study path: what a fresh load of a study screen fetches before any interaction.
const jsRequests = new Set<string>();
page.on('request', (r) => {
  if (r.resourceType() === 'script') jsRequests.add(new URL(r.url()).pathname.split('/').pop()!);
});
await page.goto(`${BENCH_URL}#/study/all`);
await page.getByRole('button', { name: /Show answer/ }).waitFor({ timeout: 30_000 });
await page.waitForLoadState('networkidle');
const gz = (file: string) => gzipSync(readFileSync(`${DIST}/assets/${file}`)).length / 1024;
const allJs = readdirSync(`${DIST}/assets`).filter((f) => f.endsWith('.js'));
const studyJs = [...jsRequests].filter((f) => allJs.includes(f));
const studyKb = studyJs.reduce((sum, f) => sum + gz(f), 0);
const allKb = allJs.reduce((sum, f) => sum + gz(f), 0);

// Enough new cards that 200 answers never run out.
await page.goto(`${BENCH_URL}#/settings`);
await page.getByLabel('New cards per day').fill('9999');
await page.getByRole('button', { name: 'Save settings' }).click();
await page.getByText('Saved.').waitFor();
await page.goto(`${BENCH_URL}#/study/all`);
await page.getByRole('button', { name: /Show answer/ }).waitFor();

// --- Answer latency, measured in the page: click a grade, wait for the next card's DOM, then for the frame after paint.
async function answerMany(answers: number): Promise<number[]> {
  const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const until = (test: () => boolean) =>
    new Promise<void>((resolve) => {
      if (test()) return resolve();
      const observer = new MutationObserver(() => {
        if (test()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  const samples: number[] = [];
  for (let i = 0; i < answers; i++) {
    (document.querySelector('.actions .reveal') as HTMLButtonElement).click();
    await until(() => document.querySelectorAll('.ratings button').length === 4);
    await afterPaint();
    // Mostly Good and Again, like a real session.
    const grade = [3, 1, 3, 2, 3, 4][i % 6];
    const button = document.querySelectorAll<HTMLButtonElement>('.ratings button')[grade - 1];
    const start = performance.now();
    button.click();
    await until(() => !!document.querySelector('.actions .reveal'));
    await afterPaint();
    samples.push(performance.now() - start);
  }
  return samples;
}
const latencies = await page.evaluate(answerMany, ANSWERS);
const floor = await page.evaluate(async (answers) => {
  // Baseline: the same wait for the next paint after a click that does nothing (the floor of any tap).
  const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const floor: number[] = [];
  const idle = document.createElement('button');
  document.body.append(idle);
  for (let i = 0; i < answers; i++) {
    const start = performance.now();
    idle.click();
    await afterPaint();
    floor.push(performance.now() - start);
  }
  idle.remove();
  return floor;
}, ANSWERS);
const transactions = await page.evaluate(() => performance.getEntriesByName('drydock:answer-transaction').map((e) => e.duration));

// --- The same answers with device sync on: each answer's transaction also writes its outbox operation.
await page.goto(`${BENCH_URL}#/sync`);
await page.getByRole('button', { name: 'Turn on sync' }).click();
await page.getByTestId('pairing-code').waitFor({ timeout: 30_000 });
await page.evaluate(() => performance.clearMeasures('drydock:answer-transaction'));
await page.goto(`${BENCH_URL}#/study/all`);
await page.getByRole('button', { name: /Show answer/ }).waitFor();
const syncedLatencies = await page.evaluate(answerMany, SYNCED_ANSWERS);
const syncedTransactions = await page.evaluate(() => performance.getEntriesByName('drydock:answer-transaction').map((e) => e.duration));

// --- Baseline: a bare put of a review-log-sized record, one strict read-write transaction each, same browser.
const bare = await page.evaluate(async (n) => {
  const idb: IDBDatabase = await new Promise((resolve, reject) => {
    const req = indexedDB.open('bench-baseline', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('rows', { autoIncrement: true });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const tx = idb.transaction('rows', 'readwrite', { durability: 'strict' });
    tx.objectStore('rows').put({ cardId: `card-${i}`, deckId: 'bench', rating: 3, state: 2, due: Date.now(), stability: 4.2, difficulty: 5.1, review: Date.now(), durationMs: 4000 });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    samples.push(performance.now() - start);
  }
  idb.close();
  return samples;
}, ANSWERS);
await browser.close();

const lat = summarize(latencies);
const tx = summarize(transactions);
const put = summarize(bare);
console.log(`answer latency, tap -> next card painted (n=${lat.n}): median ${fmt(lat.median)}, p95 ${fmt(lat.p95)}`);
console.log(`  baseline: a no-op tap -> next paint (n=${summarize(floor).n}):     median ${fmt(summarize(floor).median)}, p95 ${fmt(summarize(floor).p95)}`);
console.log(`answer transaction, state + log (n=${tx.n}):          median ${fmt(tx.median)}, p95 ${fmt(tx.p95)}`);
console.log(`  baseline: bare IndexedDB put, strict (n=${put.n}):   median ${fmt(put.median)}, p95 ${fmt(put.p95)}`);
const syncedTx = summarize(syncedTransactions);
const syncedLat = summarize(syncedLatencies);
console.log(`answer transaction with sync on, state + log + outbox operation (n=${syncedTx.n}): median ${fmt(syncedTx.median)}, p95 ${fmt(syncedTx.p95)}`);
console.log(`answer latency with sync on, tap -> next card painted (n=${syncedLat.n}): median ${fmt(syncedLat.median)}, p95 ${fmt(syncedLat.p95)}`);
console.log(`initial JS on the study path: ${studyKb.toFixed(1)} kB gzip in ${studyJs.length} files (${studyJs.join(', ')})`);
console.log(`  baseline: all JS in the build: ${allKb.toFixed(1)} kB gzip in ${allJs.length} files`);

// --- Lighthouse, mobile (its default form factor and throttling), Debian Chromium.
const { default: lighthouse } = await import('lighthouse');
const chromeLauncher = await import('chrome-launcher');
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
try {
  for (const [name, url] of [['deck list', BENCH_URL], ['study screen', `${BENCH_URL}#/study/all`]] as const) {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    const c = result!.lhr.categories;
    const score = (k: string) => Math.round((c[k]?.score ?? 0) * 100);
    console.log(`Lighthouse 12.2.3 mobile, ${name}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}`);
  }
} finally {
  await chrome.kill();
}
