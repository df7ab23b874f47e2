// Drydock at scale: `npm run bench -- scale`. For each collection size (BENCH_SCALE_SIZES, default 10000,100000) it
// seeds a deck in an on-disk Chromium profile (launchPersistentContext: a throwaway context keeps IndexedDB in memory
// and flatters every strict write), then prints each figure beside its goal (issue 22) and a floor from the same run:
// - seeding N cards and states in one strict raw-IndexedDB transaction (the floor any import is measured against);
// - deck list painted; open study (navigation -> first card); answer tap -> next card painted, with the longest task;
// - deck editor open and one search keystroke, and the DOM nodes it holds;
// - JS + CSS (gzip) fetched before the first card, on a fresh profile.
// Half of the cards are reviews, a tenth of those due today, so the queue and the counts have real work.
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { BENCH_URL, fmt, summarize } from './lib/browser';
import { CHROMIUM_ARGS } from '../playwright.config';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '10000,100000').split(',').map(Number);
const ANSWERS = Number(process.env.BENCH_SCALE_ANSWERS ?? 20);
const DIST = process.env.BENCH_DIST ?? 'dist-bench';
const DAY = 86_400_000;

async function withProfile<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'drydock-scale-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  // tsx keeps function names with a __name helper that the page does not have.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  try {
    return await run(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Longest main-thread task (ms) between start() and stop(), from the Long Tasks API. */
const LONG_TASKS = `(() => { window.__longest = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' }); })()`;

async function seed(page: Page, n: number): Promise<number> {
  return page.evaluate(
    async ({ n, DAY }) => {
      const idb: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('drydock');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const now = Date.now();
      const start = performance.now();
      const tx = idb.transaction(['decks', 'cards', 'states'], 'readwrite', { durability: 'strict' });
      tx.objectStore('decks').put({ id: 'scale', title: 'A scale deck', description: '', tags: [], source: 'bench', origin: 'user', createdAt: now, updatedAt: now });
      const cards = tx.objectStore('cards');
      const states = tx.objectStore('states');
      for (let i = 0; i < n; i++) {
        const id = `scale-${i}`;
        cards.put({ id, kind: 'basic', tags: [`t${i % 50}`], prompt: `What does \`docker run -d\` do, case ${i}?`, answer: `It starts container ${i} detached.`, deckId: 'scale', order: i, suspended: 0, retired: 0, createdAt: now, updatedAt: now });
        const review = i % 2 === 1;
        const due = review ? now + ((i % 20) - 1) * DAY : now;
        states.put({ cardId: id, deckId: 'scale', noteId: id, due, stability: review ? 5 : 0, difficulty: review ? 5 : 0, elapsed_days: 0, scheduled_days: review ? 5 : 0, learning_steps: 0, reps: review ? 3 : 0, lapses: 0, state: review ? 2 : 0, last_review: review ? due - 5 * DAY : undefined, inactive: 0 });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      idb.close();
      return performance.now() - start;
    },
    { n, DAY },
  );
}

/** Time from a hash navigation to the first paint after `ready` matches. */
async function timeTo(page: Page, hash: string, selector: string): Promise<number> {
  await page.evaluate(LONG_TASKS);
  return page.evaluate(
    async ({ hash, selector }) => {
      const start = performance.now();
      location.hash = hash;
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelector(selector) ? resolve() : requestAnimationFrame(check));
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - start;
    },
    { hash, selector },
  );
}

/** From one hash navigation, the time to the first paint after each selector matches (in the order given). */
async function timesTo(page: Page, hash: string, selectors: string[]): Promise<number[]> {
  await page.evaluate(LONG_TASKS);
  return page.evaluate(
    async ({ hash, selectors }) => {
      const start = performance.now();
      location.hash = hash;
      const times: number[] = [];
      for (const selector of selectors) {
        await new Promise<void>((resolve) => {
          const check = () => (document.querySelector(selector) ? resolve() : requestAnimationFrame(check));
          check();
        });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        times.push(performance.now() - start);
      }
      return times;
    },
    { hash, selectors },
  );
}

/** The deck list's floor: a raw IndexedDB read of a day's 200 due states from an index, then the next paint. */
async function dueSliceFloor(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('drydock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const start = performance.now();
    const index = idb.transaction('states', 'readonly').objectStore('states').index('[deckId+inactive+due]');
    await new Promise((resolve, reject) => {
      const req = index.getAll(IDBKeyRange.bound(['scale', 0, -Infinity], ['scale', 0, Date.now() + 86_400_000]), 200);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    idb.close();
    return performance.now() - start;
  });
}

const longest = (page: Page) => page.evaluate(() => (window as unknown as { __longest: number }).__longest);
/** The Long Tasks API reports only tasks over 50 ms. */
const task = (ms: number) => (ms === 0 ? 'no task over 50 ms' : `longest task ${fmt(ms)}`);

// --- JS + CSS before the first card, on a fresh profile with the bundled decks only.
const before = await withProfile(async (page) => {
  const files = new Set<string>();
  page.on('request', (r) => {
    if (['script', 'stylesheet'].includes(r.resourceType())) files.add(new URL(r.url()).pathname.split('/').pop()!);
  });
  await page.goto(`${BENCH_URL}#/study/all`);
  await page.getByRole('button', { name: /Show answer/ }).waitFor({ timeout: 60_000 });
  const sizes = [...files].map((f) => [f, gzipSync(readFileSync(`${DIST}/assets/${f}`)).length / 1024] as const).sort((x, y) => y[1] - x[1]);
  return { kb: sizes.reduce((sum, [, kb]) => sum + kb, 0), files: files.size, list: sizes.map(([f, kb]) => `${f.replace(/-[\w-]{8}\./, '.')} ${kb.toFixed(1)}`).join(', ') };
});
console.log(`JS + CSS before the first card: ${before.kb.toFixed(1)} kB gzip in ${before.files} files   goal <= 70 kB (aim 60); floor: the bare stack (Dexie, Svelte, ts-fsrs) about 52 kB`);
console.log(`  ${before.list}`);

for (const n of SIZES) {
  await withProfile(async (page) => {
    await page.goto(BENCH_URL);
    await page.locator('li[data-deck-id]').first().waitFor({ timeout: 60_000 });
    const seedMs = await seed(page, n);
    await page.reload();
    await page.locator('li[data-deck-id="scale"]').waitFor({ timeout: 120_000 });

    await timeTo(page, '#/settings', 'h1');
    const [deckList, deckTotals] = await timesTo(page, '#/', ['li[data-deck-id="scale"] .counts', 'li[data-deck-id="scale"] .meta']);
    const deckListTask = await longest(page);
    const deckListFloor = await dueSliceFloor(page);
    const [library, libraryTotals] = await timesTo(page, '#/library', ['[data-testid="deck-row"][data-deck-id="scale"]', '[data-deck-id="scale"] [data-testid="deck-count"]']);
    const libraryTask = await longest(page);
    await timeTo(page, '#/', 'li[data-deck-id="scale"] .meta');
    const openStudy = await timeTo(page, '#/study/scale', '.actions .reveal');
    const openTask = await longest(page);

    // Answer latency: tap a grade -> next card painted, and the floor: a strict write + the next paint.
    await page.evaluate(LONG_TASKS);
    const { samples, floor } = await page.evaluate(async (answers) => {
      const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const until = (test: () => boolean) =>
        new Promise<void>((resolve) => {
          const check = () => (test() ? resolve() : requestAnimationFrame(check));
          check();
        });
      const samples: number[] = [];
      for (let i = 0; i < answers; i++) {
        (document.querySelector('.actions .reveal') as HTMLButtonElement).click();
        await until(() => document.querySelectorAll('.ratings button').length === 4);
        await afterPaint();
        const start = performance.now();
        document.querySelectorAll<HTMLButtonElement>('.ratings button')[[3, 1, 3, 2, 3, 4][i % 6] - 1].click();
        await until(() => !!document.querySelector('.actions .reveal'));
        await afterPaint();
        samples.push(performance.now() - start);
      }
      const idb: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('bench-floor', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('rows', { autoIncrement: true });
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const floor: number[] = [];
      for (let i = 0; i < answers; i++) {
        const start = performance.now();
        const tx = idb.transaction('rows', 'readwrite', { durability: 'strict' });
        tx.objectStore('rows').put({ cardId: `c${i}`, rating: 3, state: 2, due: Date.now(), stability: 4.2, difficulty: 5.1 });
        await new Promise((r) => (tx.oncomplete = r));
        await afterPaint();
        floor.push(performance.now() - start);
      }
      idb.close();
      return { samples, floor };
    }, ANSWERS);
    const answerTask = await longest(page);

    const editorOpen = await timeTo(page, '#/edit/scale', '[data-testid="card-row"]');
    const editorNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    await page.evaluate(LONG_TASKS);
    const keystroke = await page.evaluate(async () => {
      const input = document.getElementById('q') as HTMLInputElement;
      const start = performance.now();
      input.value = 'case 4242';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - start;
    });
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);

    const a = summarize(samples);
    const f = summarize(floor);
    const k = n.toLocaleString('en');
    console.log(`\n--- ${k} cards (plus the bundled decks), on-disk profile`);
    console.log(`seed ${k} cards + states, one strict raw-IndexedDB transaction: ${fmt(seedMs)} (${Math.round(n / (seedMs / 1000))} cards/s)   this is the import floor`);
    console.log(`deck list painted (today's counts): ${fmt(deckList)}, ${task(deckListTask)}, card totals in at ${fmt(deckTotals)}   goal < 300 ms`);
    console.log(`  floor: raw IndexedDB read of 200 due states from an index + next paint: ${fmt(deckListFloor)}`);
    console.log(`Library painted: ${fmt(library)}, ${task(libraryTask)}, card totals in at ${fmt(libraryTotals)}   goal < 300 ms`);
    console.log(`open study, navigation -> first card: ${fmt(openStudy)}, ${task(openTask)}   goal < 200 ms`);
    console.log(`answer tap -> next card painted (n=${a.n}): median ${fmt(a.median)}, p95 ${fmt(a.p95)}, ${task(answerTask)}   goal <= 1.5x floor (${fmt(1.5 * f.median)}), no task > 50 ms`);
    console.log(`  floor: strict write + next paint (n=${f.n}): median ${fmt(f.median)}, p95 ${fmt(f.p95)}`);
    console.log(`editor open: ${fmt(editorOpen)}, ${editorNodes.toLocaleString('en')} DOM nodes, heap ${(heap / 1e6).toFixed(0)} MB   goal < 300 ms, heap < 100 MB`);
    console.log(`editor search keystroke: ${fmt(keystroke)}   goal < 50 ms`);
  });
}
