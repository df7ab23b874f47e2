// Import speed: the bundled notes as Markdown and a 5,000-card CSV, each parsed, planned (duplicate detection) and
// written atomically, beside a raw Dexie bulkAdd of the same rows into an empty database in the same run.
// Runs in Node with fake-indexeddb (an in-memory IndexedDB), so figures compare the import path with its floor,
// not with a phone's disk.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { db } from '../src/lib/db/db';
import { applyImport, planImport } from '../src/lib/db/imports';
import { newCardRecord, newStateRecord } from '../src/lib/db/records';
import { parseDelimited } from '../src/lib/io/csv';
import { parseNotes } from '../src/lib/io/notes';
import type { Deck } from '../src/lib/domain/model';
import type { ImportBundle, Result } from '../src/lib/io/result';
import { fmt, summarize } from './lib/browser';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NOW = Date.UTC(2026, 10, 1);

async function fresh(): Promise<void> {
  await db.delete();
  await db.open();
}

async function baseline(decks: Deck[]): Promise<void> {
  await db.transaction('rw', db.decks, db.cards, db.states, async () => {
    await db.decks.bulkAdd(decks.map((d) => ({ id: d.id, title: d.title, description: d.description, tags: d.tags, source: d.source, origin: 'imported' as const, createdAt: NOW, updatedAt: NOW })));
    await db.cards.bulkAdd(decks.flatMap((d) => d.cards.map((c, i) => newCardRecord(c, d.id, i, NOW))));
    await db.states.bulkAdd(decks.flatMap((d) => d.cards.map((c) => newStateRecord(c.id, d.id, NOW))));
  });
}

async function measure(label: string, parse: () => Promise<Result<ImportBundle>>): Promise<void> {
  const full: number[] = [];
  const parseOnly: number[] = [];
  const raw: number[] = [];
  let cards = 0;
  for (let i = 0; i < RUNS; i++) {
    await fresh();
    const t0 = performance.now();
    const bundle = await parse();
    const t1 = performance.now();
    if (!bundle.ok) throw new Error(bundle.error.message);
    const plan = await planImport(bundle.value.decks);
    await applyImport(plan, 'update', NOW);
    full.push(performance.now() - t0);
    parseOnly.push(t1 - t0);
    cards = await db.cards.count();
    await fresh();
    const t2 = performance.now();
    await baseline(bundle.value.decks);
    raw.push(performance.now() - t2);
  }
  const f = summarize(full);
  const p = summarize(parseOnly);
  const r = summarize(raw);
  console.log(`${label} (${cards} cards, ${RUNS} runs, median / p95):`);
  console.log(`  import (parse + preview plan + atomic write): ${fmt(f.median)} / ${fmt(f.p95)}   of which parsing ${fmt(p.median)}`);
  console.log(`  baseline raw Dexie bulkAdd of the same rows:  ${fmt(r.median)} / ${fmt(r.p95)}   (import = ${(f.median / r.median).toFixed(1)}× baseline)`);
}

const notes = readFileSync('decks/sources/containers-and-docker-notes.md', 'utf8');
await measure('Bundled notes as Markdown', () => parseNotes(notes, 'containers-and-docker-notes.md'));

const rows = Array.from({ length: 5000 }, (_, i) => `"What does command ${i} do, and why?","It does thing ${i}; see \`docker help\`\nsecond line",tag${i % 40} cli`);
const csv = `front,back,tags\n${rows.join('\n')}\n`;
await measure(`5,000-card CSV (${(csv.length / 1024).toFixed(0)} KB)`, () => parseDelimited(csv, 'class.csv'));
process.exit(0);
