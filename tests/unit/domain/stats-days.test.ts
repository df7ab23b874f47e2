import { describe, expect, it } from 'vitest';
import { dayOf, dayOfIso, isoOfDay, startOfDay, weekStartOf } from '../../../src/lib/domain/stats/days';

const at = (iso: string) => Date.parse(iso);

describe('day bucketing', () => {
  it('splits days at local midnight, not UTC midnight', () => {
    const berlin = dayOf('Europe/Berlin');
    const utc = dayOf(0);
    // 23:30 UTC on the 26th is 00:30 on the 27th in Berlin (UTC+1 in November).
    expect(isoOfDay(berlin(at('2026-11-26T23:30:00Z')))).toBe('2026-11-27');
    expect(isoOfDay(utc(at('2026-11-26T23:30:00Z')))).toBe('2026-11-26');
    // 22:59 UTC is still the 26th in Berlin.
    expect(isoOfDay(berlin(at('2026-11-26T22:59:00Z')))).toBe('2026-11-26');
    const newYork = dayOf('America/New_York');
    expect(isoOfDay(newYork(at('2026-11-27T03:00:00Z')))).toBe('2026-11-26');
    expect(isoOfDay(newYork(at('2026-11-27T05:00:00Z')))).toBe('2026-11-27');
  });

  it('accepts a fixed offset in minutes', () => {
    const plusFiveThirty = dayOf(330);
    expect(isoOfDay(plusFiveThirty(at('2026-11-26T18:29:00Z')))).toBe('2026-11-26');
    expect(isoOfDay(plusFiveThirty(at('2026-11-26T18:31:00Z')))).toBe('2026-11-27');
  });

  it('follows daylight-saving changes', () => {
    const berlin = dayOf('Europe/Berlin');
    // Clocks go forward on 2026-03-29: 22:30 UTC that evening is 00:30 CEST on the 30th.
    expect(isoOfDay(berlin(at('2026-03-29T22:30:00Z')))).toBe('2026-03-30');
    expect(isoOfDay(berlin(at('2026-03-29T21:30:00Z')))).toBe('2026-03-29');
    expect(new Date(startOfDay(dayOfIso('2026-03-30'), 'Europe/Berlin')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(startOfDay(dayOfIso('2026-03-29'), 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(startOfDay(dayOfIso('2026-11-27'), -300)).toISOString()).toBe('2026-11-27T05:00:00.000Z');
  });

  it('starts weeks on Monday', () => {
    // 2026-11-27 is a Friday.
    expect(isoOfDay(weekStartOf(dayOfIso('2026-11-27')))).toBe('2026-11-23');
    expect(isoOfDay(weekStartOf(dayOfIso('2026-11-23')))).toBe('2026-11-23');
    expect(isoOfDay(weekStartOf(dayOfIso('2026-11-29')))).toBe('2026-11-23');
  });
});
