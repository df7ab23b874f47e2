import { beforeEach, describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { db } from '../../../src/lib/db/db';
import { addCards, createDeck, editCard } from '../../../src/lib/db/editor';
import type { Card } from '../../../src/lib/domain/model';
import { DeckEditor } from '../../../src/views/editor/deck-editor.svelte';
import { cardOfDraft, emptyDraft } from '../../../src/views/editor/card-draft';

const NOW = Date.UTC(2026, 10, 1, 9);

/** The editor's cards as stored, in the editor's order. */
const cardsOf = async (ed: DeckEditor) => (await db.cards.bulkGet(ed.ids)).map((c) => c!);

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
    expect(ed.ids.map((id) => ed.row(id)?.kind)).toEqual(['cloze']);
  });

  test('a next card refused while the card before it is being written keeps its message when that write ends', async () => {
    // As the editor e2e goes: a cloze added, then at once a choice with no correct option submitted. The cloze's write
    // ending afterwards cleared the errors, so "Mark at least one option as correct." vanished as it appeared.
    const deckId = await createDeck('Docker', NOW);
    const ed = new DeckEditor(deckId);
    await ed.load();
    ed.startNew('cloze');
    ed.draft.text = 'Named {{c1::volumes}} outlive their containers.';
    const saving = ed.save(NOW);
    ed.draft.kind = 'choice';
    ed.draft.prompt = 'Which network driver spans hosts?';
    ed.draft.options = 'bridge\noverlay\nhost';
    expect(await ed.save(NOW + 1)).toBe(false);
    expect(ed.errors).toEqual({ correct: 'Mark at least one option as correct.' });
    expect(await saving).toBe(true);
    expect(ed.message).toBe('Card added.');
    expect(ed.errors).toEqual({ correct: 'Mark at least one option as correct.' });
    expect(ed.ids.map((id) => ed.row(id)?.kind)).toEqual(['cloze']);
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
    expect(ed.ids).toHaveLength(2);
    const id = ed.ids[0];
    await db.states.update(id, { reps: 2 });
    await ed.startEdit(id);
    ed.draft.answer = 'Documents the port the app listens on';
    await ed.save(NOW + 1);
    expect((await cardsOf(ed))[0]).toMatchObject({ id, answer: 'Documents the port the app listens on', editedAt: NOW + 1 });
    expect(ed.row(id)).toMatchObject({ edited: true, front: 'What does `EXPOSE` do?' });
    expect((await db.states.get(id))?.reps).toBe(2);
    ed.query = 'volume';
    expect(ed.visible.map((id) => ed.row(id)?.kind)).toEqual(['cloze']);
    ed.query = '';
    ed.tag = 'dockerfile';
    expect(ed.visible).toEqual([id]);
    ed.tag = '';
    await ed.setSuspended(id, true, NOW);
    ed.status = 'suspended';
    expect(ed.visible).toEqual([id]);
    ed.status = 'all';
    await ed.remove(id);
    expect(ed.ids).toHaveLength(1);
    expect(ed.tags).toEqual([]);
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
    const cards = await cardsOf(ed);
    expect(cards.map((c) => (c.kind === 'cloze' ? c.text : ''))).toEqual([
      '{{c1::EXPOSE}} documents a port; -p publishes it.',
      'EXPOSE documents a port; {{c1::-p::flag}} publishes it.',
    ]);
    expect(cards[0].noteId).toBeTruthy();
    expect(cards[1].noteId).toBe(cards[0].noteId);
    expect(cards.every((c) => c.tags.join(' ') === 'ports net')).toBe(true);
    expect(ed.tags).toEqual(['net', 'ports']);
    expect(await db.states.count()).toBe(2);

    // Two deletions with the same number stay one card, hidden together.
    ed.draft.text = 'A {{c1::volume}} and a {{c1::bind mount}}';
    await ed.save(NOW);
    expect(ed.ids).toHaveLength(3);
    expect(ed.message).toBe('Card added.');

    // Editing a card to add a second gap keeps its id and progress and adds the sibling to its note.
    const id = ed.ids[2];
    await db.states.update(id, { reps: 3 });
    await ed.startEdit(id);
    ed.draft.text = 'A {{c1::volume}} and a {{c2::bind mount}}';
    await ed.save(NOW + 1);
    expect(ed.editing).toBeNull();
    expect(ed.ids).toHaveLength(4);
    const after = await cardsOf(ed);
    expect(after[2]).toMatchObject({ id, text: 'A {{c1::volume}} and a bind mount' });
    expect(after[3]).toMatchObject({ text: 'A volume and a {{c1::bind mount}}', noteId: after[2].noteId });
    expect(ed.row(after[3].id)?.front).toBe('A volume and a […]');
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

  test('a deck bigger than a page opens on its first page, and search reaches every card once the rest is read', async () => {
    const deckId = await createDeck('Big', NOW);
    const cards: Card[] = Array.from({ length: 95 }, (_, i) => ({ id: `c${i}`, kind: 'basic', tags: [`t${i % 3}`], prompt: `Question ${i}`, answer: `Answer ${i}` }));
    await addCards(deckId, cards, NOW);
    // Cards added on two devices at once can share an order, here across the boundary of the first 10-card page;
    // a card retired by a deck update stays in the database but not in the editor.
    await db.cards.bulkUpdate(['c8', 'c9', 'c10', 'c11', 'c12'].map((key) => ({ key, changes: { order: 8 } })));
    await db.cards.update('c60', { retired: 1 });
    // Ids are read 30 a page: the deck is sized in four pages, one of them ending inside the run of equal orders.
    const ed = new DeckEditor(deckId, { first: 10, page: 20, idPage: 30 });
    await ed.load();
    // The first page is read; the rest of the deck after the first paint.
    expect(ed.ids).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c10', 'c11']);
    expect(ed.counted).toBe(false);
    expect(ed.indexing).toBe(true);
    expect(ed.row('c0')).toMatchObject({ kind: 'basic', front: 'Question 0', tags: ['t0'] });
    expect(ed.row('c50')).toBeUndefined();
    // A row scrolled to before the index reaches it is read by id.
    await ed.ensureRows(['c50']);
    expect(ed.row('c50')).toMatchObject({ front: 'Question 50' });
    ed.query = 'question 7';
    // While the index is built, search looks in the cards read so far.
    expect(ed.visible).toEqual(['c7']);

    // A card edited while the index is built keeps the edit.
    await editCard('c77', { id: 'c77', kind: 'basic', tags: ['t2'], prompt: 'Question 77, reworded', answer: 'Answer 77' }, NOW + 1);
    const build = ed.indexBuilt();
    await ed.startEdit('c77');
    ed.draft.answer = 'A new answer 77';
    await ed.save(NOW + 2);
    // A card added while the deck is being read comes last, once.
    ed.startNew('basic');
    Object.assign(ed.draft, { prompt: 'Added while reading', answer: 'Yes', tags: 'new' });
    await ed.save(NOW + 3);
    await build;
    expect(ed.indexing).toBe(false);
    expect(ed.counted).toBe(true);
    expect(ed.ids).toHaveLength(95);
    expect(ed.ids).not.toContain('c60');
    expect(new Set(ed.ids).size).toBe(95);
    expect(ed.row(ed.ids[94])).toMatchObject({ front: 'Added while reading', tags: ['new'] });
    expect(ed.visible).toEqual(['c7', 'c70', 'c71', 'c72', 'c73', 'c74', 'c75', 'c76', 'c77', 'c78', 'c79']);
    expect(ed.row('c77')).toMatchObject({ front: 'Question 77, reworded', edited: true });
    ed.query = 'new answer';
    expect(ed.visible).toEqual(['c77']);
    ed.query = '';
    expect(ed.tags).toEqual(['new', 't0', 't1', 't2']);
    ed.tag = 't1';
    expect(ed.visible).toHaveLength(32);

    // An editor closed while it reads the deck stops reading.
    const closed = new DeckEditor(deckId, { first: 10, page: 20 });
    await closed.load();
    closed.stop();
    await closed.indexBuilt();
    expect(closed.ids).toHaveLength(10);
    expect(closed.row('c50')).toBeUndefined();

    // Deleting and suspending from the middle of the deck.
    await ed.remove('c31');
    expect(ed.visible).toHaveLength(31);
    ed.tag = '';
    await ed.setSuspended('c40', true, NOW);
    ed.status = 'suspended';
    expect(ed.visible).toEqual(['c40']);
  });

  test('a deck too big to search at once goes through the sliced search: the latest query wins, with the filters, as in one go', async () => {
    const deckId = await createDeck('Sliced', NOW);
    const cards: Card[] = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, kind: 'basic', tags: [i % 2 ? 'odd' : 'even'], prompt: `Port ${i}`, answer: `Answer ${i}` }));
    await addCards(deckId, cards, NOW);
    // Searched in one go up to 10 cards: these 40 go through the sliced search.
    const ed = new DeckEditor(deckId, { atOnce: 10 });
    await ed.load();
    ed.query = 'port 3';
    flushSync();
    // Two keystrokes before the first answers: only the second one's result is ever shown.
    ed.query = 'port 1';
    flushSync();
    expect(ed.searching).toBe(true);
    await Promise.resolve();
    // The overtaken search for 'port 3' answered in the meantime and was dropped: the whole deck shows until 'port 1' answers.
    expect(ed.visible).toHaveLength(40);
    await ed.searched();
    expect(ed.searching).toBe(false);
    expect(ed.visible).toEqual(['s1', 's10', 's11', 's12', 's13', 's14', 's15', 's16', 's17', 's18', 's19']);
    // The filters combine with the query, as in one go.
    ed.tag = 'odd';
    flushSync();
    await ed.searched();
    expect(ed.visible).toEqual(['s1', 's11', 's13', 's15', 's17', 's19']);
    ed.query = '';
    ed.tag = '';
    flushSync();
    expect(ed.searching).toBe(false);
    expect(ed.visible).toHaveLength(40);
    // A new search after the filters were cleared shows the whole deck, not an older result, until it answers.
    ed.query = 'answer 2';
    flushSync();
    expect(ed.visible).toHaveLength(40);
    await ed.searched();
    expect(ed.visible).toEqual(['s2', 's20', 's21', 's22', 's23', 's24', 's25', 's26', 's27', 's28', 's29']);
    ed.stop();
  });
});
