import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { applyImport, keepChosen, planImport } from '../../../src/lib/db/imports';
import { FORMAT_VERSION, type Deck } from '../../../src/lib/domain/model';

const NOW = Date.UTC(2026, 10, 1, 9);
const deck = (cards: Deck['cards'], id = 'class-deck'): Deck => ({ formatVersion: FORMAT_VERSION, id, title: 'Class deck', description: '', tags: [], source: 'class.json', cards });
const basic = (id: string, prompt: string, answer = 'a') => ({ id, kind: 'basic' as const, tags: [], prompt, answer });

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => vi.restoreAllMocks());

describe('planImport / applyImport', () => {
  test('a new deck lands whole, with a new state row per card', async () => {
    const plan = await planImport([deck([basic('a', 'q1'), basic('b', 'q2')])]);
    expect(plan).toMatchObject({ newCards: 2, duplicates: 0 });
    const out = await applyImport(plan, 'skip', NOW);
    expect(out).toMatchObject({ added: 2, updated: 0, skipped: 0 });
    expect(await db.decks.get('class-deck')).toMatchObject({ title: 'Class deck', origin: 'imported' });
    expect((await db.cards.orderBy('id').toArray()).map((c) => [c.id, c.order, c.deckId])).toEqual([['a', 0, 'class-deck'], ['b', 1, 'class-deck']]);
    expect(await db.states.count()).toBe(2);
  });

  test('note ids reach the states; an update takes the imported note id, copies keep their siblings together', async () => {
    const sibling = (id: string, prompt: string, noteId?: string) => ({ ...basic(id, prompt), ...(noteId ? { noteId } : {}) });
    await applyImport(await planImport([deck([sibling('a', 'q1', 'n1'), sibling('b', 'q2', 'n1'), sibling('c', 'q3')])]), 'skip', NOW);
    expect((await db.states.orderBy('cardId').toArray()).map((s) => s.noteId)).toEqual(['n1', 'n1', 'c']);
    await applyImport(await planImport([deck([sibling('a', 'q1', 'n2'), sibling('c', 'q3', 'n2')])]), 'update', NOW + 1);
    expect((await db.states.bulkGet(['a', 'b', 'c'])).map((s) => s?.noteId)).toEqual(['n2', 'n1', 'n2']);
    expect((await db.cards.get('b'))?.noteId).toBe('n1');
    await applyImport(await planImport([deck([sibling('b', 'q2', 'n1')], 'copy-deck')]), 'new', NOW + 2);
    const copy = (await db.cards.where('deckId').equals('copy-deck').toArray())[0];
    expect(copy.id).not.toBe('b');
    expect([copy.noteId, (await db.states.get(copy.id))?.noteId]).toEqual(['n1', 'n1']);
  });

  test('duplicates by id and by content are found; update keeps progress, skip leaves them, new adds copies', async () => {
    await applyImport(await planImport([deck([basic('a', 'q1'), basic('b', 'q2')])]), 'skip', NOW);
    await db.states.update('a', { reps: 3, state: 2 });
    const again = [deck([basic('a', 'q1', 'better answer'), basic('other-id', 'Q2 '), basic('c', 'q3')])];
    const plan = await planImport(again);
    expect(plan.decks[0].cards.map((c) => c.match?.by ?? null)).toEqual(['id', 'content', null]);

    const skip = await applyImport(plan, 'skip', NOW + 1);
    expect(skip).toMatchObject({ added: 1, skipped: 2 });
    expect((await db.cards.get('a'))!.kind === 'basic' && (await db.cards.get('a'))).toMatchObject({ answer: 'a' });

    const update = await applyImport(await planImport(again), 'update', NOW + 2);
    expect(update).toMatchObject({ updated: 3 });
    expect(await db.cards.get('a')).toMatchObject({ answer: 'better answer', order: 0 });
    expect(await db.states.get('a')).toMatchObject({ reps: 3, state: 2 });
    expect(await db.cards.get('other-id')).toBeUndefined();
    expect(await db.cards.get('b')).toMatchObject({ prompt: 'Q2 ' });

    const copies = await applyImport(await planImport(again), 'new', NOW + 3);
    expect(copies).toMatchObject({ added: 3 });
    expect(await db.cards.count()).toBe(3 + 3);
    expect(await db.states.count()).toBe(6);
  });

  test('an import that fails part-way writes nothing', async () => {
    const plan = await planImport([deck([basic('a', 'q1'), basic('b', 'q2')])]);
    vi.spyOn(db.states, 'bulkAdd').mockRejectedValue(new Error('disk full'));
    await expect(applyImport(plan, 'skip', NOW)).rejects.toThrow('disk full');
    expect(await db.decks.count()).toBe(0);
    expect(await db.cards.count()).toBe(0);
  });
});

describe('keepChosen', () => {
  test('leaves out the dropped cards, writes an edit under its planned id, and recounts new, duplicate and lossy cards', async () => {
    await applyImport(await planImport([deck([basic('a', 'q1'), { id: 'b', kind: 'basic', tags: [], prompt: 'q2', answer: 'a', explanation: 'why' }])]), 'skip', NOW);
    const plan = await planImport([deck([basic('a', 'q1'), basic('b', 'q2'), basic('c', 'q3'), basic('d', 'q4')])]);
    expect(plan).toMatchObject({ newCards: 2, duplicates: 2, lossy: 1 });
    const kept = keepChosen(plan, new Set(['b', 'd']), new Map([['c', basic('c', 'q3, reworded', 'a better answer')]]));
    expect(kept).toMatchObject({ newCards: 1, duplicates: 1, lossy: 0 });
    expect(kept.decks[0].deck.cards.map((c) => c.id)).toEqual(['a', 'c']);
    expect(kept.decks[0].cards.map((p) => [p.card.id, p.match?.existingId ?? null])).toEqual([['a', 'a'], ['c', null]]);
    // The plan itself is untouched: choosing again starts from every planned card.
    expect(plan.decks[0].cards).toHaveLength(4);
    await applyImport(kept, 'update', NOW + 1);
    expect((await db.cards.orderBy('id').toArray()).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(await db.cards.get('c')).toMatchObject({ prompt: 'q3, reworded', answer: 'a better answer' });
  });
});

describe('updates that land in other decks', () => {
  test('an import whose cards all update existing ones creates no empty deck', async () => {
    await applyImport(await planImport([deck([basic('a', 'q1')], 'first')]), 'skip', NOW);
    const out = await applyImport(await planImport([deck([basic('a', 'q1 changed')], 'second')]), 'update', NOW);
    expect(out).toMatchObject({ updated: 1, deckIds: ['first'] });
    expect(await db.decks.get('second')).toBeUndefined();
  });
});
