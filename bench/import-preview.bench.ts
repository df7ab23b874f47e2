// The notes import's card list at about 1,000 generated cards, on a phone viewport, each figure beside a baseline from
// the same run:
// - file chosen → preview painted (the list's first rows on screen), median of 3, beside the generator alone on the
//   same notes (Node, so a floor the page cannot beat) and beside the same cards as a CSV file (the preview without
//   the list: first cards only);
// - the longest main-thread task meanwhile, beside the CSV preview's;
// - DOM elements on the preview (at its top, and the most while scrolling the list), beside the picker screen;
// - scrolling the list a screen at a time: scroll → rows painted, median and p95, beside the wait for a frame alone.
import { readFileSync } from 'node:fs';
import { generateDecks } from '../src/lib/domain/generator/index.ts';
import { lintDecks } from '../src/lib/domain/deck-lint.ts';
import { cardBack, cardFront } from '../src/lib/domain/model.ts';
import { BENCH_URL, fmt, launchChromium, summarize } from './lib/browser';

const TARGET = Number(process.env.BENCH_PREVIEW_CARDS ?? 1000);
const ROUNDS = 3;

// The bundled notes, copied under distinct headings until they give the target number of cards.
const notes = readFileSync('decks/sources/containers-and-docker-notes.md', 'utf8');
const copies: string[] = [];
const countOf = (g: ReturnType<typeof generateDecks>) => g.decks.reduce((n, d) => n + d.cards.length, 0);
let generated: ReturnType<typeof generateDecks>;
do {
  copies.push(notes.replace(/🔷 /g, `🔷 Copy ${copies.length} `));
  generated = generateDecks(copies.join('\n'), { source: 'notes.md' });
} while (countOf(generated) < TARGET);
const text = copies.join('\n');
const cards = countOf(generated);

function time(run: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return summarize(samples).median;
}
const generatorMs = time(() => generateDecks(text, { source: 'notes.md' }));
const lintMs = time(() => lintDecks(generated.decks));
const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;
const csv = 'front,back\n' + generated.decks.flatMap((d) => d.cards).map((c) => `${csvField(cardFront(c))},${csvField(cardBack(c))}`).join('\n');

const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
await context.addInitScript('globalThis.__name = (fn) => fn;');
const page = await context.newPage();
await page.goto(`${BENCH_URL}#/import`);
await page.getByLabel('Choose a deck file').waitFor();

/** A fresh import screen (leaving it first: a hash already on #/import would not remount it). */
async function openPicker(): Promise<void> {
  await page.goto(`${BENCH_URL}#/library`);
  await page.goto(`${BENCH_URL}#/import`);
  await page.getByLabel('Choose a deck file').waitFor();
}

/**
 * Chooses the file; returns ms from the input's change event to the frame after `ready` holds, and the longest
 * main-thread task meanwhile (the page stays responsive while the import worker generates and checks the cards).
 */
async function openToPaint(file: { name: string; mimeType: string; buffer: Buffer }, ready: string): Promise<{ ms: number; longest: number }> {
  await openPicker();
  const done = page.evaluate(
    (selector) =>
      new Promise<{ ms: number; longest: number }>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('#deck-file')!;
        let longest = 0;
        const tasks = new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
        tasks.observe({ type: 'longtask' });
        input.addEventListener(
          'change',
          () => {
            const start = performance.now();
            const check = () => {
              if (!document.querySelector(selector)) return false;
              requestAnimationFrame(() =>
                setTimeout(() => {
                  const ms = performance.now() - start;
                  tasks.disconnect();
                  resolve({ ms, longest });
                }, 0),
              );
              return true;
            };
            const observer = new MutationObserver(() => check() && observer.disconnect());
            observer.observe(document.body, { childList: true, subtree: true });
          },
          { capture: true, once: true },
        );
      }),
    ready,
  );
  await page.getByLabel('Choose a deck file').setInputFiles(file);
  return done;
}

const notesFile = { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(text) };
const csvFile = { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
const previewMs: number[] = [];
const csvMs: number[] = [];
let longestTask = 0;
let csvLongestTask = 0;
for (let i = 0; i < ROUNDS; i++) {
  const csvRun = await openToPaint(csvFile, '.first-cards li');
  csvMs.push(csvRun.ms);
  csvLongestTask = Math.max(csvLongestTask, csvRun.longest);
  const run = await openToPaint(notesFile, '[data-testid="choice-row"]');
  previewMs.push(run.ms);
  longestTask = Math.max(longestTask, run.longest);
}

// The DOM with the list open, beside the picker screen.
const listed = await page.getByTestId('choice-row').count();
const previewElements = await page.evaluate(() => document.querySelectorAll('*').length);
await openPicker();
const pickerElements = await page.evaluate(() => document.querySelectorAll('*').length);
await page.getByLabel('Choose a deck file').setInputFiles(notesFile);
await page.getByTestId('choice-row').first().waitFor({ timeout: 60_000 });

// Scrolling a screen at a time to the end of the list: each step waits for the rows at the new position.
const scroll = await page.evaluate(async () => {
  const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const steps: number[] = [];
  const floor: number[] = [];
  let maxRows = 0;
  let maxElements = 0;
  const list = document.querySelector<HTMLElement>('[aria-label="Cards in this import"]')!;
  const end = list.getBoundingClientRect().bottom + scrollY;
  for (let y = list.getBoundingClientRect().top + scrollY; y < end - innerHeight; y += innerHeight) {
    const start = performance.now();
    scrollTo({ top: y, behavior: 'instant' });
    await afterPaint();
    steps.push(performance.now() - start);
    maxRows = Math.max(maxRows, document.querySelectorAll('[data-testid="choice-row"]').length);
    maxElements = Math.max(maxElements, document.querySelectorAll('*').length);
    const idle = performance.now();
    await afterPaint();
    floor.push(performance.now() - idle);
  }
  // A row in view at the end proves the window followed the scroll.
  const inView = [...document.querySelectorAll('[data-testid="choice-row"]')].some((li) => {
    const r = li.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  return { steps, floor, maxRows, maxElements, inView };
});
await browser.close();

const p = summarize(previewMs);
const c = summarize(csvMs);
const s = summarize(scroll.steps);
const f = summarize(scroll.floor);
console.log(`notes: ${(text.length / 1000).toFixed(0)} kB, ${cards} generated cards in ${generated.decks.length} decks`);
console.log(`file chosen -> card list painted: median ${fmt(p.median)} (${previewMs.map((m) => m.toFixed(0)).join(', ')} ms)`);
console.log(`   floor, generateDecks alone in Node: ${fmt(generatorMs)}; deck lints alone in Node: ${fmt(lintMs)}`);
console.log(`   baseline, the same cards as CSV (first-cards preview, no list): median ${fmt(c.median)}`);
console.log(`longest main-thread task while opening: ${fmt(longestTask)}   (baseline, the CSV preview: ${fmt(csvLongestTask)})`);
console.log(`DOM elements with the list open: ${previewElements} (${listed} rows rendered of ${cards}), at most ${scroll.maxElements} while scrolling   (baseline, picker screen: ${pickerElements})`);
console.log(`scroll a screen -> rows painted: median ${fmt(s.median)}, p95 ${fmt(s.p95)} over ${s.n} steps, at most ${scroll.maxRows} rows, in view at the end: ${scroll.inView}   (floor, a frame alone: median ${fmt(f.median)}, p95 ${fmt(f.p95)})`);
