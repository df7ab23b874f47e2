import { beforeEach, describe, expect, test } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { ImportFlow } from '../../../src/views/import/import-flow.svelte';
import { CardChoice, editedCard } from '../../../src/views/import/card-choice.svelte';
import { parseNotes } from '../../../src/lib/io/notes';
import type { LintFinding } from '../../../src/lib/domain/deck-lint';
import type { Card, Deck } from '../../../src/lib/domain/model';

const NOW = Date.UTC(2026, 11, 3, 9);
const file = (name: string, content: string) => {
  const bytes = new TextEncoder().encode(content);
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
};

const LONG_QUESTION =
  'When a container started with a named volume is removed with docker rm, and later a new container is started with the same volume name, and the application inside writes to the same path as before, what data does the new container see there?';
const NOTES = `# Docker basics

Q: What does \`docker ps -a\` show that \`docker ps\` alone does not?
A: Stopped containers as well as running ones.

Q: Which flag of \`docker run\` removes the container when it exits?
A: \`--rm\`

Q: What does \`docker logs -f\` do?
A: Follows the container's output as it is written.

Q: ${LONG_QUESTION}
A: The data the first container wrote: named volumes outlive the containers that use them.
`;

const basic = (id: string, prompt: string, answer = 'An answer long enough'): Card => ({ id, kind: 'basic', tags: [], prompt, answer });
const deckOf = (cards: Card[]): Deck => ({ formatVersion: 1, id: 'deck', title: 'Deck', description: '', tags: [], source: 'notes', cards });
const finding = (cardId: string, rule: LintFinding['rule'], reason = 'Something.'): LintFinding => ({ deckId: 'deck', cardId, rule, reason });

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('CardChoice', () => {
  test('lists every card worst-scored first, flagged ones unchecked, reasons in plain words without card ids', () => {
    const cards = [basic('a', 'Clean one?'), basic('b', 'Long one?'), basic('c', 'Giveaway and repeat?'), basic('d', 'Labels?'), basic('e', 'Clean two?')];
    const choice = new CardChoice([deckOf(cards)], [
      finding('b', 'long-prompt', 'The prompt has 240 characters (more than 200).'),
      finding('c', 'giveaway', 'The prompt contains the correct option.'),
      finding('c', 'repeat', 'Asks what card a (another note) asks: “Clean one?”.'),
      finding('d', 'label-answer', 'The answer is only short labels, with no reason given.'),
    ]);
    expect(choice.rows.map((r) => r.id)).toEqual(['c', 'd', 'b', 'a', 'e']);
    expect(choice.rows.map((r) => choice.isKept(r.id))).toEqual([false, false, false, true, true]);
    expect(choice.flagged).toBe(3);
    expect(choice.keptCount).toBe(2);
    expect(choice.rows[0].reasons.map((r) => r.text)).toEqual(['Gives the answer away: the question contains the correct option.', 'Asks what another card asks: “Clean one?”.']);
    expect(choice.rows[2].reasons[0].text).toBe('Long question: the question has 240 characters (more than 200).');
  });

  test('deck-wide findings are shown for the deck and uncheck no card', () => {
    const choice = new CardChoice([deckOf([basic('a', 'One?')])], [{ deckId: 'deck', cardId: 'deck', rule: 'truefalse-balance', reason: '0% of 5 true/false cards are true (40–60% wanted).' }]);
    expect(choice.deckNotes).toEqual(['Deck: 0% of 5 true/false cards are true (40–60% wanted).']);
    expect(choice.isKept('a')).toBe(true);
    expect(choice.flagged).toBe(0);
  });

  test('Keep all ticks every card; Drop flagged unticks the flagged ones again', () => {
    const choice = new CardChoice([deckOf([basic('a', 'One?'), basic('b', 'Two?')])], [finding('b', 'fragment', 'The prompt ends in a dangling “…”.')]);
    choice.keepAll();
    expect(choice.keptCount).toBe(2);
    choice.setKept('a', false);
    choice.dropFlagged();
    expect([choice.isKept('a'), choice.isKept('b')]).toEqual([false, false]);
  });

  test('an edit with an empty text is refused with a message; a saved edit keeps the id, ticks the card and checks it again', () => {
    const long = basic('b', `${'Why '.repeat(60)}?`);
    const choice = new CardChoice([deckOf([basic('a', 'One?'), long])], [finding('b', 'long-prompt', 'The prompt has 241 characters (more than 200).')]);
    choice.startEdit('b');
    expect(choice.front).toBe(long.kind === 'basic' ? long.prompt : '');
    choice.back = '  ';
    expect(choice.saveEdit()).toBe(false);
    expect(choice.editError).toBe('Write the answer; it cannot be empty.');
    expect(choice.edits.size).toBe(0);
    choice.front = 'Why do named volumes outlive containers?';
    choice.back = 'Docker manages them apart from any container.';
    expect(choice.saveEdit()).toBe(true);
    expect(choice.editing).toBeNull();
    expect(choice.isKept('b')).toBe(true);
    expect(choice.cardOf(choice.rows[0])).toEqual({ ...long, prompt: 'Why do named volumes outlive containers?', answer: 'Docker manages them apart from any container.' });
    // The long question is gone, and with it the reason; the row stays where it was.
    expect(choice.reasonsOf(choice.rows[0])).toEqual([]);
    expect(choice.rows[0].id).toBe('b');
  });

  test('each kind edits its own two texts, and what each needs is checked', () => {
    const typed: Card = { id: 't', kind: 'typed', tags: [], prompt: 'List running containers?', answers: ['docker ps'] };
    expect(editedCard(typed, 'List all containers?', 'docker ps -a\n\ndocker container ls -a\n')).toEqual({ card: { ...typed, prompt: 'List all containers?', answers: ['docker ps -a', 'docker container ls -a'] }, error: null });
    expect(editedCard(typed, 'List?', ' \n ').error).toBe('Write at least one accepted answer.');
    const cloze: Card = { id: 'c', kind: 'cloze', tags: [], text: '{{c1::EXPOSE}} documents a port', explanation: 'old' };
    expect(editedCard(cloze, 'EXPOSE documents a port', '').error).toBe('Wrap the hidden words like {{c1::this}}.');
    expect(editedCard(cloze, '{{c1::-p}} publishes a port', '').card).toEqual({ id: 'c', kind: 'cloze', tags: [], text: '{{c1::-p}} publishes a port' });
    const tf: Card = { id: 'f', kind: 'truefalse', tags: [], statement: 'Volumes vanish with the container.', isTrue: false, explanation: '' };
    expect(editedCard(tf, '', 'x').error).toBe('Write the statement; it cannot be empty.');
    expect(editedCard(tf, 'Named volumes vanish with the container.', 'They outlive it.').card).toEqual({ ...tf, statement: 'Named volumes vanish with the container.', explanation: 'They outlive it.' });
  });
});

