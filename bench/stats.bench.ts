// Stats at scale: 100k cards and 1M review logs.
// 1. In memory (Node): every stats aggregate and readiness over the same arrays, beside a plain loop over them.
// 2. In the browser: the stats screen computing from IndexedDB in its worker (reads included), beside a plain
//    chunked IndexedDB read-and-sum of the same logs on the page, and the longest main-thread task meanwhile.
import { launchChromium, BENCH_URL, fmt, summarize } from './lib/browser';
import { computeStats } from '../src/lib/domain/stats';
import type { StatsCard, StatsLog } from '../src/lib/domain/stats/types';

const CARDS = Number(process.env.STATS_BENCH_CARDS ?? 100_000);
const LOGS = Number(process.env.STATS_BENCH_LOGS ?? 1_000_000);
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-27T12:00:00Z');

function makeData() {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const cards: StatsCard[] = Array.from({ length: CARDS }, (_, i) => {
    const studied = i < CARDS * 0.7;
    return {
      id: `c${i}`,
      deckId: `deck${i % 12}`,
      tags: [`tag${i % 40}`, `tag${(i * 7) % 40}`],
      state: studied ? (random() < 0.9 ? 2 : 3) : 0,
      due: NOW + Math.floor((random() - 0.2) * 60) * DAY,
      stability: studied ? 1 + random() * 60 : 0,
      lastReview: studied ? NOW - Math.floor(random() * 30) * DAY : undefined,
      suspended: random() < 0.01,
    };
  });
  const logs: StatsLog[] = Array.from({ length: LOGS }, () => ({
    review: NOW - Math.floor(random() * 400 * DAY),
    rating: (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4,
    state: Math.floor(random() * 4) as 0 | 1 | 2 | 3,
    durationMs: Math.floor(random() * 30_000),
  }));
  return { cards, logs };
}

function inMemory() {
  const { cards, logs } = makeData();
  const options = { now: NOW, zone: 'Europe/Berlin', desiredRetention: 0.9, interviewStart: NOW + 10 * DAY };
  const stats: number[] = [];
  const loop: number[] = [];
  for (let run = 0; run < 5; run++) {
    let t = performance.now();
    let sum = 0;
    for (const log of logs) sum += log.rating + log.durationMs + (log.review & 1);
    for (const card of cards) sum += card.stability;
    loop.push(performance.now() - t);
    if (sum < 0) console.log(sum);
    t = performance.now();
    const result = computeStats(logs, cards, options);
    stats.push(performance.now() - t);
    if (result.logCount !== LOGS) throw new Error('logs lost');
  }
  const s = summarize(stats);
  const l = summarize(loop);
  console.log(`in memory, ${CARDS.toLocaleString('en')} cards / ${LOGS.toLocaleString('en')} logs (5 runs, median):`);
  console.log(`  all stats + readiness (now and interview day): ${fmt(s.median)}   baseline plain loop over the same arrays: ${fmt(l.median)}`);
}

async function inBrowser() {
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  page.on('crash', () => console.log('  the page crashed'));
  if (process.env.STATS_BENCH_DEBUG) page.on('console', (m) => console.log(`  page: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
  // esbuild (tsx) names helper functions with __name; the page has no such global.
  await page.addInitScript(() => ((globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f));
  await page.goto(`${BENCH_URL}#/settings`);
  await page.waitForFunction(() => indexedDB.databases().then((d) => d.some((x) => x.name === 'drydock')));
  const seedStart = performance.now();
  await page.evaluate(
    async ({ CARDS, LOGS, NOW, DAY }) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('drydock');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const write = (stores: string[], fill: (tx: IDBTransaction) => void) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(stores, 'readwrite', { durability: 'relaxed' });
          fill(tx);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      let seed = 11;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      await write(['decks'], (tx) => {
        for (let d = 0; d < 12; d++) tx.objectStore('decks').put({ id: `bench${d}`, title: `Bench deck ${d}`, description: '', tags: [], source: 'bench', origin: 'user', createdAt: NOW, updatedAt: NOW });
      });
      for (let start = 0; start < CARDS; start += Math.min(10_000, CARDS)) {
        await write(['cards', 'states'], (tx) => {
          for (let i = start; i < Math.min(CARDS, start + 10_000); i++) {
            const deckId = `bench${i % 12}`;
            const studied = i < CARDS * 0.7;
            tx.objectStore('cards').put({ id: `b${i}`, kind: 'basic', tags: [`tag${i % 40}`], prompt: `Question ${i}?`, answer: `Answer ${i}`, deckId, order: i, suspended: 0, retired: 0, createdAt: NOW, updatedAt: NOW });
            tx.objectStore('states').put({
              cardId: `b${i}`, deckId, due: NOW + Math.floor((random() - 0.2) * 60) * DAY, stability: studied ? 1 + random() * 60 : 0, difficulty: 5,
              elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: studied ? 3 : 0, lapses: 0, state: studied ? 2 : 0,
              last_review: studied ? NOW - Math.floor(random() * 30) * DAY : undefined, inactive: 0,
            });
          }
        });
      }
      for (let start = 0; start < LOGS; start += Math.min(50_000, LOGS)) {
        await write(['reviews'], (tx) => {
          const store = tx.objectStore('reviews');
          for (let i = start; i < Math.min(LOGS, start + 50_000); i++) {
            const t = NOW - Math.floor(random() * 400 * DAY);
            store.add({ cardId: `b${i % CARDS}`, deckId: `bench${i % 12}`, rating: 1 + Math.floor(random() * 4), state: Math.floor(random() * 4), due: t, stability: 5, difficulty: 5, elapsed_days: 3, last_elapsed_days: 2, scheduled_days: 4, learning_steps: 0, review: t, durationMs: Math.floor(random() * 30_000), source: 'study' });
          }
        });
      }
      db.close();
    },
    { CARDS, LOGS, NOW, DAY },
  );
  // Seeding is slow (five indexes on the reviews store); it is setup, not a measured figure.
  console.log(`  (seeded IndexedDB in ${(performance.now() - seedStart) / 1000 | 0} s)`);

  const worker: number[] = [];
  const baseline: number[] = [];
  const longest: number[] = [];
  let progressSeen = false;
  for (let run = 0; run < 3; run++) {
    // Baseline: the same logs and cards read from IndexedDB in the same chunk sizes on the page, summed in a plain loop.
    baseline.push(
      await page.evaluate(async () => {
        const db: IDBDatabase = await new Promise((resolve, reject) => {
          const req = indexedDB.open('drydock');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const t = performance.now();
        let sum = 0;
        for (const [store, chunk] of [['reviews', 25_000], ['cards', 10_000]] as const) {
          let last: IDBValidKey | null = null;
          for (;;) {
            const rows: { rating?: number; order?: number }[] = await new Promise((resolve, reject) => {
              const range = last === null ? undefined : IDBKeyRange.lowerBound(last, true);
              const req = db.transaction(store).objectStore(store).getAll(range, chunk);
              req.onsuccess = () => resolve(req.result);
              req.onerror = () => reject(req.error);
            });
            if (rows.length === 0) break;
            for (const r of rows) sum += r.rating ?? r.order ?? 0;
            last = (rows[rows.length - 1] as Record<string, IDBValidKey>)[store === 'reviews' ? 'id' : 'id'];
          }
        }
        const elapsed = performance.now() - t;
        db.close();
        return sum > 0 ? elapsed : -1;
      }),
    );
    await page.goto(`${BENCH_URL}#/settings`);
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.evaluate(() => (location.hash = '#/stats'));
    await page.waitForSelector('progress, [data-testid=stats-timing]', { timeout: 120_000 });
    if (await page.locator('progress').count()) progressSeen = true;
    const timing = await page.locator('[data-testid=stats-timing]').innerText({ timeout: 300_000 });
    worker.push(Number(/in (\d+) ms/.exec(timing)![1]));
    longest.push(await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
  }
  const w = summarize(worker);
  const b = summarize(baseline);
  console.log(`in the browser, ${CARDS.toLocaleString('en')} cards / ${LOGS.toLocaleString('en')} logs in IndexedDB (3 runs, median):`);
  console.log(`  stats screen, worker reading IndexedDB in chunks + all aggregates: ${fmt(w.median)}   baseline chunked getAll + plain loop on the page: ${fmt(b.median)}`);
  console.log(`  longest main-thread task while the stats computed: ${fmt(Math.max(...longest))}; progress bar shown: ${progressSeen ? 'yes' : 'no'}`);
  await browser.close();
}

inMemory();
await inBrowser();
