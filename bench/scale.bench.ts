// Drydock at scale: `npm run bench -- scale`. For each collection size (BENCH_SCALE_SIZES, default 10000,100000) it
// seeds a deck in an on-disk Chromium profile (launchPersistentContext: a throwaway context keeps IndexedDB in memory
// and flatters every strict write), then prints each figure beside its goal (issue 22) and a floor from the same run:
// - seeding N cards and states in one strict raw-IndexedDB transaction (the deck the other steps use);
// - deck list painted; open study (navigation -> first card); answer tap -> next card painted, with the longest task;
// - deck editor open (first rows painted), its search index complete, and one search keystroke, with the longest task,
//   the DOM nodes and the heap;
// - a real import of N cards (a CSV through the import screen, read, planned and written in the import worker), beside
//   the same rows written raw into a fresh database with the app's indexes, with the longest main-thread task
//   (BENCH_SCALE_ONLY=import runs this step alone, on a profile with the bundled decks only).
// The bytes before the first card are `npm run bench -- first-screen`'s: it times them in the page. (Counted here until
// the Show answer button was found, they included what loads right after the first paint: 84.6 kB in 22 files.)
// Half of the cards are reviews, a tenth of those due today, so the queue and the counts have real work.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { BENCH_URL, fmt, summarize } from './lib/browser';
import { CHROMIUM_ARGS } from '../playwright.config';

const SIZES = (process.env.BENCH_SCALE_SIZES ?? '10000,100000').split(',').map(Number);
const ANSWERS = Number(process.env.BENCH_SCALE_ANSWERS ?? 20);
const DAY = 86_400_000;
const SETTLE_MS = Number(process.env.BENCH_SCALE_SETTLE_MS ?? 30_000);
/** BENCH_SCALE_STEPS=editor seeds and measures the deck editor only. */
const EDITOR_ONLY = process.env.BENCH_SCALE_STEPS === 'editor';

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

/** The import's content: distinct from the seeded deck, so every row is a new card (no duplicates to weigh up). */
const importRow = (i: number) => `"Which flag of docker build, item ${i}, names the stage to stop at?","--target stops at stage ${i}",build t${i % 50}`;

/**
 * The import floor beside the app's import: N cards and N new states written in one strict raw-IndexedDB transaction
 * into a fresh database with the app's own stores and indexes (copied from the open "drydock" schema), rows shaped like
 * the import's. Measured right before and right after the import, in the same page.
 */
