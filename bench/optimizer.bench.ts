// The FSRS optimiser in headless Chromium, from the Settings screen: a simulated learner's 10k and 100k reviews in
// IndexedDB, "Optimise my scheduler" tapped, time until the before/after figures show (reading the log, building the
// items, loading the wasm, fitting on the earlier 80%, judging both sets on the rest, all in the worker). Beside it:
// the time to read the same logs from IndexedDB on the page, and the longest main-thread task during the run.
import { launchChromium, BENCH_URL, fmt, summarize } from './lib/browser';
import { simulateLearner } from '../tests/fixtures/simulated-learner';

const SIZES = (process.env.OPTIMIZER_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const DAY = 86_400_000;

async function benchSize(target: number) {
  // About 7.7 reviews per card over 180 days in this simulation. Two runs where it is quick, one at 100k.
  const cards = Math.ceil(target / 7.7);
  const runs = Number(process.env.OPTIMIZER_BENCH_RUNS ?? (target <= 20_000 ? 2 : 1));
  const start = Math.floor(Date.now() / DAY) * DAY - 185 * DAY;
  const logs = simulateLearner({ cards, days: 180, newPerDay: Math.ceil(cards / 120), start });
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
  await page.addInitScript(() => ((globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f));
  await page.goto(`${BENCH_URL}#/settings`);
  await page.waitForFunction(() => indexedDB.databases().then((d) => d.some((x) => x.name === 'drydock')));
  for (let i = 0; i < logs.length; i += 20_000) {
    await page.evaluate(async (chunk) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('drydock');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('reviews', 'readwrite', { durability: 'relaxed' });
        for (const log of chunk) {
          tx.objectStore('reviews').add({ cardId: log.cardId, deckId: 'bench', rating: log.rating, state: log.state, review: log.review, due: log.review, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, durationMs: 5000, source: 'study' });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, logs.slice(i, i + 20_000));
  }

  const optimise: number[] = [];
  const read: number[] = [];
  const longest: number[] = [];
  const idle: number[] = [];
  let figures = '';
  for (let run = 0; run < runs; run++) {
    read.push(
      await page.evaluate(async () => {
        const db: IDBDatabase = await new Promise((resolve, reject) => {
          const req = indexedDB.open('drydock');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const t = performance.now();
        let sum = 0;
        let last: IDBValidKey | null = null;
        for (;;) {
          const rows: { id: number; rating: number }[] = await new Promise((resolve, reject) => {
            const req = db.transaction('reviews').objectStore('reviews').getAll(last === null ? undefined : IDBKeyRange.lowerBound(last, true), 25_000);
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          if (rows.length === 0) break;
          for (const r of rows) sum += r.rating;
          last = rows[rows.length - 1].id;
        }
        db.close();
        return sum > 0 ? performance.now() - t : -1;
      }),
    );
    await page.goto(`${BENCH_URL}#/`);
    await page.goto(`${BENCH_URL}#/settings`);
    const button = page.getByRole('button', { name: 'Optimise my scheduler' });
    await button.waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    // Reference: the same page doing nothing for 5 s (on a busy machine, idle pages see long tasks too).
    await page.waitForTimeout(5000);
    idle.push(await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
    await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
    const t = performance.now();
    await button.click();
    const result = page.getByTestId('optimiser-result');
    await result.waitFor({ timeout: 600_000 });
    optimise.push(performance.now() - t);
    longest.push(await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
    figures = (await result.locator('tbody').innerText()).replace(/\s+/g, ' ');
  }
  await browser.close();
  const o = summarize(optimise);
  const r = summarize(read);
  console.log(`${logs.length.toLocaleString('en')} reviews (${cards.toLocaleString('en')} cards), ${runs} run(s), median (first run includes fetching and compiling the wasm):`);
  console.log(`  tap → before/after figures shown (worker: read, build items, fit, evaluate): ${fmt(o.median)} (runs: ${optimise.map((x) => fmt(x)).join(', ')})`);
  console.log(`  baseline: chunked getAll of the same logs on the page: ${fmt(r.median)}`);
  console.log(`  longest main-thread task during the optimisation: ${fmt(Math.max(...longest))}   reference, the idle Settings page over 5 s: ${fmt(Math.max(...idle))}`);
  console.log(`  figures on the latest 20%: ${figures}`);
}

for (const size of SIZES) await benchSize(size);
