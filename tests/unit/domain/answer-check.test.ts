import { describe, expect, it } from 'vitest';
import { checkResponse, checkTyped, emptyResponse, normalizeAnswer, suggestedRating } from '../../../src/lib/domain/answer-check';
import { parseCloze } from '../../../src/lib/domain/cloze';
import type { Card } from '../../../src/lib/domain/model';

describe('checkTyped', () => {
  it('ignores case, spacing, quotes and trailing punctuation', () => {
    expect(normalizeAnswer('  `Docker   PS`. ')).toBe('docker ps');
    expect(checkTyped('DOCKER  ps', ['docker ps'])).toMatchObject({ correct: true, exact: true });
  });
  it('forgives a typo in a long word but not in flags or short words', () => {
    expect(checkTyped('namspace', ['namespace']).correct).toBe(true);
    expect(checkTyped('docker ps -q', ['docker ps -a']).correct).toBe(false);
    expect(checkTyped('run', ['rm']).correct).toBe(false);
    expect(checkTyped('', ['anything']).correct).toBe(false);
  });
  it('accepts any listed answer and compares against the one that matched', () => {
    const check = checkTyped('cgroup', ['control groups', 'cgroups']);
    expect(check.correct).toBe(true);
    expect(check.expected).toBe('cgroups');
    expect(check.exact).toBe(false);
    expect(check.notes).toEqual(['a small typo']);
  });
  it('passes the card prompt, so a value the prompt names must be typed exactly', () => {
    const card: Card = { id: 't', kind: 'typed', tags: [], prompt: 'Create network `mybridge`.', answers: ['docker network create mybridge'] };
    expect(checkResponse(card, { ...emptyResponse(), typed: 'docker network create mynet' }).correct).toBe(false);
    const open: Card = { ...card, prompt: 'Create a network.' };
    expect(checkResponse(open, { ...emptyResponse(), typed: 'docker network create mynet' }).correct).toBe(true);
  });
});

describe('checkResponse and suggestedRating', () => {
  const choice: Card = { id: 'c', kind: 'choice', tags: [], prompt: 'p', options: ['a', 'b', 'c'], correct: [1], explanation: '' };
  const tf: Card = { id: 't', kind: 'truefalse', tags: [], statement: 's', isTrue: false, explanation: '' };
  const basic: Card = { id: 'b', kind: 'basic', tags: [], prompt: 'p', answer: 'a' };
  it('marks choice and true/false responses and suggests Good or Again', () => {
    expect(suggestedRating(checkResponse(choice, { ...emptyResponse(), choice: [1] }))).toBe(3);
    expect(suggestedRating(checkResponse(choice, { ...emptyResponse(), choice: [0] }))).toBe(1);
    expect(suggestedRating(checkResponse(tf, { ...emptyResponse(), truefalse: false }))).toBe(3);
    expect(suggestedRating(checkResponse(tf, { ...emptyResponse(), truefalse: true }))).toBe(1);
    expect(suggestedRating(checkResponse(tf, emptyResponse()))).toBe(1);
  });
  it('suggests nothing for self-graded cards', () => {
    expect(suggestedRating(checkResponse(basic, emptyResponse()))).toBeNull();
  });
});

describe('parseCloze', () => {
  it('splits text and deletions with hints', () => {
    expect(parseCloze('A {{c1::B}} C {{c2::D::hint}}')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'deletion', index: 1, answer: 'B' },
      { kind: 'text', text: ' C ' },
      { kind: 'deletion', index: 2, answer: 'D', hint: 'hint' },
    ]);
  });
});
