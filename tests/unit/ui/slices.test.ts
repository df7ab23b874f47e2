import { describe, expect, test } from 'vitest';
import { eachInSlices, filterInSlices, Latest, yieldToMain } from '../../../src/lib/ui/slices';

/** A clock that advances `step` ms each time it is read, and a pause that counts the slices. */
function fakeTime(step: number) {
  let t = 0;
  const pauses: number[] = [];
  return { now: () => (t += step), pause: async () => void pauses.push(t), pauses };
}

describe('filterInSlices', () => {
  test('keeps the matching items in order, across slices, pausing once a slice has used its budget', async () => {
    const items = Array.from({ length: 2000 }, (_, i) => i);
    // The clock is read once per 256 items: 1 ms each time, so a 3 ms budget pauses every third read.
    const time = fakeTime(1);
    const found = await filterInSlices(items, (i) => i % 7 === 0, { budgetMs: 3, now: time.now, pause: time.pause });
    expect(found).toEqual(items.filter((i) => i % 7 === 0));
    expect(time.pauses.length).toBeGreaterThanOrEqual(2);
  });

  test('never pauses when the work fits in one slice', async () => {
    const time = fakeTime(0);
    expect(await filterInSlices([1, 2, 3], (i) => i > 1, { now: time.now, pause: time.pause })).toEqual([2, 3]);
    expect(time.pauses).toEqual([]);
  });

  test('a request that goes stale stops at its next pause and answers null, never a partial result', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => i);
    const latest = new Latest();
    const stale = latest.take();
    const time = fakeTime(10);
    let visited = 0;
    const found = filterInSlices(items, () => (visited++, true), {
      budgetMs: 8,
      now: time.now,
      pause: async () => {
        latest.take(); // a newer search started while this one paused
      },
      stale,
    });
    expect(await found).toBeNull();
    expect(visited).toBeLessThan(items.length);
  });

  test('a request already stale does no work', async () => {
    const latest = new Latest();
    const stale = latest.take();
    latest.cancel();
    let visited = 0;
    expect(await eachInSlices([1, 2, 3], () => void visited++, { stale })).toBe(false);
    expect(visited).toBe(0);
  });
});

describe('Latest', () => {
  test('only the newest ticket is current', () => {
    const latest = new Latest();
    const first = latest.take();
    expect(first()).toBe(false);
    const second = latest.take();
    expect([first(), second()]).toEqual([true, false]);
    latest.cancel();
    expect(second()).toBe(true);
  });
});

test('yieldToMain resolves on a later turn, after work queued before it', async () => {
  const order: string[] = [];
  const yielded = yieldToMain().then(() => order.push('yielded'));
  order.push('sync');
  await yielded;
  expect(order).toEqual(['sync', 'yielded']);
});
