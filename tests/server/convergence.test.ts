// Convergence: 2–4 simulated devices run the real device-side sync code (the outbox middleware, sealing, push/pull
// rounds, merge and replay) over fake-indexeddb against a real server process on PGlite. They answer, undo, edit,
// add, suspend, delete and change a setting in random interleavings, go offline, and lose responses after the
// server acted on them. After a final round on every device, all collections are identical and every review ever
// made is present exactly once, unless its device undid it or deleted its card.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrydockDB } from '../../src/lib/db/db';
import { newCardRecord, newStateRecord } from '../../src/lib/db/records';
import { answerCard, undoAnswer, type AnswerReceipt } from '../../src/lib/db/study';
import { createSpace, joinWithCode, syncRound } from '../../src/lib/sync/engine';
import { httpTransport, SyncError, type SyncTransport } from '../../src/lib/sync/transport';
import type { Card } from '../../src/lib/domain/model';
import { noteOf } from '../../src/lib/domain/model';
import { DEFAULT_SETTINGS } from '../../src/lib/domain/settings';
import { startChildServer, type ChildServer } from './helpers';

const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 200);
const DAY = 86_400_000;
let server: ChildServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'drydock-convergence-'));
  server = await startChildServer({ DRYDOCK_DATA: dataDir, DRYDOCK_RATE_SPACE: '1000000', DRYDOCK_RATE_ADDRESS: '1000000', DRYDOCK_REQUEST_LOG: '0' });
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Action =
  | { kind: 'answer'; device: number; card: number; rating: 1 | 2 | 3 | 4; days: number }
  | { kind: 'undo'; device: number }
  | { kind: 'edit'; device: number; card: number; text: string }
  | { kind: 'add'; device: number }
  | { kind: 'suspend'; device: number; card: number }
  | { kind: 'delete'; device: number; card: number }
  | { kind: 'setting'; device: number; newPerDay: number }
  | { kind: 'sync'; device: number; drop: boolean }
  | { kind: 'offline'; device: number };

const action = (devices: number): fc.Arbitrary<Action> => {
  const device = fc.integer({ min: 0, max: devices - 1 });
  const card = fc.integer({ min: 0, max: 7 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('answer' as const), device, card, rating: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, days: fc.integer({ min: 0, max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), device }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, card, text: fc.string({ maxLength: 12 }).map((t) => `Edited: ${t}`) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), device }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('suspend' as const), device, card }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, card }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('setting' as const), device, newPerDay: fc.integer({ min: 1, max: 50 }) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), device, drop: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), device }) },
  );
};

interface Device {
  db: DrydockDB;
  offline: boolean;
  dropNext: boolean;
  lastReceipt: AnswerReceipt | null;
  added: number;
}

/** The real HTTP transport, but the network can be down, or a response can be lost after the server acted. */
function flakyTransport(device: Device): SyncTransport {
  const real = httpTransport(`${server.url}/`);
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (device.offline) throw new SyncError('offline');
      const result = await call(...args);
      if (device.dropNext) {
        device.dropNext = false;
        throw new SyncError('offline');
      }
      return result;
    };
  return { ...real, push: wrap(real.push), pull: wrap(real.pull) };
}

const T0 = Date.UTC(2026, 10, 2, 9);
let run = 0;

async function seedDeck(d: DrydockDB, deckId: string, ids: string[], now: number) {
  await d.transaction('rw', [d.decks, d.cards, d.states, d.settings], async () => {
    await d.decks.put({ id: deckId, title: `Deck ${deckId}`, description: '', tags: [], source: 'test', origin: 'user', createdAt: now, updatedAt: now });
    await d.cards.bulkPut(ids.map((id, i) => newCardRecord({ id, kind: 'basic', tags: ['t'], prompt: `What is ${id}?`, answer: `It is ${id}.` } as Card, deckId, i, now)));
    await d.states.bulkPut(ids.map((id) => newStateRecord(id, deckId, now)));
  });
}

async function snapshot(d: DrydockDB) {
  const byId = <T extends { id?: unknown }>(rows: T[]) => rows.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const reviews = (await d.reviews.toArray())
    .map(({ id: _id, ...r }) => r)
    .sort((a, b) => (a.uid! < b.uid! ? -1 : 1));
  return {
    decks: byId(await d.decks.toArray()),
    cards: byId(await d.cards.toArray()),
    states: (await d.states.toArray()).sort((a, b) => a.cardId.localeCompare(b.cardId)),
    reviews,
    settings: (await d.settings.toArray()).sort((a, b) => a.key.localeCompare(b.key)),
  };
}

