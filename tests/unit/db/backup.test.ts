import { beforeEach, describe, expect, test } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { restoreCollection, snapshotCollection } from '../../../src/lib/db/backup';
import { applyImport, planImport } from '../../../src/lib/db/imports';
import { setSuspended, editCard } from '../../../src/lib/db/editor';
import { parseBackup, writeBackup } from '../../../src/lib/io/backup';
import { saveSettings } from '../../../src/lib/db/settings';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import type { Card } from '../../../src/lib/domain/model';
import { answerCard } from '../../../src/lib/db/study';

const NOW = Date.UTC(2026, 10, 1, 9);

async function studiedCollection() {
  const cards: Card[] = [
    { id: 'a', kind: 'basic' as const, tags: ['x'], prompt: 'p', answer: 'a', provenance: { source: 'n.md', headingPath: ['H'], line: 3 } },
    { id: 'b', kind: 'cloze' as const, tags: [], text: 'A {{c1::b}}', explanation: 'e' },
  ];
  await applyImport(await planImport([{ formatVersion: 1, id: 'd', title: 'D', description: '', tags: [], source: 's', cards }]), 'skip', NOW);
  await setSuspended(['b'], true, NOW);
  await editCard('a', { ...cards[0], answer: 'edited' } as Card, NOW + 1);
  await db.states.update('a', { state: 2, reps: 1, stability: 3.2, difficulty: 5.1, due: NOW + 86_400_000, last_review: NOW });
  await db.reviews.add({ cardId: 'a', deckId: 'd', rating: 3, state: 0, due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review: NOW, durationMs: 4200, source: 'study' });
  await saveSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.85, interviewDate: '2026-12-24' });
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('backup and restore', () => {
  test('backup then restore into an empty profile gives an identical collection', async () => {
    await studiedCollection();
    const before = await snapshotCollection();
    const file = writeBackup(before, NOW);
    await db.delete();
    await db.open();
    const parsed = await parseBackup(file, 'backup.json', NOW + 10);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.warnings).toEqual([]);
    await restoreCollection(parsed.value.snapshot);
    // Reviews get fresh keys on restore (in the same order); everything else is identical.
    const withoutIds = (s: Awaited<ReturnType<typeof snapshotCollection>>) => ({ ...s, reviews: s.reviews.map(({ id: _id, ...r }) => r) });
    expect(withoutIds(await snapshotCollection())).toEqual(withoutIds(before));
  });

  test('restore replaces what was there', async () => {
    await studiedCollection();
    const file = writeBackup(await snapshotCollection(), NOW);
    await db.decks.add({ id: 'extra', title: 'Extra', description: '', tags: [], source: '', origin: 'user', createdAt: NOW, updatedAt: NOW });
    const parsed = await parseBackup(file, 'b.json', NOW);
    if (!parsed.ok) throw new Error(parsed.error.message);
    await restoreCollection(parsed.value.snapshot);
    expect(await db.decks.get('extra')).toBeUndefined();
  });

  test('damaged records get defaults or are left out and reported', async () => {
    const file = JSON.stringify({
      kind: 'drydock-backup', backupVersion: 1, createdAt: NOW,
      tables: {
        decks: [{ id: 'd', title: 42 }, { nope: true }],
        cards: [{ id: 'c', kind: 'basic', prompt: 'p', answer: 'a', tags: [], deckId: 'd', suspended: 1 }, { id: 'x', kind: 'weird', deckId: 'd' }, { id: 'y', kind: 'basic', prompt: 'p', answer: 'a', deckId: 'missing' }],
        states: [{ cardId: 'c', state: 9, stability: 'high', inactive: 0 }],
        reviews: [{ cardId: 'c', deckId: 'd', rating: 7, review: NOW }, { cardId: 'c', deckId: 'd', rating: 2, review: NOW }, { cardId: 'gone', deckId: 'd', rating: 2, review: NOW }],
        settings: [{ key: 'settings', value: { desiredRetention: 5 } }],
      },
    });
    const r = await parseBackup(file, 'b.json', NOW);
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value.snapshot;
    expect(s.decks).toEqual([{ id: 'd', title: 'Untitled deck', description: '', tags: [], source: '', origin: 'imported', createdAt: NOW, updatedAt: NOW }]);
    expect(s.cards.map((c) => c.id)).toEqual(['c']);
    expect(s.states[0]).toMatchObject({ cardId: 'c', state: 0, stability: 0, inactive: 1 });
    expect(s.reviews).toHaveLength(1);
    expect((s.settings[0].value as { desiredRetention: number }).desiredRetention).toBe(0.9);
    expect(r.value.warnings.join(' ')).toMatch(/2 damaged card record.*1 damaged review.*1 review\(s\) belong to no card/);
  });

  test('states restored from a backup made before note ids carry their card’s note id', async () => {
    const file = JSON.stringify({
      kind: 'drydock-backup', backupVersion: 1, createdAt: NOW,
      tables: {
        decks: [{ id: 'd', title: 'D' }],
        cards: [{ id: 'c', kind: 'basic', prompt: 'p', answer: 'a', tags: [], deckId: 'd', noteId: 'note-1' }, { id: 'e', kind: 'basic', prompt: 'q', answer: 'b', tags: [], deckId: 'd' }],
        states: [{ cardId: 'c', state: 2, stability: 4, inactive: 0 }, { cardId: 'e', noteId: 'stale', inactive: 0 }],
        reviews: [],
        settings: [],
      },
    });
    const r = await parseBackup(file, 'b.json', NOW);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.snapshot.states.map((s) => [s.cardId, s.noteId, s.stability])).toEqual([['c', 'note-1', 4], ['e', 'e', 0]]);
  });

  const bad: [string, string, RegExp][] = [
    ['empty', '', /is empty/],
    ['truncated', '{"kind":"drydock-backup","backupVersion":1,"tables":{"decks":[', /not valid JSON/],
    ['a deck file', JSON.stringify({ formatVersion: 1, id: 'd', cards: [] }), /not a Drydock backup/],
    ['newer', JSON.stringify({ kind: 'drydock-backup', backupVersion: 9, tables: {} }), /newer Drydock/],
    ['tables not lists', JSON.stringify({ kind: 'drydock-backup', backupVersion: 1, tables: { cards: 'x' } }), /"cards" is not a list/],
  ];
  test.each(bad)('%s backup gives a clear message', async (_n, text, message) => {
    const r = await parseBackup(text, 'b.json', NOW);
    expect(!r.ok && r.error.message).toMatch(message);
  });

  const backupWith = (tables: Record<string, unknown>) => JSON.stringify({ kind: 'drydock-backup', backupVersion: 1, createdAt: NOW, tables });
  const deck = { id: 'd', title: 'D', description: '', tags: [], source: '', origin: 'user', createdAt: NOW, updatedAt: NOW };
  const cardRow = (id: string) => ({ id, kind: 'basic', tags: [], prompt: `p ${id}`, answer: 'a', deckId: 'd', order: 0, suspended: 0, retired: 0, createdAt: NOW, updatedAt: NOW });
  const reviewRow = (id: number, review = NOW) => ({ id, cardId: 'c', deckId: 'd', rating: 3, state: 0, due: review, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review, durationMs: 1000, source: 'study' });

  async function restoreText(text: string) {
    const r = await parseBackup(text, 'b.json', NOW);
    if (!r.ok) throw new Error(r.error.message);
    await restoreCollection(r.value.snapshot);
    return r.value;
  }

  test.each([[2 ** 53], [1e300], [2 ** 53 - 1]])('a backup whose review id is %d restores, and answering still saves afterwards', async (id) => {
    const parsed = await restoreText(backupWith({ decks: [deck], cards: [cardRow('c')], states: [], reviews: [reviewRow(id)] }));
    expect(parsed.snapshot.reviews).toHaveLength(1);
    const receipt = await answerCard({ cardId: 'c', rating: 3, now: NOW + 60_000, durationMs: 2000, source: 'study' });
    expect(receipt.logId).toBeLessThan(2 ** 53);
    expect(await db.reviews.count()).toBe(2);
  });

  test('reviews get fresh ids in file order', async () => {
    await restoreText(backupWith({ decks: [deck], cards: [cardRow('c')], states: [], reviews: [reviewRow(900, NOW - 2), reviewRow(5, NOW - 1), reviewRow(77, NOW)] }));
    const rows = await db.reviews.orderBy('id').toArray();
    expect(rows.map((r) => r.review)).toEqual([NOW - 2, NOW - 1, NOW]);
    expect(rows.every((r) => r.id! < 900)).toBe(true);
  });

  test('duplicate card and review ids and deeply nested settings are repaired in the preview, and "Replace everything" then succeeds', async () => {
    const nested = '{"deeper":'.repeat(5000) + '"x"' + '}'.repeat(5000);
    const parsed = await restoreText(backupWith({
      decks: [deck, deck],
      cards: [cardRow('c'), cardRow('c')],
      states: [],
      reviews: [reviewRow(1), reviewRow(1), reviewRow(2)],
      settings: [{ key: 'layout', value: 'NESTED' }, { key: 'ok', value: { a: 1 } }],
    }).replace('"NESTED"', nested));
    const text = parsed.warnings.join(' ');
    expect(text).toMatch(/1 decks repeat an id/);
    expect(text).toMatch(/1 cards repeat an id/);
    expect(text).toMatch(/1 review\(s\) repeat an id/);
    expect(text).toMatch(/1 setting\(s\) nested deeper than 32 levels/);
    expect(await db.cards.count()).toBe(1);
    expect(await db.reviews.count()).toBe(2);
    expect((await db.settings.toArray()).map((s) => s.key)).toEqual(['ok']);
  });

  test('out-of-range numbers are clamped and listed in the preview', async () => {
    const state = { cardId: 'c', deckId: 'd', due: 1e308, stability: -4, difficulty: Infinity, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1e12, lapses: 3, state: 2, last_review: 1e300 };
    const parsed = await restoreText(backupWith({ decks: [{ ...deck, createdAt: -5 }], cards: [cardRow('c')], states: [state], reviews: [reviewRow(1, 1e300), reviewRow(2)] }));
    const s = parsed.snapshot.states[0];
    expect(s.due).toBe(Date.UTC(2200, 0, 1));
    expect(s).toMatchObject({ stability: 0, reps: 1_000_000, lapses: 3 });
    expect(s.last_review).toBeUndefined();
    expect(parsed.snapshot.decks[0].createdAt).toBe(NOW);
    expect(parsed.snapshot.reviews).toHaveLength(1);
    expect(parsed.warnings.join(' ')).toMatch(/out-of-range numbers were clamped/);
    expect(parsed.warnings.join(' ')).toMatch(/dates outside 1970–2200 were corrected/);
  });

  test('a write that fails anyway leaves the collection unchanged with a human message', async () => {
    await studiedCollection();
    const before = await snapshotCollection();
    const r = await parseBackup(backupWith({ decks: [deck], cards: [cardRow('c')] }), 'b.json', NOW);
    if (!r.ok) throw new Error(r.error.message);
    const original = db.settings.bulkAdd.bind(db.settings);
    db.settings.bulkAdd = (() => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }))) as unknown as typeof db.settings.bulkAdd;
    try {
      await expect(restoreCollection(r.value.snapshot)).rejects.toThrow(/not enough storage space for this restore: it needs about \d+ bytes.*Nothing was changed/);
    } finally {
      db.settings.bulkAdd = original;
    }
    expect(await snapshotCollection()).toEqual(before);
  });
});
