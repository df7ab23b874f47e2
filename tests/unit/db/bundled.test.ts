import { beforeEach, describe, expect, it } from 'vitest';
import { db, type CardRecord } from '../../../src/lib/db/db';
import { mergeBundledDeck, retireBundledDeck } from '../../../src/lib/db/bundled';
import { answerCard } from '../../../src/lib/db/study';
import type { BasicCard, Deck } from '../../../src/lib/domain/model';
import { studyDeck } from '../../fixtures/study-deck';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime();
const LATER = NOW + 86_400_000;

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('mergeBundledDeck', () => {
  it('puts a new deck, its cards and a New state per card into the database', async () => {
    const report = await mergeBundledDeck(studyDeck(), NOW);
    expect(report).toMatchObject({ unchanged: false, added: 5, updated: 0, retired: 0 });
    expect(await db.decks.get('test-deck')).toMatchObject({ title: 'Test deck', origin: 'bundled' });
    expect(await db.cards.where('deckId').equals('test-deck').count()).toBe(5);
    expect((await db.states.toArray()).every((s) => s.state === 0 && s.inactive === 0)).toBe(true);
  });

  it('skips an unchanged bundle', async () => {
    await mergeBundledDeck(studyDeck(), NOW);
    expect((await mergeBundledDeck(studyDeck(), LATER)).unchanged).toBe(true);
    expect((await db.decks.get('test-deck'))!.updatedAt).toBe(NOW);
  });

  it('updates an edited card’s content and keeps its progress', async () => {
    await mergeBundledDeck(studyDeck(), NOW);
    const receipt = await answerCard({ cardId: 'test-deck-basic', rating: 3, now: NOW, durationMs: 1, source: 'study' });
    const v2 = studyDeck();
    v2.cards[0] = { ...v2.cards[0], answer: 'Running containers (add -a for all).' } as Deck['cards'][number];
    const report = await mergeBundledDeck(v2, LATER);
    expect(report).toMatchObject({ updated: 1, added: 0, retired: 0 });
    expect((await db.cards.get('test-deck-basic'))).toMatchObject({ answer: 'Running containers (add -a for all).' });
    expect(await db.states.get('test-deck-basic')).toEqual(receipt.next);
    expect(await db.reviews.count()).toBe(1);
  });

  it('adds new cards and retires removed ones without deleting their history', async () => {
    await mergeBundledDeck(studyDeck(), NOW);
    await answerCard({ cardId: 'test-deck-tf', rating: 3, now: NOW, durationMs: 1, source: 'study' });
    const v2 = studyDeck();
    v2.cards = v2.cards.filter((c) => c.id !== 'test-deck-tf');
    v2.cards.push({ id: 'test-deck-new', kind: 'basic', tags: [], prompt: 'New?', answer: 'Yes' });
    const report = await mergeBundledDeck(v2, LATER);
    expect(report).toMatchObject({ added: 1, retired: 1 });
    expect(await db.cards.get('test-deck-tf')).toMatchObject({ retired: 1 });
    expect(await db.states.get('test-deck-tf')).toMatchObject({ inactive: 1, reps: 1 });
    expect(await db.reviews.where('cardId').equals('test-deck-tf').count()).toBe(1);
    expect(await db.states.get('test-deck-new')).toMatchObject({ state: 0, inactive: 0 });

    // Back in a later version: active again, with its progress.
    const v3 = studyDeck();
    expect(await mergeBundledDeck(v3, LATER + 1)).toMatchObject({ restored: 1 });
    expect(await db.states.get('test-deck-tf')).toMatchObject({ inactive: 0, reps: 1 });
  });

  it('leaves cards the learner edited alone', async () => {
    await mergeBundledDeck(studyDeck(), NOW);
    const basic = (await db.cards.get('test-deck-basic')) as CardRecord & BasicCard;
    await db.cards.put({ ...basic, answer: 'My own wording', editedAt: NOW + 5 } as CardRecord);
    await db.cards.put({ ...basic, id: 'my-card', prompt: 'Mine', editedAt: NOW + 6 } as CardRecord);
    const v2 = studyDeck();
    v2.cards[0] = { ...v2.cards[0], answer: 'Bundle wording' } as Deck['cards'][number];
    const report = await mergeBundledDeck(v2, LATER);
    expect(report).toMatchObject({ keptLocalEdits: 1, updated: 0, retired: 0 });
    expect(await db.cards.get('test-deck-basic')).toMatchObject({ answer: 'My own wording' });
    expect(await db.cards.get('my-card')).toMatchObject({ retired: 0 });
  });

  it('gives each state its card’s note id, and a content update that regroups siblings moves the state too', async () => {
    const grouped = studyDeck();
    grouped.cards = grouped.cards.map((c, i) => ({ ...c, ...(i < 2 ? { noteId: 'note-layers' } : {}) }));
    await mergeBundledDeck(grouped, NOW);
    const noteIds = async () => (await db.states.orderBy('cardId').toArray()).map((s) => [s.cardId, s.noteId]);
    expect(await noteIds()).toEqual([
      ['test-deck-basic', 'note-layers'],
      ['test-deck-choice', 'test-deck-choice'],
      ['test-deck-cloze', 'note-layers'],
      ['test-deck-tf', 'test-deck-tf'],
      ['test-deck-typed', 'test-deck-typed'],
    ]);
    const receipt = await answerCard({ cardId: 'test-deck-cloze', rating: 3, now: NOW, durationMs: 1, source: 'study' });
    expect(receipt.next.noteId).toBe('note-layers');
    const v2 = structuredClone(grouped);
    v2.cards[1].noteId = 'note-config';
    v2.cards[2].noteId = 'note-layers';
    expect(await mergeBundledDeck(v2, LATER)).toMatchObject({ updated: 2 });
    expect(await db.states.get('test-deck-cloze')).toEqual({ ...receipt.next, noteId: 'note-config' });
    expect((await db.states.get('test-deck-choice'))?.noteId).toBe('note-layers');
    expect((await db.cards.get('test-deck-cloze'))?.noteId).toBe('note-config');
  });

  it('writes nothing when the merge fails part-way', async () => {
    const bad = studyDeck();
    (bad.cards as unknown[]).push({ id: undefined, kind: 'basic' });
    await expect(mergeBundledDeck(bad, NOW)).rejects.toThrow();
    expect(await db.decks.count()).toBe(0);
    expect(await db.cards.count()).toBe(0);
  });
});

describe('retireBundledDeck', () => {
  it('retires the cards of a deck the app stopped shipping, keeping progress, and a later merge brings them back', async () => {
    await mergeBundledDeck(studyDeck(), NOW);
    await answerCard({ cardId: 'test-deck-basic', rating: 3, now: NOW, durationMs: 1, source: 'study' });
    expect(await retireBundledDeck('test-deck', LATER)).toBe(5);
    expect((await db.states.toArray()).every((s) => s.inactive === 1)).toBe(true);
    expect(await db.reviews.count()).toBe(1);
    const report = await mergeBundledDeck(studyDeck(), LATER + 1);
    expect(report).toMatchObject({ unchanged: false, restored: 5 });
    expect(await db.states.get('test-deck-basic')).toMatchObject({ inactive: 0, reps: 1 });
  });
});