describe(`convergence of ${RUNS} random schedules on 2–4 devices against a server process on PGlite`, () => {
  it('ends with identical collections and every review present exactly once', async () => {
    let schedules = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(fc.constant(n), fc.array(action(n), { minLength: 5, maxLength: 30 }))),
        async ([n, actions]) => {
          run++;
          schedules++;
          const devices: Device[] = Array.from({ length: n }, (_, k) => ({ db: new DrydockDB(`conv-${run}-${k}`), offline: false, dropNext: false, lastReceipt: null, added: 0 }));
          const ctx = (dev: Device) => ({ transport: flakyTransport(dev), database: dev.db });
          const made = new Set<string>();
          const removed = new Set<string>();
          let now = T0;
          try {
            // Device 0 starts the space with a deck; each other device has its own deck before it joins.
            await seedDeck(devices[0].db, 'shared', ['s0', 's1', 's2', 's3'], now);
            const { code } = await createSpace(ctx(devices[0]), 'device 0', `${server.url}/`);
            await syncRound(ctx(devices[0]));
            for (let k = 1; k < n; k++) {
              await seedDeck(devices[k].db, `own${k}`, [`o${k}a`, `o${k}b`], now);
              await joinWithCode(ctx(devices[k]), code, `device ${k}`);
            }
            const cardsOf = async (d: DrydockDB) => (await d.cards.orderBy('id').toArray()).filter((c) => !c.retired);

            for (const a of actions) {
              const dev = devices[a.device];
              const d = dev.db;
              switch (a.kind) {
                case 'answer': {
                  const cards = await cardsOf(d);
                  const card = cards[a.card % Math.max(1, cards.length)];
                  if (!card || !(await d.states.get(card.id))) break;
                  now += a.days * DAY + 60_000;
                  dev.lastReceipt = await answerCard({ cardId: card.id, rating: a.rating, now, durationMs: 3000, source: 'study' }, d);
                  made.add(dev.lastReceipt.log.uid!);
                  break;
                }
                case 'undo': {
                  const receipt = dev.lastReceipt;
                  dev.lastReceipt = null;
                  if (!receipt) break;
                  try {
                    await undoAnswer(receipt, d);
                    removed.add(receipt.log.uid!);
                  } catch {
                    // The card changed since (a merged review, an edit): the answer can no longer be undone.
                  }
                  break;
                }
                case 'edit': {
                  // As the editor saves it: a valid card (a blank prompt would be refused by every other device).
                  const cards = await cardsOf(d);
                  const card = cards[a.card % Math.max(1, cards.length)];
                  if (!card) break;
                  now += 1000;
                  await d.transaction('rw', d.cards, d.states, async () => {
                    await d.cards.put({ ...card, prompt: a.text, updatedAt: now, editedAt: now } as typeof card);
                    await d.states.update(card.id, { noteId: noteOf(card) });
                  });
                  break;
                }
                case 'add': {
                  const deckId = (await d.decks.toArray())[0]?.id;
                  if (!deckId) break;
                  const id = `n${a.device}-${dev.added++}`;
                  await d.transaction('rw', d.cards, d.states, async () => {
                    await d.cards.put(newCardRecord({ id, kind: 'basic', tags: [], prompt: `New ${id}?`, answer: 'Yes.' } as Card, deckId, 100 + dev.added, now));
                    await d.states.put(newStateRecord(id, deckId, now));
                  });
                  break;
                }
                case 'suspend': {
                  const cards = await cardsOf(d);
                  const card = cards[a.card % Math.max(1, cards.length)];
                  if (!card) break;
                  await d.transaction('rw', d.cards, d.states, async () => {
                    const suspended = card.suspended ? 0 : 1;
                    await d.cards.put({ ...card, suspended, updatedAt: now });
                    await d.states.update(card.id, { inactive: suspended });
                  });
                  break;
                }
                case 'delete': {
                  const cards = await cardsOf(d);
                  const card = cards[a.card % Math.max(1, cards.length)];
                  if (!card) break;
                  await d.transaction('rw', d.cards, d.states, d.reviews, async () => {
                    for (const r of await d.reviews.where('cardId').equals(card.id).toArray()) removed.add(r.uid!);
                    await d.reviews.where('cardId').equals(card.id).delete();
                    await d.states.delete(card.id);
                    await d.cards.delete(card.id);
                  });
                  break;
                }
                case 'setting':
                  await d.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, newPerDay: a.newPerDay } });
                  break;
                case 'offline':
                  dev.offline = !dev.offline;
                  break;
                case 'sync':
                  dev.dropNext = a.drop;
                  await syncRound(ctx(dev)).catch((error) => {
                    if (!(error instanceof SyncError) || error.code !== 'offline') throw error;
                  });
                  dev.dropNext = false;
                  break;
              }
            }

            // Everyone back online; two passes: the first pushes everything, the second brings everything in.
            for (const dev of devices) dev.offline = false;
            for (let pass = 0; pass < 2; pass++) for (const dev of devices) await syncRound(ctx(dev));

            const first = await snapshot(devices[0].db);
            if (process.env.CONVERGENCE_DEBUG) console.log(JSON.stringify(await Promise.all(devices.map(async (dev) => [await dev.db.clocks.toArray(), await dev.db.conflicts.toArray()]))));
            for (const dev of devices.slice(1)) expect(await snapshot(dev.db)).toEqual(first);
            const expected = [...made].filter((uid) => !removed.has(uid)).sort();
            expect(first.reviews.map((r) => r.uid)).toEqual(expected);
            for (const dev of devices) expect(await dev.db.outbox.count()).toBe(0);
          } finally {
            for (const dev of devices) {
              dev.db.close();
              await dev.db.delete();
            }
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true, ...(process.env.CONVERGENCE_SEED ? { seed: Number(process.env.CONVERGENCE_SEED) } : {}) },
    );
    expect(schedules).toBeGreaterThanOrEqual(RUNS);
    console.log(`convergence: ${schedules} schedules, all devices identical after the final sync`);
  }, 900_000);
});
