// npm run bench -- classes: one class deck of 500 cards and 1,000 subscribers checking for updates, against the real
// server (server/main.ts) on PostgreSQL when DATABASE_URL is set, else PGlite in a throwaway folder. Figures:
// requests per second and p50/p99 latency, beside the same server's static-file floor (a small built file, the same
// number of requests at the same concurrency) measured in the same run.
//   1. every subscriber checks and is up to date (GET /api/classes/:id);
//   2. the instructor publishes version 2 and every subscriber checks and downloads it (GET …/versions/2).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fmt } from './lib/browser';
import { startChildServer } from '../tests/support/child-server';

const CARDS = 500;
const SUBSCRIBERS = 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const DIST = process.env.BENCH_DIST ?? 'dist-bench';

const dataDir = mkdtempSync(join(tmpdir(), 'drydock-classes-bench-'));
const server = await startChildServer({
  DATABASE_URL: process.env.DATABASE_URL ?? '',
  DRYDOCK_DATA: dataDir,
  DRYDOCK_DIST: DIST,
  DRYDOCK_REQUEST_LOG: '0',
  // One machine plays a whole class: the per-address and per-link limits would stop it at once.
  DRYDOCK_RATE_ADDRESS: '100000000',
  DRYDOCK_RATE_CLASS: '100000000',
});
process.on('exit', () => {
  try {
    process.kill(-server.process.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(dataDir, { recursive: true, force: true });
});
const base = server.url;
const store = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

const HEADERS = { 'X-Drydock-Protocol': '1' };

function deck(version: number) {
  return {
    formatVersion: 1,
    id: 'bench-class',
    title: 'Bench class',
    description: '',
    tags: [],
    source: 'bench',
    cards: Array.from({ length: CARDS }, (_, i) => ({
      id: `bench-card-${i}`,
      kind: 'basic',
      tags: ['bench'],
      prompt: `Question ${i}: what does \`docker run --restart unless-stopped\` do for container ${i}?`,
      answer: `It restarts the container unless it was stopped by hand (version ${version}).`,
    })),
  };
}

const ownerKey = randomBytes(32).toString('base64url');
async function publish(path: string, version: number) {
  const response = await fetch(`${base}/api/classes${path}`, {
    method: 'POST',
    headers: { ...HEADERS, Authorization: `Bearer ${ownerKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ deck: deck(version), note: `version ${version}` }),
  });
  if (response.status !== 201) throw new Error(`publish failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { class: string; version: number };
}

/** Runs `requests` (one per subscriber, each possibly several calls) with CONCURRENCY in flight; latency per call. */
async function load(name: string, perSubscriber: (i: number) => Promise<number[]>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < SUBSCRIBERS) {
        const i = next++;
        latencies.push(...(await perSubscriber(i)));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { name, requests: sorted.length, perSecond: sorted.length / seconds, p50: at(0.5), p99: at(0.99) };
}

async function timed(url: string, check: (r: Response, body: string) => boolean): Promise<number> {
  const t = performance.now();
  const response = await fetch(url, { headers: HEADERS });
  const body = await response.text();
  const ms = performance.now() - t;
  if (!check(response, body)) throw new Error(`${url}: ${response.status} ${body.slice(0, 200)}`);
  return ms;
}

const { class: classId } = await publish('', 1);
const staticFile = `${base}/robots.txt`;
// Warm-up: connections, the JIT and the database's caches.
for (let i = 0; i < 50; i++) {
  await timed(staticFile, (r) => r.ok);
  await timed(`${base}/api/classes/${classId}`, (r) => r.ok);
}

const results = [];
results.push(await load('static file (floor)', async () => [await timed(staticFile, (r) => r.ok)]));
results.push(
  await load('check, up to date', async () => [
    await timed(`${base}/api/classes/${classId}`, (r, body) => r.ok && JSON.parse(body).version === 1),
  ]),
);
await publish(`/${classId}/versions`, 2);
let deckBytes = 0;
results.push(
  await load(`check + download v2 (${CARDS} cards)`, async () => [
    await timed(`${base}/api/classes/${classId}`, (r, body) => r.ok && JSON.parse(body).version === 2),
    await timed(`${base}/api/classes/${classId}/versions/2`, (r, body) => {
      deckBytes = body.length;
      return r.ok && JSON.parse(body).deck.cards.length === CARDS;
    }),
  ]),
);

const floor = results[0];
console.log(`classes: 1 class deck of ${CARDS} cards, ${SUBSCRIBERS} subscribers, ${CONCURRENCY} requests in flight, server on ${store}`);
console.log(`(the version download is ${(deckBytes / 1024).toFixed(0)} KB of JSON)`);
for (const r of results) {
  const vsFloor = r === floor ? '' : `  (${(floor.perSecond / r.perSecond).toFixed(1)}x the floor's time per request)`;
  console.log(`  ${r.name.padEnd(34)} ${String(r.requests).padStart(5)} requests  ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${fmt(r.p50).padStart(9)}  p99 ${fmt(r.p99).padStart(9)}${vsFloor}`);
}
await server.stop();
