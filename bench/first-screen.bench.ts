// The first screens on a fresh profile (`npm run bench -- first-screen`), each figure beside its goal (issue 22):
// - JS + CSS (gzip) fetched before the deck list is painted and before the first card, and what loads after it, on a
//   first visit and on the next one (a reload, the bundled decks stored);
// - layout shift (CLS) on both screens, from a layout-shift observer over the first three seconds;
// - Lighthouse 12.2.3 mobile (its default form factor and throttling) on both screens, LIGHTHOUSE_RUNS times each
//   (default 5), the median score with its metrics: one run on a shared machine says little.
// The floor beside the bytes: Dexie and the Svelte runtime alone, minified and gzipped from the same build.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { BENCH_URL, launchChromium, summarize } from './lib/browser';
import { firstScreenCost } from './lib/bundle-cost';
import { CHROMIUM_ARGS } from '../playwright.config';

const DIST = process.env.BENCH_DIST ?? 'dist-bench';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const gz = (file: string) => gzipSync(readFileSync(`${DIST}/assets/${file}`)).length / 1024;
const short = (file: string) => file.replace(/-[\w-]{8}\./, '.');

const CLS_OBSERVER = `(() => { window.__cls = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true }); })()`;

/**
 * Files a fresh visit fetches before `selector` is in the page (the moment its screen is first painted), then the ones
 * it fetches in the next three seconds, and the CLS. Timed in the page (resource timing against a mutation observer),
 * so what starts loading right after the first paint is not counted as before it.
 */
async function firstVisit(hash: string, selector: string) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await context.addInitScript(CLS_OBSERVER);
    await context.addInitScript((sel: string) => {
      const w = window as unknown as { __readyAt: number | null };
      w.__readyAt = null;
      new MutationObserver((_, observer) => {
        if (document.querySelector(sel)) {
          w.__readyAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, selector);
    const page = await context.newPage();
    const measure = async () => {
      await page.locator(selector).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(3000);
      const { readyAt, files, cls } = await page.evaluate(() => ({
        readyAt: (window as unknown as { __readyAt: number }).__readyAt,
        files: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime })),
        cls: (window as unknown as { __cls: number }).__cls,
      }));
      const assets = files.filter((f) => /\/assets\/[^/]+\.(js|css)$/.test(f.name)).map((f) => ({ file: new URL(f.name).pathname.split('/').pop()!, start: f.start }));
      const before = assets.filter((f) => f.start < readyAt).map((f) => f.file);
      const later = assets.filter((f) => f.start >= readyAt).map((f) => f.file);
      const sum = (list: string[]) => list.reduce((s, f) => s + gz(f), 0);
      return {
        kb: sum(before),
        files: before.length,
        readyMs: readyAt,
        list: before.map((f) => `${short(f)} ${gz(f).toFixed(1)}`).join(', '),
        laterKb: sum(later),
        later: later.map(short).join(', '),
        cls,
      };
    };
    await page.goto(`${BENCH_URL}${hash}`);
    const first = await measure();
    // The next visit, with the bundled decks stored: what a returning learner's device loads.
    await page.reload();
    return { first, next: await measure() };
  } finally {
    await browser.close();
  }
}

// The floor: what Dexie and the Svelte runtime alone cost in the entry chunk of the same build.
const floor = (await firstScreenCost()).filter((r) => r.group === 'dexie' || r.group === 'svelte').reduce((s, r) => s + r.kbGzip, 0);
const study = await firstVisit('#/study/all', '.actions .reveal');
const home = await firstVisit('', 'li[data-deck-id]');
for (const [name, r] of [['the first card', study.first], ['the deck list', home.first], ['the first card, next visit', study.next], ['the deck list, next visit', home.next]] as const) {
  console.log(`JS + CSS before ${name}: ${r.kb.toFixed(1)} kB gzip in ${r.files} files (shown at ${Math.round(r.readyMs)} ms)   goal <= 70 kB (aim 60); floor: Dexie + Svelte runtime ${floor.toFixed(1)} kB`);
  console.log(`  ${r.list}`);
  console.log(`  then within 3 s: ${r.laterKb.toFixed(1)} kB (${r.later || 'nothing'}); CLS ${r.cls.toFixed(3)}`);
}

// --- Lighthouse, mobile, Debian Chromium: RUNS runs per screen, the median score.
const { default: lighthouse } = await import('lighthouse');
const chromeLauncher = await import('chrome-launcher');
console.log(`Lighthouse 12.2.3 mobile, ${RUNS} runs per screen; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores at the start`);
for (const [name, url] of [['deck list', BENCH_URL], ['study screen', `${BENCH_URL}#/study/all`]] as const) {
  const runs: { perf: number; fcp: number; lcp: number; tbt: number; cls: number; si: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A fresh browser each run: a fresh profile, as a first visit.
    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const lhr = result!.lhr;
      const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      runs.push({ perf: Math.round((lhr.categories.performance.score ?? 0) * 100), fcp: num('first-contentful-paint'), lcp: num('largest-contentful-paint'), tbt: num('total-blocking-time'), cls: num('cumulative-layout-shift'), si: num('speed-index') });
    } finally {
      await chrome.kill();
    }
  }
  const med = (k: keyof (typeof runs)[number]) => summarize(runs.map((r) => r[k])).median;
  console.log(
    `Lighthouse mobile, ${name}: performance median ${med('perf')} (runs ${runs.map((r) => r.perf).join(', ')}); ` +
      `FCP ${Math.round(med('fcp'))} ms, LCP ${Math.round(med('lcp'))} ms, TBT ${Math.round(med('tbt'))} ms, CLS ${med('cls').toFixed(3)}, SI ${Math.round(med('si'))} ms   goal 100`,
  );
}
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
