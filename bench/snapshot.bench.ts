// Automatic backup size and time: the bundled decks with a realistic review history (60 days of 150 answers), as the
// plain backup file (the baseline) and as the gzip snapshot kept in IndexedDB. Sets the budget in domain/backups.ts.
// Runs in Node with fake-indexeddb; the size figures do not depend on the machine.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { db, type ReviewLogRecord } from '../src/lib/db/db';
import { applyImport, planImport } from '../src/lib/db/imports';
import { snapshotCollection } from '../src/lib/db/backup';
import { writeBackup } from '../src/lib/io/backup';
import { encodeSnapshot } from '../src/lib/io/snapshot';
import { KEEP_DAILY, KEEP_WEEKLY, SNAPSHOT_BUDGET_BYTES } from '../src/lib/domain/backups';
import type { Deck } from '../src/lib/domain/model';
import { fmt } from './lib/browser';

const NOW = new Date(2026, 11, 1, 9).getTime();
const DAYS = 60;
const PER_DAY = 150;

const bundled = readdirSync('decks').filter((f) => f.endsWith('.deck.json')).map((f) => JSON.parse(readFileSync(`decks/${f}`, 'utf8')) as Deck);
await applyImport(await planImport(bundled), 'skip', NOW);
const cards = await db.cards.toArray();
const reviews: ReviewLogRecord[] = [];
for (let i = 0; i < DAYS * PER_DAY; i++) {
  const card = cards[(i * 7919) % cards.length];
  const review = NOW - (DAYS - Math.floor(i / PER_DAY)) * 86_400_000 + (i % PER_DAY) * 20_000;
  reviews.push({ cardId: card.id, deckId: card.deckId, rating: ((i % 7) % 4) + 1 as 1 | 2 | 3 | 4, state: (i % 3) as 0 | 1 | 2, due: review, stability: 3.17 + (i % 50) / 7, difficulty: 5.28 + (i % 9) / 3, elapsed_days: i % 12, last_elapsed_days: i % 9, scheduled_days: i % 15, learning_steps: i % 2, review, durationMs: 4000 + (i % 97) * 113, source: 'study' });
}
await db.reviews.bulkAdd(reviews);

const collection = await snapshotCollection();
const t0 = performance.now();
const json = writeBackup(collection, NOW);
const t1 = performance.now();
const gzip = await encodeSnapshot(collection, NOW);
const t2 = performance.now();
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
console.log(`collection: ${collection.cards.length} cards, ${collection.reviews.length} reviews`);
console.log(`backup file (baseline): ${mb(json.length)}, written in ${fmt(t1 - t0)}`);
console.log(`gzip snapshot:          ${mb(gzip.byteLength)} (${((gzip.byteLength / json.length) * 100).toFixed(0)}%), written and compressed in ${fmt(t2 - t0)}`);
console.log(`${KEEP_DAILY + KEEP_WEEKLY} snapshots at most: ${mb((KEEP_DAILY + KEEP_WEEKLY) * gzip.byteLength)}; budget ${mb(SNAPSHOT_BUDGET_BYTES)}`);
