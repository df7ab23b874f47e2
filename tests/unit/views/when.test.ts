import { describe, expect, it } from 'vitest';
import { describeNextDue } from '../../../src/views/study/when';

const NOW = new Date(2026, 10, 2, 9, 0).getTime();

describe('describeNextDue', () => {
  it('says minutes today, tomorrow with a time, or days ahead', () => {
    expect(describeNextDue(NOW + 10 * 60_000, NOW)).toMatch(/^in 10m, at /);
    expect(describeNextDue(new Date(2026, 10, 3, 8, 30).getTime(), NOW)).toMatch(/^tomorrow at /);
    expect(describeNextDue(new Date(2026, 10, 6, 8, 30).getTime(), NOW)).toMatch(/^in 4 days, /);
  });
});