async function importFloor(page: Page, n: number): Promise<number> {
  return page.evaluate(async (n) => {
    const open = (name: string, version?: number, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name, version);
        if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const app = await open('drydock');
    const schema = ['decks', 'cards', 'states'].map((name) => {
      const store = app.transaction(name).objectStore(name);
      return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes: [...store.indexNames].map((i) => store.index(i)).map((i) => ({ name: i.name, keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry })) };
    });
    app.close();
    await new Promise((r) => (indexedDB.deleteDatabase('bench-import-floor').onsuccess = r));
    const idb = await open('bench-import-floor', 1, (db) => {
      for (const s of schema) {
        const store = db.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    });
    const now = Date.now();
    const start = performance.now();
    const tx = idb.transaction(['decks', 'cards', 'states'], 'readwrite', { durability: 'strict' });
    tx.objectStore('decks').put({ id: 'csv-floor', title: 'floor', description: '', tags: [], source: 'floor.csv', origin: 'imported', createdAt: now, updatedAt: now });
    const cards = tx.objectStore('cards');
    const states = tx.objectStore('states');
    for (let i = 0; i < n; i++) {
      const id = `csv-floor-${i.toString(36)}`;
      cards.put({ id, kind: 'basic', tags: ['build', `t${i % 50}`], prompt: `Which flag of docker build, item ${i}, names the stage to stop at?`, answer: `--target stops at stage ${i}`, deckId: 'csv-floor', order: i, suspended: 0, retired: 0, createdAt: now, updatedAt: now });
      states.put({ cardId: id, deckId: 'csv-floor', noteId: id, due: now, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0, inactive: 0 });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - start;
    idb.close();
    await new Promise((r) => (indexedDB.deleteDatabase('bench-import-floor').onsuccess = r));
    return ms;
  }, n);
}

/**
 * A real import of N cards through the app: a CSV chosen on the import screen, read and planned in the import worker
 * (file chosen -> preview painted), then written there on "Import" (click -> outcome painted). The longest
 * main-thread task covers both, the preview's paint and the outcome's included.
 */
async function appImport(page: Page, n: number): Promise<{ previewMs: number; writeMs: number; longestTask: number; outcome: string }> {
  await page.goto(`${BENCH_URL}#/import`);
  await page.locator('#deck-file').waitFor();
  await page.evaluate(LONG_TASKS);
  await page.evaluate(() => {
    const w = window as unknown as { __chosen: number };
    document.getElementById('deck-file')!.addEventListener('change', () => (w.__chosen = performance.now()), { capture: true, once: true });
  });
  // From a file on disk: a buffer would be decoded by Playwright's own script on the page, a long task of its own.
  const dir = mkdtempSync(join(tmpdir(), 'drydock-scale-import-'));
  const csv = join(dir, 'scale-import.csv');
  writeFileSync(csv, 'front,back,tags\n' + Array.from({ length: n }, (_, i) => importRow(i)).join('\n') + '\n');
  await page.locator('#deck-file').setInputFiles(csv);
  const untilPainted = async (selector: string, since: string) =>
    page.evaluate(
      async ({ selector, since }) => {
        await new Promise<void>((resolve, reject) => {
          const check = () => {
            const error = document.querySelector('[data-testid="import-error"]');
            if (error) reject(new Error(`the import failed: ${error.textContent}`));
            else if (document.querySelector(selector)) resolve();
            else requestAnimationFrame(check);
          };
          check();
        });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - (window as unknown as Record<string, number>)[since];
      },
      { selector, since },
    );
  const previewMs = await untilPainted('.preview .actions .primary', '__chosen');
  await page.evaluate(() => {
    (window as unknown as { __confirmed: number }).__confirmed = performance.now();
    (document.querySelector('.preview .actions .primary') as HTMLButtonElement).click();
  });
  const writeMs = await untilPainted('[data-testid="import-outcome"]', '__confirmed');
  // Only now: the chosen File reads the disk file lazily, so it must stay until the import has read it.
  rmSync(dir, { recursive: true, force: true });
  return { previewMs, writeMs, longestTask: await longest(page), outcome: (await page.getByTestId('import-outcome').textContent()) ?? '' };
}

/** Time from a hash navigation to the first paint after `ready` matches. */
async function timeTo(page: Page, hash: string, selector: string): Promise<number> {
  await page.evaluate(LONG_TASKS);
  return page.evaluate(
    async ({ hash, selector }) => {
      const start = performance.now();
      (window as unknown as { __navStart: number }).__navStart = start;
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


/** The import step alone (BENCH_SCALE_ONLY=import): a fresh profile with the bundled decks, no seeded deck. */
async function importStep(page: Page, n: number): Promise<void> {
  // The floor before and after the import, against their mean: the machine's load drifts over a minute-long write.
  const floorBefore = await importFloor(page, n);
  const imported = await appImport(page, n);
  const floorAfter = await importFloor(page, n);
  const floorMs = (floorBefore + floorAfter) / 2;
  // Long tasks are wall time: on a shared machine a busy CPU stretches every task, so the load goes beside them.
  const load = loadavg()[0].toFixed(1);
  const k = n.toLocaleString('en');
  const rate = (ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en')} cards/s`;
  const total = imported.previewMs + imported.writeMs;
  console.log(`import ${k} cards through the app (CSV; read, planned and written in the import worker): file chosen -> preview ${fmt(imported.previewMs)}, Import -> done ${fmt(imported.writeMs)}; in all ${fmt(total)} (${rate(total)}), ${task(imported.longestTask)} (load average ${load} on this machine)   goal <= 1.3x floor (${fmt(1.3 * floorMs)}), no task > 50 ms`);
  console.log(`  write alone: ${(imported.writeMs / floorMs).toFixed(2)}x floor; preview + write: ${(total / floorMs).toFixed(2)}x floor; the app said "${imported.outcome.trim()}"`);
  console.log(`  floor: ${k} cards + states in one strict raw-IndexedDB transaction, fresh database with the app's indexes, same page, before and after the import: ${fmt(floorBefore)} and ${fmt(floorAfter)}, mean ${fmt(floorMs)} (${rate(floorMs)})`);
}

for (const n of SIZES) {
  await withProfile(async (page) => {
    await page.goto(BENCH_URL);
    if (process.env.BENCH_SCALE_ONLY === 'import') {
      await page.locator('li[data-deck-id]').first().waitFor({ timeout: 60_000 });
      console.log(`\n--- ${n.toLocaleString('en')} cards imported into the bundled decks only (BENCH_SCALE_ONLY=import), on-disk profile`);
      return importStep(page, n);
    }
    await page.locator('li[data-deck-id]').first().waitFor({ timeout: 60_000 });
    const seedMs = await seed(page, n);
    await page.reload();
    await page.locator('li[data-deck-id="scale"]').waitFor({ timeout: 120_000 });

    const studyLines = EDITOR_ONLY ? [] : await studySteps(page);

    const editorOpen = await timeTo(page, '#/edit/scale', '[data-testid="card-row"]');
    const editorNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    // The search index is built after the first paint; until it is complete a search looks in the cards read so far.
    const indexBuilt = await page.evaluate(async () => {
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelector('[data-testid="editor-indexing"]') ? setTimeout(check, 5) : resolve());
        check();
      });
      return performance.now() - (window as unknown as { __navStart: number }).__navStart;
    });
    const editorTask = await longest(page);
    await page.evaluate(LONG_TASKS);
    const keystroke = await page.evaluate(async () => {
      const input = document.getElementById('q') as HTMLInputElement;
      const start = performance.now();
      input.value = 'case 4242';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // A big deck is searched in slices: the keystroke is done when the results are painted, not at the first frame.
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelector('[data-testid="editor-searching"]') ? requestAnimationFrame(check) : resolve());
        requestAnimationFrame(check);
      });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - start;
    });
    const keystrokeTask = await longest(page);
    const found = await page.getByTestId('card-row').count();
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    // Floors from the same profile, raw IndexedDB: the deck's first 500 cards in order, which is what the editor reads
    // before its first paint; the deck's ids in order (keys only), read after it; and every card of the deck, which it
    // read before its first paint until now.
    const raw = await page.evaluate(async () => {
      const idb: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('drydock');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const request = <T>(req: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));
      const range = IDBKeyRange.bound(['scale', -Infinity], ['scale', Infinity]);
      const index = () => idb.transaction('cards', 'readonly').objectStore('cards').index('[deckId+order]');
      const time = async (read: () => Promise<unknown>) => {
        const start = performance.now();
        await read();
        return performance.now() - start;
      };
      const first = await time(() => request(index().getAll(range, 500)));
      const ids = await time(() => request(index().getAllKeys(range)));
      const all = await time(() => request(index().getAll(range)));
      idb.close();
      return { first, ids, all };
    });

    const k = n.toLocaleString('en');
    console.log(`\n--- ${k} cards (plus the bundled decks), on-disk profile`);
    console.log(`seed ${k} cards + states, one strict raw-IndexedDB transaction: ${fmt(seedMs)} (${Math.round(n / (seedMs / 1000))} cards/s)   the deck the steps below use (the import measures its own floor)`);
    for (const line of studyLines) console.log(line);
    console.log(`editor open (navigation -> first rows painted): ${fmt(editorOpen)}, ${editorNodes.toLocaleString('en')} DOM nodes   goal < 300 ms`);
    console.log(`  floor: raw IndexedDB, the deck's first 500 cards in order: ${fmt(raw.first)}; its ids (keys only): ${fmt(raw.ids)}; every card of the deck (the read before): ${fmt(raw.all)}`);
    console.log(`editor search index complete: ${fmt(indexBuilt)} after navigation, ${task(editorTask)} from navigation to index complete   goal: no task > 50 ms`);
    console.log(`editor search keystroke (index complete, ${found} row${found === 1 ? '' : 's'} found): ${fmt(keystroke)}, ${task(keystrokeTask)}, heap ${(heap / 1e6).toFixed(0)} MB   goal < 50 ms, heap < 100 MB`);

    // The import last, into the collection that now holds the seeded deck too (so the plan reads N cards).
    if (!EDITOR_ONLY) {
      await page.goto(`${BENCH_URL}#/settings`);
      await page.locator('h1').waitFor();
      await importStep(page, n);
    }
  });
}

