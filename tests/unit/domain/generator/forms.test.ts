// The general rules that decide which forms of a fact a deck keeps, each shown on small notes of our own.
import { describe, expect, it } from 'vitest';
import { generateDecks } from '../../../../src/lib/domain/generator';
import { blanksExample, chooseForms } from '../../../../src/lib/domain/generator/forms';
import { maskTerm } from '../../../../src/lib/domain/generator/rules/items';
import { lintDecks } from '../../../../src/lib/domain/deck-lint';
import { cardFront, type Card, type ChoiceCard, type TrueFalseCard } from '../../../../src/lib/domain/model';

const LIFECYCLE = `# Processes

## Process states
1️⃣ Spawn
✔ Process is created but not scheduled.
🔗 proc spawn job-name

2️⃣ Halt
✔ Gracefully halts the process (SIGTERM).
🔗 proc halt job-id

3️⃣ Kill
✔ Force halt (SIGKILL).
🔗 proc kill job-id

4️⃣ Reap
✔ Deletes the process entry.
🔗 proc reap job-id
`;

const cardsOf = (text: string) => generateDecks(text, { source: 'notes.md' }).decks.flatMap((d) => d.cards);

describe('sibling grouping', () => {
  const cards = cardsOf(LIFECYCLE);
  const about = (word: RegExp) => cards.filter((c) => word.test(JSON.stringify(c)));

  it('puts a list item and the one command under it into one note', () => {
    const halt = about(/proc halt|Halt/).filter((c) => !/SIGKILL/.test(JSON.stringify(c)) || c.kind === 'truefalse');
    const typed = halt.find((c) => c.kind === 'typed');
    const basic = halt.find((c) => c.kind === 'basic' && /proc halt/.test(cardFront(c)));
    expect(typed?.noteId).toBeDefined();
    expect(basic?.noteId).toBe(typed?.noteId);
  });

  it('keeps different items in different notes', () => {
    const notes = new Set(cards.filter((c) => c.kind === 'typed').map((c) => c.noteId));
    expect(notes.size).toBe(4);
  });
});

describe('fewer forms per fact', () => {
  const cards = cardsOf(LIFECYCLE);
  const byNote = new Map<string | undefined, Card[]>();
  for (const c of cards) byNote.set(c.noteId, [...(byNote.get(c.noteId) ?? []), c]);

  it('asks for a command by typing it, and not again as a choice among the same commands', () => {
    expect(cards.filter((c) => c.kind === 'typed')).toHaveLength(4);
    expect(cards.filter((c) => c.kind === 'choice')).toEqual([]);
  });

  it('keeps one "what does it do" card per step, not one for the step and another for its command', () => {
    for (const [, group] of byNote) expect(group.filter((c) => c.kind === 'basic').length).toBeLessThanOrEqual(1);
  });

  it('keeps at most one recognition form (choice or true/false) per fact', () => {
    for (const [, group] of byNote) expect(group.filter((c) => c.kind === 'choice' || c.kind === 'truefalse').length).toBeLessThanOrEqual(1);
  });

  it('makes no true/false card whose description shares a stem with a name it contrasts (“halts” → Halt), and still asks the fact', () => {
    // “Gracefully halts the process” describes “Halt”, not “Kill”: the shared stem answers it, so the statement goes.
    const statements = cards.filter((c): c is TrueFalseCard => c.kind === 'truefalse' && /“Halt”|“Kill”/.test(c.statement));
    expect(statements.filter((c) => /“[^”]*halt[^”]*” describes/i.test(c.statement)).map((c) => c.statement)).toEqual([]);
    expect(cards.some((c) => c.kind === 'basic' && /Halt|proc halt/.test(cardFront(c)) && /SIGTERM/.test(JSON.stringify(c)))).toBe(true);
  });

  it('drops a cloze that hides an example value, keeps one that hides the idea', () => {
    const cloze = (text: string): Card => ({ id: text, kind: 'cloze', tags: [], text });
    expect(blanksExample(cloze('Create a network, e.g. {{c1::frontend-net}}.'))).toBe(true);
    expect(blanksExample(cloze('Publish the port with -p {{c1::8080}}:80.'))).toBe(true);
    expect(blanksExample(cloze('cgroups → {{c1::resource limits}}'))).toBe(false);
  });
});

function tf(id: string, noteId: string, isTrue: boolean): TrueFalseCard {
  return { id, noteId, kind: 'truefalse', tags: [], statement: `Statement ${id} about ${noteId}.`, isTrue, explanation: 'Because.' };
}
function choice(id: string, noteId: string): ChoiceCard {
  return { id, noteId, kind: 'choice', tags: [], prompt: `Which one fits ${id}?`, options: ['Alpha', 'Beta', 'Gamma', 'Delta'], correct: [0], explanation: 'Alpha.' };
}
function basic(id: string, noteId: string): Card {
  return { id, noteId, kind: 'basic', tags: [], prompt: `What is ${noteId}?`, answer: `The answer for ${noteId}` };
}

