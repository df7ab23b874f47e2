// What the fuzz tests share: the number of inputs, the hang limit, batching, and the check every parsed bundle passes.
import { expect } from 'vitest';
import fc from 'fast-check';
import { validateDeck } from '../../../src/lib/io/validate-deck';
import type { ImportBundle, Result } from '../../../src/lib/io/result';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const HANG_MS = 5_000;
export const NOW = Date.UTC(2026, 10, 1);
export const LONG = Math.max(120_000, RUNS * 12);

async function withinLimit<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_r, reject) => (timer = setTimeout(() => reject(new Error(`parser hung for more than ${HANG_MS} ms`)), HANG_MS)));
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** A bundle is fine when it failed with a message, or when every deck it yields validates again without a warning. */
export function expectValid(result: Result<ImportBundle>): void {
  if (!result.ok) {
    expect(result.error.message).toMatch(/\S/);
    return;
  }
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const deck of result.value.decks) {
    const again = validateDeck(structuredClone(deck), 'fuzzed', warnings, seen);
    expect(again.cards).toHaveLength(deck.cards.length);
  }
  expect(warnings).toEqual([]);
}

const special = fc.constantFrom(...Array.from('",\n\r\t;|#:{}[]c1\\\u0000\uFEFF\u2028é🐳 '), 'front', 'back', 'tags', 'deck', '{{c1::', '}}', '#separator:tab\n', '"""', '\r\n');
export const noisyText = fc.array(fc.oneof({ weight: 3, arbitrary: special }, { weight: 2, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 60 }).map((a) => a.join(''));
/**
 * Inputs go in batches of BATCH parsed side by side: the parsers yield to the event loop between chunks, so most of a
 * lone input's time is spent waiting for timers. RUNS inputs in all; a failing batch shrinks to the input at fault.
 */
const BATCH = 20;
export const run = <T,>(arb: fc.Arbitrary<T>, check: (value: T) => Promise<void>) =>
  fc.assert(fc.asyncProperty(fc.array(arb, { minLength: BATCH, maxLength: BATCH }), (batch) => withinLimit(Promise.all(batch.map(check)).then(() => undefined))), { numRuns: Math.ceil(RUNS / BATCH) });
