// The command-aware typed-answer check behind checkTypedAnswer (exported from answer-check.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTypedAnswer, checkTyped } from '../../../src/lib/domain/answer-check';
import { isPlaceholder } from '../../../src/lib/domain/typed-answer';

const ok = (given: string, accepted: string) => checkTypedAnswer(given, [accepted]).correct;

describe('checkTypedAnswer', () => {
  it('forgives case, extra whitespace, backticks, a pasted prompt and a trailing full stop', () => {
    expect(ok('  DOCKER   Stop   abc123 ', 'docker stop container-id')).toBe(true);
    expect(ok('`docker ps`', 'docker ps')).toBe(true);
    expect(ok('$ docker ps.', 'docker ps')).toBe(true);
    expect(ok('docker build .', 'docker build -t app .')).toBe(false);
  });

  it('accepts any value for a placeholder name, but not a flag in its place', () => {
    expect(ok('docker rm web-1', 'docker rm container-id')).toBe(true);
    expect(ok('docker inspect 3f2a', 'docker inspect <container_id>')).toBe(true);
    expect(ok('kubectl logs api', 'kubectl logs my-app')).toBe(true);
    expect(ok('docker run -v data:/app/data nginx', 'docker run -v myvolume:/app/data nginx')).toBe(true);
    expect(ok('docker rm -f', 'docker rm container-id')).toBe(false);
    expect(ok('docker rm', 'docker rm container-id')).toBe(false);
  });

  it('forgives the order of flags, a flag with its value, and combined short flags', () => {
    expect(ok('docker run --network mybridge --name app1 -d nginx', 'docker run -d --name app1 --network mybridge nginx')).toBe(true);
    expect(ok('docker run -t -i ubuntu', 'docker run -it ubuntu')).toBe(true);
    expect(ok('sudo usermod -G docker -a ubuntu', 'sudo usermod -aG docker ubuntu')).toBe(true);
    expect(ok('docker run --mount source=v, target = /app img', 'docker run --mount source=v,target=/app img')).toBe(true);
  });

  it('rejects a different command, a different argument, a missing or extra flag', () => {
    expect(ok('docker kill container-id', 'docker stop container-id')).toBe(false);
    expect(ok('docker stop container-id', 'docker kill container-id')).toBe(false);
    expect(ok('docker run -p 80:8080 nginx', 'docker run -p 8080:80 nginx')).toBe(false);
    expect(ok('docker run nginx', 'docker run -d nginx')).toBe(false);
    expect(ok('docker run -d --rm nginx', 'docker run -d nginx')).toBe(false);
    expect(ok('docker network create', 'docker network create mybridge')).toBe(false);
    expect(ok('docker volume create mysql', 'docker volume create mysql_data')).toBe(false);
    expect(ok('', 'docker ps')).toBe(false);
  });

  it('marks the typed and expected words that differ against the closest accepted answer', () => {
    const result = checkTypedAnswer('docker kill web', ['docker stop container-id', 'docker container stop container-id']);
    expect(result.correct).toBe(false);
    expect(result.expected).toBe('docker stop container-id');
    expect(result.yours).toEqual([
      { text: 'docker', mark: 'same' },
      { text: 'kill', mark: 'differs' },
      { text: 'web', mark: 'same' },
    ]);
    expect(result.expectedWords.map((w) => w.mark)).toEqual(['same', 'differs', 'same']);
    expect(result.reason).toBe('`docker kill` is not `docker stop`');
  });

  it('marks an extra flag, a missing flag and a wrong value, and says why', () => {
    const prompt = 'Run `nginx` in the background, named `app1`, on the `mybridge` network.';
    const result = checkTypedAnswer('docker run -P --name app1 --network bridge nginx', ['docker run -d --name app1 --network mybridge nginx'], prompt);
    expect(result.yours.filter((w) => w.mark !== 'same')).toEqual([
      { text: '-P', mark: 'extra' },
      { text: 'bridge', mark: 'differs' },
    ]);
    expect(result.expectedWords.filter((w) => w.mark !== 'same')).toEqual([
      { text: '-d', mark: 'missing' },
      { text: 'mybridge', mark: 'differs' },
    ]);
    expect(result.problems).toEqual(['missing `-d` (`--detach`)', '`--network` should be `mybridge`, not `bridge` (the prompt names it)', '`-P` (`--publish-all`) is not in the answer']);
  });

  it('marks nothing in an accepted answer and notes what differed harmlessly', () => {
    const result = checkTypedAnswer('sudo docker run --name=app1 --detach nginx', ['docker run -d --name app1 nginx']);
    expect(result.correct).toBe(true);
    expect([...result.yours, ...result.expectedWords].every((w) => w.mark === 'same')).toBe(true);
    expect(result.notes).toEqual(['`--detach` is `-d`', 'flag order differs', '`sudo` changes nothing here']);
    expect(checkTypedAnswer('anything', [])).toMatchObject({ correct: false, expected: '' });
  });

  it('accepts the canonical answer in any case and spacing, flags aside: -P is not -p (property)', () => {
    // A word never ends in '=': "key= value" is read as "key=value", a phone keyboard's spacing.
    const word = fc.stringMatching(/^[a-z][a-z0-9.:/_=-]{0,9}$/).filter((w) => !w.endsWith('='));
    const command = fc.tuple(word, fc.array(fc.oneof(word, word.map((w) => `-${w}`), word.map((w) => `--${w}`)), { maxLength: 6 }));
    fc.assert(
      fc.property(command, fc.array(fc.constantFrom(' ', '  ', '\t'), { minLength: 8, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }), ([head, rest], gaps, upper) => {
        const canonical = [head, ...rest].join(' ');
        const typed = [head, ...rest]
          .map((w, i) => (gaps[i % gaps.length] ?? ' ') + (w.startsWith('-') ? w : [...w].map((ch, j) => (upper[(i * 7 + j) % upper.length] ? ch.toUpperCase() : ch)).join('')))
          .join(gaps[0]);
        expect(checkTypedAnswer(typed, [canonical]).correct).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never accepts a command whose first words differ (property)', () => {
    const verb = fc.constantFrom('stop', 'kill', 'start', 'restart', 'pause', 'unpause', 'rm', 'create', 'run');
    fc.assert(
      fc.property(verb, verb, (a, b) => {
        fc.pre(a !== b);
        expect(ok(`docker ${a} container-id`, `docker ${b} container-id`)).toBe(false);
      }),
    );
  });

  it('stays quick on a pasted wall of text', () => {
    const started = Date.now();
    const result = checkTypedAnswer('docker '.repeat(20_000), ['docker ps']);
    expect(result.correct).toBe(false);
    expect(result.reason).toMatch(/longer than/);
    expect(checkTypedAnswer('docker run -d '.repeat(140), ['docker ps']).correct).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('placeholders', () => {
  it('recognises the names notes use for "your value here", and not real names', () => {
    for (const p of ['container-id', '<id>', '<container_id>', 'image-name', 'my-app', 'myvolume', 'mybridge', 'id', 'name', 'CONTAINER', 'IMAGE_ID', 'image']) expect(isPlaceholder(p), p).toBe(true);
    for (const p of ['nginx', 'mysql', 'docker', 'ubuntu', 'hostname', '-d', 'app1', 'KILL', 'AS', 'Container']) expect(isPlaceholder(p), p).toBe(false);
  });
});

describe('checkTyped (the study screen) uses the command-aware check', () => {
  it('accepts a real container id for a placeholder and reordered flags', () => {
    expect(checkTyped('docker stop 3f2a', ['docker stop container-id']).correct).toBe(true);
    expect(checkTyped('docker run --name app1 -d --network mybridge nginx', ['docker run -d --name app1 --network mybridge nginx']).correct).toBe(true);
    expect(checkTyped('docker kill 3f2a', ['docker stop container-id']).correct).toBe(false);
  });
});
