import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../../src/lib/domain/day';
import { inTimeZone } from '../../support/time-zone';

describe('localIsoDate', () => {
  it('is the learner’s calendar date where the UTC date is still yesterday or already tomorrow', async () => {
    // 10:00 on 2 December in Auckland is 21:00 on 1 December UTC; 22:00 on 2 December in Los Angeles is 06:00 on
    // 3 December UTC. The backup file was named by the UTC date, which the unit suite showed under TZ=Pacific/Auckland.
    expect(await inTimeZone('Pacific/Auckland', () => localIsoDate(Date.UTC(2026, 11, 1, 21)))).toBe('2026-12-02');
    expect(await inTimeZone('America/Los_Angeles', () => localIsoDate(Date.UTC(2026, 11, 3, 6)))).toBe('2026-12-02');
    expect(await inTimeZone('UTC', () => localIsoDate(Date.UTC(2026, 0, 9, 23, 59)))).toBe('2026-01-09');
  });
});