describe('true/false balance', () => {
  const share = (cards: Card[]) => {
    const s = cards.filter((c): c is TrueFalseCard => c.kind === 'truefalse');
    return s.filter((c) => c.isTrue).length / s.length;
  };

  it('asks some facts as a true statement instead of a choice when a deck has only false ones', () => {
    // Six traps stated falsely (their only card) and six facts that could be asked as a choice or a true statement.
    const traps = [1, 2, 3, 4, 5, 6].map((i) => tf(`trap${i}`, `trap${i}`, false));
    const facts = [1, 2, 3, 4, 5, 6].flatMap((i) => [basic(`b${i}`, `fact${i}`), choice(`c${i}`, `fact${i}`), tf(`t${i}`, `fact${i}`, true)]);
    const kept = chooseForms([...traps, ...facts]);
    expect(share(kept)).toBeGreaterThanOrEqual(0.4);
    expect(share(kept)).toBeLessThanOrEqual(0.6);
    // Every fact is still asked, and no trap was lost.
    for (let i = 1; i <= 6; i++) expect(kept.some((c) => c.noteId === `fact${i}`)).toBe(true);
    expect(kept.filter((c) => c.id.startsWith('trap'))).toHaveLength(6);
  });

  it('drops statements of the larger side only where the fact keeps another card', () => {
    const lonely = [1, 2].map((i) => tf(`only${i}`, `only${i}`, true));
    const paired = [1, 2, 3, 4].flatMap((i) => [basic(`b${i}`, `n${i}`), tf(`t${i}`, `n${i}`, true)]);
    const falseOnes = [1, 2].map((i) => tf(`f${i}`, `f${i}`, false));
    const kept = chooseForms([...lonely, ...paired, ...falseOnes]);
    expect(share(kept)).toBeLessThanOrEqual(0.6);
    expect(kept.filter((c) => c.id.startsWith('only'))).toHaveLength(2);
    for (let i = 1; i <= 4; i++) expect(kept.some((c) => c.noteId === `n${i}`)).toBe(true);
  });
});

describe('distractors', () => {
  it('offers four options, all entries of the same list', () => {
    const notes = `# Shapes\n\n## Kinds of shapes\n${['Circle: round with no corners at all', 'Square: four equal sides and right angles', 'Triangle: three sides and three corners', 'Hexagon: six sides like a honeycomb cell', 'Pentagon: five sides like the famous building'].map((l, i) => `${i + 1}. ${l}`).join('\n')}\n`;
    const choices = cardsOf(notes).filter((c): c is ChoiceCard => c.kind === 'choice');
    expect(choices.length).toBeGreaterThan(0);
    for (const c of choices) {
      expect(c.options).toHaveLength(4);
      expect(c.options.every((o) => ['Circle', 'Square', 'Triangle', 'Hexagon', 'Pentagon'].includes(o))).toBe(true);
    }
  });
});

describe('choice prompts that do not give themselves away', () => {
  it('hides the term and the words of it no other option has', () => {
    const others = ['OS Layer', 'User Layer', 'Image Layer'];
    expect(maskTerm('Host OS and hardware resources', 'Host Layer', others)).toBe('… OS and hardware resources');
    expect(maskTerm('Docker containers use cgroups to limit resources', 'Control groups (cgroups)', ['Namespaces', 'The host file system'])).toBe('Docker containers use … to limit resources');
    // A word the other options share ("Layer") stays: it tells nothing.
    expect(maskTerm('The layer that holds your apps', 'User Layer', ['OS Layer', 'Host Layer'])).toBe('The layer that holds your apps');
  });
});

describe('fragment removal', () => {
  const notes = `# Networking\n\n## Why networking matters\n➤ Without networking:\n  ✔ Services cannot reach each other\n  ✔ Services cannot reach the host\n👉 But real applications need:\n➤ Shared data\n➤ Logs\n`;
  const cards = cardsOf(notes);

  it('asks what happens under a "Without …:" label instead of leaving "without networking …?"', () => {
    expect(cards.map(cardFront)).toContain('Why networking matters: what happens without networking?');
  });

  it('drops the conjunction a label was cut with', () => {
    expect(cards.map(cardFront).some((f) => /: real applications need what\?$/.test(f))).toBe(true);
  });

  it('leaves nothing the fragment lint would flag', () => {
    expect(lintDecks(generateDecks(notes, { source: 'n.md' }).decks).filter((f) => f.rule === 'fragment')).toEqual([]);
  });
});
