// "Update them" never silently turns a card into another kind or drops its fields: the plan lists such cards and the
// update keeps the richer card unless the learner confirms.
import { beforeEach, describe, expect, test } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { applyImport, planImport, updateLoss } from '../../../src/lib/db/imports';
import { FORMAT_VERSION, type Card, type Deck } from '../../../src/lib/domain/model';

const NOW = Date.UTC(2026, 10, 1, 9);
const deck = (cards: Card[]): Deck => ({ formatVersion: FORMAT_VERSION, id: 'class-deck', title: 'Class deck', description: '', tags: [], source: 'class.apkg', cards });
const choice: Card = { id: 'c1', kind: 'choice', tags: [], prompt: 'Which flag detaches?', options: ['-d', '-it', '--rm'], correct: [0], explanation: 'Runs in the background.' };
const asBasic: Card = { id: 'c1', kind: 'basic', tags: [], prompt: 'Which flag detaches?', answer: '-d' };
const explained: Card = { id: 'b1', kind: 'basic', tags: [], prompt: 'EXPOSE?', answer: 'Documents a port', explanation: 'It does not publish it.' };
const bare: Card = { id: 'b1', kind: 'basic', tags: [], prompt: 'EXPOSE?', answer: 'Documents a port, nothing more' };

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('updateLoss', () => {
  test('names a kind change and the fields the file lacks', () => {
    expect(updateLoss(choice, asBasic)).toEqual({ from: 'choice', to: 'basic', fields: ['explanation', 'options', 'correct'] });
    expect(updateLoss(explained, bare)).toEqual({ from: 'basic', to: 'basic', fields: ['explanation'] });
    expect(updateLoss(bare, explained)).toBeNull();
  });
});

describe('applyImport with richer cards in the collection', () => {
  test('the plan lists them, and "update" keeps them unless replaceRicher is set', async () => {
    await applyImport(await planImport([deck([choice, explained])]), 'skip', NOW);
    const plan = await planImport([deck([asBasic, bare])]);
    expect(plan.lossy).toBe(2);
    expect(plan.decks[0].cards.map((c) => c.loses?.to)).toEqual(['basic', 'basic']);

    expect(await applyImport(plan, 'update', NOW + 1)).toMatchObject({ updated: 0, skipped: 2 });
    expect(await db.cards.get('c1')).toMatchObject({ kind: 'choice', options: ['-d', '-it', '--rm'] });
    expect(await db.cards.get('b1')).toMatchObject({ explanation: 'It does not publish it.' });

    expect(await applyImport(await planImport([deck([asBasic, bare])]), 'update', NOW + 2, 'imported', true)).toMatchObject({ updated: 2 });
    expect(await db.cards.get('c1')).toMatchObject({ kind: 'basic', answer: '-d' });
    expect(await db.cards.get('c1')).not.toHaveProperty('options');
  });

  test('an update that keeps the kind and every field goes ahead as before', async () => {
    await applyImport(await planImport([deck([bare])]), 'skip', NOW);
    const plan = await planImport([deck([explained])]);
    expect(plan.lossy).toBe(0);
    expect(await applyImport(plan, 'update', NOW + 1)).toMatchObject({ updated: 1 });
    expect(await db.cards.get('b1')).toMatchObject({ explanation: 'It does not publish it.' });
  });
});
