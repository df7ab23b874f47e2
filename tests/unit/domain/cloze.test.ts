import { describe, expect, it } from 'vitest';
import { clozeCards, clozeFor, clozeNumbers, clozeTexts } from '../../../src/lib/domain/cloze';

describe('cloze numbers', () => {
  it('finds the distinct deletion numbers in order', () => {
    expect(clozeNumbers('{{c2::b}} {{c1::a}} {{c2::c::hint}}')).toEqual([1, 2]);
    expect(clozeNumbers('no gaps')).toEqual([]);
  });

  it('keeps only one number as c1, the others as plain text, hints kept', () => {
    expect(clozeFor('{{c1::a}} and {{c2::b::letter}}', 2)).toBe('a and {{c1::b::letter}}');
    expect(clozeFor('{{c1::a}}', 3)).toBeNull();
  });

  it('gives one text per number, and leaves a single-number text alone', () => {
    expect(clozeTexts('{{c1::a}} {{c2::b}} {{c3::c}}')).toEqual(['{{c1::a}} b c', 'a {{c1::b}} c', 'a b {{c1::c}}']);
    expect(clozeTexts('{{c1::a}} {{c1::b}}')).toEqual(['{{c1::a}} {{c1::b}}']);
  });

  it('splits a card into siblings sharing a note; the first keeps its id', () => {
    const card = { id: 'x', kind: 'cloze' as const, tags: ['t'], text: '{{c1::a}} {{c2::b}}' };
    expect(clozeCards(card, 'n1')).toEqual([
      { id: 'x', kind: 'cloze', tags: ['t'], noteId: 'n1', text: '{{c1::a}} b' },
      { id: '', kind: 'cloze', tags: ['t'], noteId: 'n1', text: 'a {{c1::b}}' },
    ]);
    expect(clozeCards({ ...card, noteId: 'old' }, 'n1').every((c) => c.noteId === 'old')).toBe(true);
    expect(clozeCards({ ...card, text: '{{c1::a}}' }, 'n1')).toEqual([{ ...card, text: '{{c1::a}}' }]);
  });
});