describe('ImportFlow with notes', () => {
  test('the preview holds the generator’s cards and ids; Import writes exactly the kept cards, as edited', async () => {
    const generated = await parseNotes(NOTES, 'basics.md');
    if (!generated.ok) throw new Error(generated.error.message);
    const cards = generated.value.decks.flatMap((d) => d.cards);
    const flow = new ImportFlow();
    await flow.openFile(file('basics.md', NOTES));
    const choice = flow.cards!;
    expect(choice.rows.map((r) => r.id).sort()).toEqual(cards.map((c) => c.id).sort());
    // The over-long question is the one flagged card: first, and unchecked.
    const top = choice.rows[0];
    expect(top.card.kind === 'basic' && top.card.prompt).toBe(LONG_QUESTION);
    expect(choice.isKept(top.id)).toBe(false);
    expect(flow.totalCards).toBe(cards.length - 1);

    const flag = choice.rows.find((r) => r.card.kind === 'basic' && r.card.prompt.startsWith('Which flag'))!;
    const logs = choice.rows.find((r) => r.card.kind === 'basic' && r.card.prompt.startsWith('What does `docker logs'))!;
    choice.startEdit(flag.id);
    choice.back = '`--rm`, so nothing is left behind';
    // Import waits while a card is being edited.
    await flow.confirm(NOW);
    expect(flow.phase).toBe('preview');
    expect(choice.saveEdit()).toBe(true);
    choice.setKept(logs.id, false);
    expect(flow.decks[0].cards).toBe(cards.length - 2);
    expect(await db.cards.count()).toBe(0);

    await flow.confirm(NOW);
    expect(flow.outcome).toMatchObject({ added: cards.length - 2 });
    const stored = await db.cards.toArray();
    expect(stored.map((c) => c.id).sort()).toEqual(cards.filter((c) => c.id !== top.id && c.id !== logs.id).map((c) => c.id).sort());
    expect(stored.find((c) => c.id === flag.id)).toMatchObject({ prompt: 'Which flag of `docker run` removes the container when it exits?', answer: '`--rm`, so nothing is left behind' });
    expect(await db.states.count()).toBe(stored.length);
  });

  test('dropping a card that is already in the collection takes it out of the duplicates; nothing ticked imports nothing', async () => {
    const flow = new ImportFlow();
    await flow.openFile(file('basics.md', NOTES));
    await flow.confirm(NOW);
    await flow.openFile(file('basics.md', NOTES));
    const choice = flow.cards!;
    choice.keepAll();
    // The flagged card was left out the first time: it is the one new card.
    expect([flow.duplicates, flow.newCards]).toEqual([choice.rows.length - 1, 1]);
    choice.setKept(choice.rows[1].id, false);
    expect([flow.duplicates, flow.newCards]).toEqual([choice.rows.length - 2, 1]);
    choice.setKept(choice.rows[0].id, false);
    expect([flow.duplicates, flow.newCards, flow.totalCards]).toEqual([choice.rows.length - 2, 0, choice.rows.length - 2]);
    for (const row of choice.rows) choice.setKept(row.id, false);
    expect(flow.totalCards).toBe(0);
    const before = await db.cards.toArray();
    await flow.confirm(NOW + 1);
    expect(flow.phase).toBe('preview');
    expect(await db.cards.toArray()).toEqual(before);
  });

  test('other formats keep the first-cards preview and import every card', async () => {
    const flow = new ImportFlow();
    await flow.openFile(file('w.csv', 'front,back\nq1,a1\nq2,a2\n'));
    expect(flow.cards).toBeNull();
    expect(flow.totalCards).toBe(2);
  });
});