/** Deck list, open study and answers: the lines to print. */
async function studySteps(page: Page): Promise<string[]> {
  await timeTo(page, '#/settings', 'h1');
  const [deckList, deckTotals] = await timesTo(page, '#/', ['li[data-deck-id="scale"] .counts', 'li[data-deck-id="scale"] .meta']);
  const deckListTask = await longest(page);
  const deckListFloor = await dueSliceFloor(page);
  const [library, libraryTotals] = await timesTo(page, '#/library', ['[data-testid="deck-row"][data-deck-id="scale"]', '[data-deck-id="scale"] [data-testid="deck-count"]']);
  const libraryTask = await longest(page);
  await timeTo(page, '#/', 'li[data-deck-id="scale"] .meta');
  // The same two screens once the start-up work is over (the day's automatic backup reads the whole collection,
  // and every IndexedDB read waits behind it): what the screens cost themselves.
  await page.waitForTimeout(SETTLE_MS);
  await timeTo(page, '#/settings', 'h1');
  const [deckListSettled, deckTotalsSettled] = await timesTo(page, '#/', ['li[data-deck-id="scale"] .counts', 'li[data-deck-id="scale"] .meta']);
  const deckListSettledFloor = await dueSliceFloor(page);
  const [librarySettled, libraryTotalsSettled] = await timesTo(page, '#/library', ['[data-testid="deck-row"][data-deck-id="scale"]', '[data-deck-id="scale"] [data-testid="deck-count"]']);
  await timeTo(page, '#/', 'li[data-deck-id="scale"] .meta');
  const openStudy = await timeTo(page, '#/study/scale', '.actions .reveal');
  const openTask = await longest(page);

  // Answer latency: tap a grade -> next card painted, and the floor: a strict write + the next paint.
  await page.evaluate(LONG_TASKS);
  const { samples, floor } = await page.evaluate(async (answers) => {
    const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    // The next card is noticed when the DOM changes (as study.bench.ts does), not at the next animation frame:
    // polling once a frame added a whole frame to every answer that the floor below never pays.
    const until = (test: () => boolean) =>
      new Promise<void>((resolve) => {
        if (test()) return resolve();
        const observer = new MutationObserver(() => {
          if (test()) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
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
  const a = summarize(samples);
  const f = summarize(floor);
  return [
    `deck list painted (today's counts): ${fmt(deckList)}, ${task(deckListTask)}, card totals in at ${fmt(deckTotals)}   goal < 300 ms`,
    `  floor: raw IndexedDB read of 200 due states from an index + next paint: ${fmt(deckListFloor)}`,
    `Library painted: ${fmt(library)}, ${task(libraryTask)}, card totals in at ${fmt(libraryTotals)}   goal < 300 ms`,
    `  ${SETTLE_MS / 1000} s later: deck list ${fmt(deckListSettled)} (totals ${fmt(deckTotalsSettled)}), floor ${fmt(deckListSettledFloor)}; Library ${fmt(librarySettled)} (totals ${fmt(libraryTotalsSettled)})`,
    `open study, navigation -> first card: ${fmt(openStudy)}, ${task(openTask)}   goal < 200 ms`,
    `answer tap -> next card painted (n=${a.n}): median ${fmt(a.median)}, p95 ${fmt(a.p95)}, ${task(answerTask)}   goal <= 1.5x floor (${fmt(1.5 * f.median)}), no task > 50 ms`,
    `  floor: strict write + next paint (n=${f.n}): median ${fmt(f.median)}, p95 ${fmt(f.p95)}`,
  ];
}
