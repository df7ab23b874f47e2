import { beforeEach, describe, expect, test } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { addCard, createDeck, decksForExport, deleteCard, deleteDeck, editCard, listDecks, renameDeck, setSuspended } from '../../../src/lib/db/editor';

const NOW = Date.UTC(2026, 10, 1, 9);

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('deck editor writes', () => {
  test('create, rename and delete a deck (with its cards, states and history)', async () => {
    const id = await createDeck('  Compose drills ', NOW);
    expect(await createDeck('Compose drills', NOW)).toBe(`${id}-2`);
    await renameDeck(id, { title: 'Compose', description: 'For week 3' }, NOW + 1);
    expect(await db.decks.get(id)).toMatchObject({ title: 'Compose', description: 'For week 3', origin: 'user', updatedAt: NOW + 1 });
    const cardId = await addCard(id, { id: '', kind: 'basic', tags: [], prompt: 'p', answer: 'a' }, NOW);
    await db.reviews.add({ cardId, deckId: id, rating: 3, state: 0, due: NOW, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review: NOW, durationMs: 1000, source: 'study' });
    await deleteDeck(id);
    expect([await db.decks.get(id), await db.cards.count(), await db.states.count(), await db.reviews.count()]).toEqual([undefined, 0, 0, 0]);
    expect((await listDecks()).map((d) => d.deck.title)).toEqual(['Compose drills']);
  });

  test('cards of every kind are added with a state row; editing keeps id and progress and sets editedAt', async () => {
    const deckId = await createDeck('Kinds', NOW);
    const ids = [];
    for (const card of [
      { id: '', kind: 'basic' as const, tags: [], prompt: 'p', answer: 'a' },
      { id: '', kind: 'cloze' as const, tags: [], text: 'A {{c1::layer}}' },
      { id: '', kind: 'choice' as const, tags: [], prompt: 'p', options: ['a', 'b', 'c'], correct: [2], explanation: '' },
      { id: '', kind: 'typed' as const, tags: [], prompt: 'p', answers: ['x'] },
      { id: '', kind: 'truefalse' as const, tags: [], statement: 's', isTrue: true, explanation: '' },
    ]) ids.push(await addCard(deckId, card, NOW));
    expect(new Set(ids).size).toBe(5);
    expect((await db.states.bulkGet(ids)).every((s) => s?.state === 0 && s.deckId === deckId)).toBe(true);
    await db.states.update(ids[0], { reps: 4, stability: 12 });
    await editCard(ids[0], { id: 'ignored', kind: 'basic', tags: ['t'], prompt: 'new p', answer: 'new a' }, NOW + 5);
    expect(await db.cards.get(ids[0])).toMatchObject({ id: ids[0], prompt: 'new p', editedAt: NOW + 5, order: 0, createdAt: NOW });
    expect(await db.states.get(ids[0])).toMatchObject({ reps: 4, stability: 12 });
    expect((await decksForExport([deckId]))[0].cards.map((c) => c.kind)).toEqual(['basic', 'cloze', 'choice', 'typed', 'truefalse']);
    await deleteCard(ids[1]);
    expect([await db.cards.get(ids[1]), await db.states.get(ids[1])]).toEqual([undefined, undefined]);
  });

  test('an edit keeps the card’s note id, so its siblings still wait for it', async () => {
    const deckId = await createDeck('Siblings', NOW);
    const id = await addCard(deckId, { id: '', kind: 'basic', tags: [], prompt: 'p', answer: 'a', noteId: 'note-1' }, NOW);
    const alone = await addCard(deckId, { id: '', kind: 'basic', tags: [], prompt: 'q', answer: 'b' }, NOW);
    expect([(await db.states.get(id))?.noteId, (await db.states.get(alone))?.noteId]).toEqual(['note-1', alone]);
    await editCard(id, { id, kind: 'basic', tags: [], prompt: 'p, reworded', answer: 'a' }, NOW + 1);
    expect(await db.cards.get(id)).toMatchObject({ prompt: 'p, reworded', noteId: 'note-1' });
    expect((await db.states.get(id))?.noteId).toBe('note-1');
  });

  test('suspend sets the card flag and the state inactive; unsuspend clears both', async () => {
    const deckId = await createDeck('S', NOW);
    const id = await addCard(deckId, { id: '', kind: 'basic', tags: [], prompt: 'p', answer: 'a' }, NOW);
    await setSuspended([id], true, NOW);
    expect([(await db.cards.get(id))!.suspended, (await db.states.get(id))!.inactive]).toEqual([1, 1]);
    expect((await listDecks())[0]).toMatchObject({ cards: 1, suspended: 1 });
    await setSuspended([id], false, NOW);
    expect([(await db.cards.get(id))!.suspended, (await db.states.get(id))!.inactive]).toEqual([0, 0]);
  });
});
