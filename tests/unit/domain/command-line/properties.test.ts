// Properties of the typed-answer check: how options are arranged or spelled never changes the verdict.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDockerCommand, type OptionSpec } from '../../../../src/lib/domain/command-line/grammar';
import { checkTypedAnswer } from '../../../../src/lib/domain/typed-answer';

const PROMPT = 'Run a container from `nginx` named `app1` publishing `8080:80` with `/data` mounted at `/app`.';
const VALUES = ['app1', 'web', '8080:80', '80:8080', '/data:/app', 'myvolume:/app', 'KEY=value', 'always', 'host'];

/** Every `docker run` option with both a short and a long name, so either spelling can be used. */
const runOptions = [...new Set(findDockerCommand(['run'])!.spec.options.values())].filter((o) => o.names.length > 1);

interface Use {
  option: OptionSpec;
  value: string;
}

const use = fc.record({ option: fc.constantFrom(...runOptions), value: fc.constantFrom(...VALUES) });
const line = fc.record({ uses: fc.array(use, { maxLength: 6 }), image: fc.constantFrom('nginx', 'alpine', '<image>') });

/** How one option is written: which of its names, and for a value whether as `--name=value` or two words. */
const spelling = fc.record({ name: fc.nat(), joined: fc.boolean() });

function write(uses: Use[], image: string, spellings: { name: number; joined: boolean }[], order: number[]): string {
  const words = order.map((index) => {
    const { option, value } = uses[index];
    const { name: pick, joined } = spellings[index % spellings.length] ?? { name: 0, joined: false };
    const name = option.names[pick % option.names.length];
    if (option.valueType === null) return name;
    return joined && name.startsWith('--') ? `${name}=${value}` : `${name} ${value}`;
  });
  return ['docker', 'run', ...words, image].join(' ');
}

const canonical = (uses: Use[], image: string) => write(uses, image, [{ name: 0, joined: false }], uses.map((_, i) => i));

describe('the verdict does not depend on how options are arranged or spelled', () => {
  it('reordering options, switching short and long names, or using --name=value leaves the verdict as it was', () => {
    fc.assert(
      fc.property(line, line, fc.boolean(), fc.array(spelling, { minLength: 1, maxLength: 6 }), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (expected, other, same, spellings, randoms) => {
        // Half the time the answer has the expected options, so accepted and rejected verdicts are both exercised.
        const answer = same ? { ...other, uses: expected.uses } : other;
        const expectedText = canonical(expected.uses, expected.image);
        const plain = canonical(answer.uses, answer.image);
        const order = answer.uses.map((_, i) => i).sort(() => (randoms.next().value as number) - 0.5);
        const rearranged = write(answer.uses, answer.image, spellings, order);
        const verdict = checkTypedAnswer(plain, [expectedText], PROMPT).correct;
        expect(checkTypedAnswer(rearranged, [expectedText], PROMPT).correct, `${expectedText} | ${plain} | ${rearranged}`).toBe(verdict);
      }),
      { numRuns: 400 },
    );
  });

  it('an answer rearranged from the expected one is always accepted', () => {
    fc.assert(
      fc.property(line, fc.array(spelling, { minLength: 1, maxLength: 6 }), (expected, spellings) => {
        const expectedText = canonical(expected.uses, expected.image);
        const reversed = write(expected.uses, expected.image, spellings, expected.uses.map((_, i) => i).reverse());
        expect(checkTypedAnswer(reversed, [expectedText], PROMPT).correct, `${expectedText} | ${reversed}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
