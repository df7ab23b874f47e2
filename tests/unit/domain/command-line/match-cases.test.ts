// The table-driven suite: every rule of the typed-answer check, with answers it must accept and answers it must reject.
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../../../src/lib/domain/command-line/match';
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

describe('feedback on arguments', () => {
  it('names a missing argument instead of counting it, and shows an extra one as typed', () => {
    const problems = (expected: string, given: string, prompt?: string) => compareCommand(expected, given, prompt).problems;
    expect(problems('docker run -d --network host nginx', 'docker run -d --network host', 'Run nginx on the host network')).toEqual(['the image name is missing']);
    expect(problems('docker stop app1', 'docker stop')).toEqual(['the container name or id is missing']);
    expect(problems('docker run -it ubuntu bash', 'docker run -it ubuntu')).toEqual(['the command to run is missing']);
    expect(problems('docker network connect mynet app1', 'docker network connect mynet')).toEqual(['the container name or id is missing']);
    // A program without a known usage names the value instead.
    expect(problems('usermod -aG docker alice', 'usermod -aG docker')).toEqual(['the argument `alice` is missing']);
    expect(problems('docker network create mybridge', 'docker network create mybridge extra')).toEqual(['`extra` is not in the answer']);
    for (const p of [problems('docker stop app1', 'docker stop'), problems('docker volume create v', 'docker volume create v w')]) {
      expect(p.join(' ')).not.toMatch(/expected \d+ argument/);
    }
  });
});
