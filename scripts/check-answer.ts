// Checks typed answers with the app's own matcher, for instructors testing their typed cards:
//   npm run -s check-answer -- --expected "docker run -d --name app1 nginx" [--expected "…"] [--prompt "…"] --answer "…"
//   npm run -s check-answer -- --cards answers.jsonl    (one {"expected":[…],"prompt":"…","answer":"…"} per line)
// Prints one JSON line per answer, {"accepted":true|false,"reason":"…"}, and exits 0 either way; 2 on a usage error.
import { readFileSync } from 'node:fs';
import { checkTypedAnswer } from '../src/lib/domain/typed-answer.ts';

interface Check {
  expected: string[];
  prompt?: string;
  answer: string;
}

const USAGE = 'usage: check-answer --expected "…" [--expected "…"] [--prompt "…"] --answer "…"  |  check-answer --cards FILE.jsonl';

function fail(message: string): never {
  process.stderr.write(`check-answer: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function verdict({ expected, prompt, answer }: Check): string {
  const result = checkTypedAnswer(answer, expected, prompt);
  return JSON.stringify({ accepted: result.correct, reason: result.reason });
}

/** One line of a --cards file as a Check, or why it is not one. */
function readCheck(line: string): Check | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const { expected, prompt, answer } = value as Record<string, unknown>;
  const list = typeof expected === 'string' ? [expected] : expected;
  if (!Array.isArray(list) || list.length === 0 || !list.every((e) => typeof e === 'string')) return '"expected" must be a string or a non-empty list of strings';
  if (typeof answer !== 'string') return '"answer" must be a string';
  if (prompt !== undefined && typeof prompt !== 'string') return '"prompt" must be a string';
  return { expected: list, prompt, answer };
}

const args = process.argv.slice(2);
const expected: string[] = [];
let prompt: string | undefined;
let answer: string | undefined;
let cards: string | undefined;
for (let i = 0; i < args.length; i++) {
  const flag = args[i];
  const value = args[i + 1];
  if (!['--expected', '--prompt', '--answer', '--cards'].includes(flag)) fail(`unknown argument ${JSON.stringify(flag)}`);
  if (value === undefined) fail(`${flag} needs a value`);
  i++;
  if (flag === '--expected') expected.push(value);
  else if (flag === '--prompt') prompt = value;
  else if (flag === '--answer') answer = value;
  else cards = value;
}

if (cards !== undefined) {
  let text: string;
  try {
    text = readFileSync(cards, 'utf8');
  } catch (error) {
    fail(`cannot read ${cards}: ${(error as Error).message}`);
  }
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const check = readCheck(line);
    console.log(typeof check === 'string' ? JSON.stringify({ accepted: false, reason: `line ${index + 1}: ${check}` }) : verdict(check));
  });
} else {
  if (expected.length === 0) fail('give at least one --expected');
  if (answer === undefined) fail('give --answer');
  console.log(verdict({ expected, prompt, answer }));
}
