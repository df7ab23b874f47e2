// The check-answer CLI, run as instructors run it: a child process, one JSON line per answer, exit 0 either way.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-answer.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, lines: result.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { accepted: boolean; reason: string }), stderr: result.stderr };
}

describe('check-answer', () => {
  it('accepts a long-flag, --name=value, sudo variant and says why', () => {
    const { status, lines } = run('--expected', 'docker run -d --name app1 nginx', '--answer', 'sudo docker run --detach --name=app1 nginx');
    expect(status).toBe(0);
    expect(lines).toEqual([{ accepted: true, reason: '`--detach` is `-d`; `sudo` changes nothing here' }]);
  });

  it('rejects with the reason and still exits 0; --prompt decides what must be typed exactly', () => {
    const prompt = 'Run `nginx` on the `mybridge` network.';
    const wrong = run('--expected', 'docker run --network mybridge nginx', '--prompt', prompt, '--answer', 'docker run --network bridge nginx');
    expect(wrong.status).toBe(0);
    expect(wrong.lines).toEqual([{ accepted: false, reason: '`--network` should be `mybridge`, not `bridge` (the prompt names it)' }]);
    const either = run('--expected', 'docker ps', '--expected', 'docker container ls', '--answer', 'docker container list');
    expect(either.lines[0].accepted).toBe(true);
  });

  it('checks a --cards FILE.jsonl, one result line per answer, and reports a bad line without stopping', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'check-answer-')), 'cards.jsonl');
    const lines = [
      { expected: ['docker network create mybridge'], prompt: 'Create network `mybridge`.', answer: 'docker network create --driver bridge mybridge' },
      { expected: ['docker network create mybridge'], prompt: 'Create network `mybridge`.', answer: 'docker network create mynet' },
      'not json',
      { expected: 'docker volume ls', answer: 'docker volume list' },
      { expected: [], answer: 'x' },
    ].map((l) => (typeof l === 'string' ? l : JSON.stringify(l)));
    writeFileSync(file, `${lines.join('\n')}\n\n`);
    const { status, lines: results } = run('--cards', file);
    expect(status).toBe(0);
    expect(results.map((r) => r.accepted)).toEqual([true, false, false, true, false]);
    expect(results[0].reason).toBe('`--driver bridge` is the default');
    expect(results[2].reason).toBe('line 3: not valid JSON');
    expect(results[4].reason).toMatch(/^line 5: "expected"/);
  });

  it('explains a usage error on stderr with exit status 2', () => {
    const { status, stderr } = run('--answer', 'docker ps');
    expect(status).toBe(2);
    expect(stderr).toContain('give at least one --expected');
    expect(run('--cards', '/no/such/file.jsonl').status).toBe(2);
  });
});
