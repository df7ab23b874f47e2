import { beforeEach, describe, expect, test } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { createDeck } from '../../../src/lib/db/editor';
import { DeckEditor } from '../../../src/views/editor/deck-editor.svelte';
import { cardOfDraft, emptyDraft } from '../../../src/views/editor/card-draft';

const NOW = Date.UTC(2026, 10, 1, 9);

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('card drafts', () => {
  test('each kind validates its fields', () => {
    expect(cardOfDraft(emptyDraft('basic'), 'x').errors).toEqual({ prompt: 'Write the question.', answer: 'Write the answer.' });
    expect(cardOfDraft({ ...emptyDraft('cloze'), text: 'no gaps' }, 'x').errors).toEqual({ text: 'Wrap the hidden words like {{c1::this}}.' });
    expect(cardOfDraft({ ...emptyDraft('choice'), prompt: 'p', options: 'a\nb' }, 'x').errors).toMatchObject({ options: expect.any(String), correct: expect.any(String) });
    expect(cardOfDraft({ ...emptyDraft('choice'), prompt: 'p', options: 'a\nb\n c ', correct: [2], tags: 'net, dns' }, 'x').card).toEqual({ id: 'x', kind: 'choice', tags: ['net', 'dns'], prompt: 'p', options: ['a', 'b', 'c'], correct: [2], explanation: '' });
    expect(cardOfDraft({ ...emptyDraft('typed'), prompt: 'p', answers: '-p\n--publish' }, 'x').card).toMatchObject({ answers: ['-p', '--publish'] });
    expect(cardOfDraft({ ...emptyDraft('truefalse'), statement: 's', isTrue: false }, 'x').card).toMatchObject({ isTrue: false });
  });
});

describe('DeckEditor', () => {
  test('what is typed while a card is being added goes into the next card, never wiped when the write ends', async () => {
    const deckId = await createDeck('Docker', NOW);
    const ed = new DeckEditor(deckId);
    await ed.load();
    ed.startNew('cloze');
    ed.draft.text = 'Named {{c1::volumes}} outlive their containers.';
    ed.draft.tags = 'storage';
    const saving = ed.save(NOW);
    // The instructor moves on at once: another kind, a question, options.
    expect(ed.draft).toMatchObject({ kind: 'cloze', text: '', tags: 'storage' });
    ed.draft.kind = 'choice';
    ed.draft.prompt = 'Which network driver spans hosts?';
    ed.draft.options = 'bridge\noverlay\nhost';
    expect(await saving).toBe(true);
    expect(ed.message).toBe('Card added.');
    expect(ed.draft).toMatchObject({ kind: 'choice', prompt: 'Which network driver spans hosts?', options: 'bridge\noverlay\nhost', tags: 'storage' });
    expect(ed.cards.map((c) => c.kind)).toEqual(['cloze']);
  });

  test('add, preview, edit (id and progress kept), search, filter, suspend, delete', async () => {
    const deckId = await createDeck('Docker', NOW);
    const ed = new DeckEditor(deckId);
    await ed.load();
    ed.startNew('basic');
    expect(ed.preview).toBeNull();
    ed.draft.prompt = 'What does `EXPOSE` do?';
    ed.draft.answer = 'Documents a port';
    ed.draft.tags = 'dockerfile';
    expect(ed.preview).toMatchObject({ kind: 'basic', prompt: 'What does `EXPOSE` do?' });
    expect(await ed.save(NOW)).toBe(true);
    ed.startNew('cloze');
    ed.draft.text = 'A {{c1::volume}} outlives containers';
    await ed.save(NOW);
    expect(ed.cards).toHaveLength(2);
    const id = ed.cards[0].id;
    await db.states.update(id, { reps: 2 });
    ed.startEdit(id);
    ed.draft.answer = 'Documents the port the app listens on';
    await ed.save(NOW + 1);
    expect(ed.cards[0]).toMatchObject({ id, answer: 'Documents the port the app listens on', editedAt: NOW + 1 });
    expect((await db.states.get(id))?.reps).toBe(2);
    ed.query = 'volume';
    expect(ed.visible.map((c) => c.kind)).toEqual(['cloze']);
    ed.query = '';
    ed.tag = 'dockerfile';
    expect(ed.visible.map((c) => c.id)).toEqual([id]);
    ed.tag = '';
    await ed.setSuspended(id, true, NOW);
    ed.status = 'suspended';
    expect(ed.visible.map((c) => c.id)).toEqual([id]);
    ed.status = 'all';
    await ed.remove(id);
    expect(ed.cards).toHaveLength(1);
  });

  test('adding keeps the form open with the kind and tags kept; a cloze with c1 and c2 gives two cards sharing a note', async () => {
    const ed = new DeckEditor(await createDeck('Compose', NOW));
    await ed.load();
    ed.startNew('cloze');
    ed.draft.text = '{{c1::EXPOSE}} documents a port; {{c2::-p::flag}} publishes it.';
    ed.draft.tags = 'ports net';
    expect(await ed.save(NOW)).toBe(true);
    expect(ed.message).toBe('Cards added, one per gap (2 cards).');
    expect(ed.editing).toBe('');
    expect(ed.draft).toMatchObject({ kind: 'cloze', text: '', tags: 'ports net' });
    expect(ed.cards.map((c) => (c.kind === 'cloze' ? c.text : ''))).toEqual([
      '{{c1::EXPOSE}} documents a port; -p publishes it.',
      'EXPOSE documents a port; {{c1::-p::flag}} publishes it.',
    ]);
    expect(ed.cards[0].noteId).toBeTruthy();
    expect(ed.cards[1].noteId).toBe(ed.cards[0].noteId);
    expect(ed.cards.every((c) => c.tags.join(' ') === 'ports net')).toBe(true);
    expect(await db.states.count()).toBe(2);

    // Two deletions with the same number stay one card, hidden together.
    ed.draft.text = 'A {{c1::volume}} and a {{c1::bind mount}}';
    await ed.save(NOW);
    expect(ed.cards).toHaveLength(3);
    expect(ed.message).toBe('Card added.');

    // Editing a card to add a second gap keeps its id and progress and adds the sibling to its note.
    const id = ed.cards[2].id;
    await db.states.update(id, { reps: 3 });
    ed.startEdit(id);
    ed.draft.text = 'A {{c1::volume}} and a {{c2::bind mount}}';
    await ed.save(NOW + 1);
    expect(ed.editing).toBeNull();
    expect(ed.cards).toHaveLength(4);
    expect(ed.cards[2]).toMatchObject({ id, text: 'A {{c1::volume}} and a bind mount' });
    expect(ed.cards[3]).toMatchObject({ text: 'A volume and a {{c1::bind mount}}', noteId: ed.cards[2].noteId });
    expect((await db.states.get(id))?.reps).toBe(3);
  });

  test('an invalid card is not saved and says why', async () => {
    const ed = new DeckEditor(await createDeck('D', NOW));
    await ed.load();
    ed.startNew('typed');
    ed.draft.prompt = 'p';
    expect(await ed.save(NOW)).toBe(false);
    expect(ed.errors.answers).toMatch(/at least one accepted answer/);
    expect(await db.cards.count()).toBe(0);
  });

  test('a deck that no longer exists is reported', async () => {
    const ed = new DeckEditor('gone');
    await ed.load();
    expect(ed.missing).toBe(true);
  });
});
