// The `npm test` runner (scripts/test-all.ts), with small shell commands as phases: lanes really run side by side,
// each phase's output comes out as one block, a failure fails the run and is named, and nothing a phase started
// outlives it.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLanes, type Phase } from '../../../scripts/test-all';

const sh = (name: string, script: string): Phase => ({ name, command: 'sh', args: ['-c', script] });

async function run(lanes: Phase[][]) {
  let text = '';
  const outcomes = await runLanes(lanes, (chunk) => void (text += chunk));
  return { text, outcomes };
}

describe('the npm test runner', () => {
  it('runs lanes side by side: a phase waiting for a file that the other lane writes finishes', async () => {
    const flag = join(mkdtempSync(join(tmpdir(), 'drydock-runner-')), 'flag');
    const { outcomes } = await run([
      [sh('waits', `for i in $(seq 1 100); do [ -e ${flag} ] && echo seen && exit 0; sleep 0.1; done; exit 1`)],
      [sh('writes', `sleep 0.2; touch ${flag}`)],
    ]);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['waits', 'passed'],
      ['writes', 'passed'],
    ]);
    expect(existsSync(flag)).toBe(true);
  });

  it('prints each phase as one block under its name, even when both lanes write at the same time', async () => {
    const lines = (tag: string) => `for i in 1 2 3 4 5; do echo ${tag}-$i; sleep 0.05; done`;
    const { text } = await run([[sh('left', lines('L'))], [sh('right', lines('R'))]]);
    for (const [name, tag] of [
      ['left', 'L'],
      ['right', 'R'],
    ]) {
      const block = text.slice(text.indexOf(`── ${name}: passed`), text.indexOf(`── end of ${name} `));
      expect(block.split('\n').slice(1, -1)).toEqual([1, 2, 3, 4, 5].map((i) => `${tag}-${i}`));
    }
    expect(text).toMatch(/All phases passed/);
  });

  it('fails when one phase fails, says which, keeps its output, skips only what needs it, and runs the rest', async () => {
    const { text, outcomes } = await run([
      [sh('build', 'echo "error: something broke" >&2; exit 3'), { ...sh('e2e', 'echo should not run'), needs: 'build' }],
      [sh('unit', 'exit 1'), sh('server', 'echo all good')],
    ]);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['build', 'failed'],
      ['e2e', 'not run'],
      ['unit', 'failed'],
      ['server', 'passed'],
    ]);
    expect(text).toContain('── build: FAILED (exit 3)');
    expect(text).toContain('error: something broke');
    expect(text).not.toContain('should not run');
    expect(text).toMatch(/FAILED: build, e2e, unit/);
  });

  it('reports a command that cannot start as a failure', async () => {
    const { outcomes } = await run([[{ name: 'missing', command: 'no-such-command-drydock', args: [] }]]);
    expect(outcomes[0].status).toBe('failed');
  });

  it('stops what a phase left running in its process group when the phase ends', async () => {
    const { text, outcomes } = await run([[sh('server', 'sleep 30 & echo "pid $!"')]]);
    expect(outcomes[0].status).toBe('passed');
    const pid = Number(/pid (\d+)/.exec(text)?.[1]);
    expect(pid).toBeGreaterThan(0);
    // Gone, or a zombie waiting for init to reap it (still named sh when stopped before it ran sleep): not running.
    // The SIGTERM is sent when the phase exits; it takes the process a moment to act on it, not the 30 s of its sleep.
    const state = () => (existsSync(`/proc/${pid}/stat`) ? (/^\d+ \(.*\) (\w) /.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? 'gone') : 'gone');
    await expect.poll(state, { timeout: 5000 }).toMatch(/^(gone|Z)$/);
  });
});
