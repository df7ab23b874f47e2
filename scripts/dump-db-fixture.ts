// Writes tests/fixtures/db/v<N>.json: a small collection as schema version N stores it, dumped store by store, so
// tests/unit/db/schema-migrations.test.ts can check that the current code opens it with every record intact.
// Run: npx tsx scripts/dump-db-fixture.ts (it writes the version-1 fixture; a later schema adds its own writer here).
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import Dexie from 'dexie';
import { dumpDatabase } from '../tests/fixtures/db/idb-dump';

const NOW = Date.UTC(2026, 9, 1, 8);
const DAY = 86_400_000;

/** Schema version 1 exactly as released (src/lib/db/db.ts on main before version 2). */
class DrydockV1 extends Dexie {
  constructor() {
    super('drydock-v1');
    this.version(1).stores({
      decks: 'id, origin',
      cards: 'id, deckId, *tags, kind, [deckId+order]',
      states: 'cardId, deckId, due, state, [deckId+inactive+due], [deckId+inactive+state], [inactive+due]',
      reviews: '++id, cardId, deckId, review, [cardId+review], [deckId+review]',
      settings: 'key',
    });
  }
}

async function writeV1(): Promise<void> {
  const db = new DrydockV1();
  const deck = (id: string, origin: string, title: string) => ({ id, title, description: '', tags: [id], source: 'fixture', origin, createdAt: NOW, updatedAt: NOW });
  await db.table('decks').bulkAdd([{ ...deck('networking', 'bundled', 'Docker networking'), bundleHash: 'h1' }, deck('user-mine', 'user', 'Mine')]);
  const card = (id: string, deckId: string, order: number, extra: object) => ({ id, deckId, order, tags: ['net'], suspended: 0, retired: 0, createdAt: NOW, updatedAt: NOW, ...extra });
  await db.table('cards').bulkAdd([
    card('n1', 'networking', 0, { kind: 'basic', prompt: 'Default network driver?', answer: 'bridge', provenance: { source: 'notes.md', headingPath: ['Networking'], line: 4 } }),
    card('n2', 'networking', 1, { kind: 'cloze', text: 'The {{c1::overlay}} driver spans hosts.', retired: 1 }),
    card('n3', 'networking', 2, { kind: 'choice', prompt: 'Which isolates?', options: ['none', 'host', 'bridge'], correct: [0], explanation: 'none has no network', suspended: 1 }),
    card('m1', 'user-mine', 0, { kind: 'typed', prompt: 'List containers', answers: ['docker ps'], editedAt: NOW + DAY }),
    card('m2', 'user-mine', 1, { kind: 'truefalse', statement: 'Volumes outlive containers.', isTrue: true, explanation: 'They do.' }),
  ]);
  const state = (cardId: string, deckId: string, extra: object) => ({ cardId, deckId, due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0, inactive: 0, ...extra });
  await db.table('states').bulkAdd([
    state('n1', 'networking', { state: 2, stability: 4.1, difficulty: 5.3, reps: 2, due: NOW + 4 * DAY, scheduled_days: 4, last_review: NOW }),
    state('n2', 'networking', { inactive: 1 }),
    state('n3', 'networking', { inactive: 1 }),
    state('m1', 'user-mine', {}),
    state('m2', 'user-mine', {}),
  ]);
  const review = (cardId: string, deckId: string, review: number, rating: number, state: number) => ({ cardId, deckId, rating, state, due: review, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review, durationMs: 4000, source: 'study' });
  await db.table('reviews').bulkAdd([review('n1', 'networking', NOW - DAY, 3, 0), review('n1', 'networking', NOW, 3, 1)]);
  // What version 1 let a restored backup write: a review id of 2^53, after which its key generator is exhausted.
  await db.table('reviews').add({ ...review('m1', 'user-mine', NOW - 2 * DAY, 4, 0), id: 2 ** 53 });
  await db.table('settings').bulkAdd([
    { key: 'settings', value: { desiredRetention: 0.85, maximumInterval: 36500, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], newPerDay: 15, reviewsPerDay: 200, interviewDate: '2026-12-01' } },
    { key: 'storagePersistence', value: { askedAt: NOW, granted: true } },
  ]);
  db.close();
  const dump = await dumpDatabase('drydock-v1');
  writeFileSync(new URL('../tests/fixtures/db/v1.json', import.meta.url), JSON.stringify(dump, null, 1) + '\n');
}

await writeV1();
console.log('wrote tests/fixtures/db/v1.json');
