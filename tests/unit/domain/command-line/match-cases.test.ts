// The table-driven suite: every rule of the typed-answer check, with answers it must accept and answers it must reject.
import { describe, expect, it } from 'vitest';
import { checkTypedAnswer } from '../../../../src/lib/domain/typed-answer';
import { CASES } from './cases';

describe.each(Object.entries(CASES))('%s', (_rule, cases) => {
  it('has answers to accept and answers to reject', () => {
    expect(cases.some((c) => c.accepted)).toBe(true);
    expect(cases.some((c) => !c.accepted)).toBe(true);
  });
  it.each(cases.map((c) => [c.accepted ? 'accepts' : 'rejects', c.answer, c] as const))('%s %j', (_verdict, _answer, c) => {
    const result = checkTypedAnswer(c.answer, c.expected, c.prompt);
    expect(result.correct, result.reason).toBe(c.accepted);
    expect(result.reason).not.toBe('');
  });
});

it('holds at least 150 cases', () => {
  expect(Object.values(CASES).flat().length).toBeGreaterThanOrEqual(150);
});
