import { describe, expect, it } from 'vitest';
import { computeHeatmap } from '../../../src/lib/domain/stats/heatmap';
import { computeGradesPerDay } from '../../../src/lib/domain/stats/grades-per-day';
import { computeTimePerDay } from '../../../src/lib/domain/stats/time-per-day';
import { computeButtons } from '../../../src/lib/domain/stats/buttons';
import { computeRetention } from '../../../src/lib/domain/stats/retention';
import { computeForecast } from '../../../src/lib/domain/stats/forecast';
import { computeCardStates } from '../../../src/lib/domain/stats/card-states';
import { dayOfIso, isoOfDay } from '../../../src/lib/domain/stats/days';
import type { Rating, StatsCard, StatsLog } from '../../../src/lib/domain/stats/types';

// Friday 27 November 2026, 10:00 in Berlin.
const NOW = Date.parse('2026-11-27T09:00:00Z');
const clock = { now: NOW, zone: 'Europe/Berlin' };
const log = (iso: string, rating: Rating = 3, state: 0 | 1 | 2 | 3 = 2, durationMs = 10_000): StatsLog => ({
  review: Date.parse(iso),
  rating,
  state,
  durationMs,
});
const card = (over: Partial<StatsCard>): StatsCard => ({
  id: 'c',
  deckId: 'd',
  tags: [],
  state: 2,
  due: NOW,
  stability: 5,
  lastReview: NOW - 86_400_000,
  suspended: false,
  ...over,
});

describe('heatmap and streak', () => {
  it('counts reviews per local day and the current streak, across a gap', () => {
    const logs = [
      log('2026-11-27T08:00:00Z'),
      log('2026-11-26T23:30:00Z'), // 00:30 on the 27th in Berlin
      log('2026-11-26T12:00:00Z'),
      log('2026-11-25T12:00:00Z'),
      // gap on the 24th
      log('2026-11-23T12:00:00Z'),
    ];
    const h = computeHeatmap(logs, clock);
    expect(isoOfDay(h.today)).toBe('2026-11-27');
    expect(h.counts[h.today - h.firstDay]).toBe(2);
    expect(h.counts[h.today - h.firstDay - 1]).toBe(1);
    expect(h.counts[h.today - h.firstDay - 3]).toBe(0);
    expect(h.total).toBe(5);
    expect(h.max).toBe(2);
    expect(h.activeDays).toBe(4);
    expect(h.currentStreak).toBe(3);
    expect(h.longestStreak).toBe(3);
  });

  it('keeps the streak alive until today ends, and breaks it after a missed day', () => {
    const yesterdayOnly = [log('2026-11-26T12:00:00Z'), log('2026-11-25T12:00:00Z')];
    expect(computeHeatmap(yesterdayOnly, clock).currentStreak).toBe(2);
    const twoDaysAgo = [log('2026-11-25T12:00:00Z')];
    expect(computeHeatmap(twoDaysAgo, clock).currentStreak).toBe(0);
  });

  it('spans about six months of whole weeks starting on a Monday, and counts older days only for the longest streak', () => {
    const old = Array.from({ length: 10 }, (_, i) => log(new Date(Date.parse('2026-01-01T12:00:00Z') + i * 86_400_000).toISOString()));
    const h = computeHeatmap(old, clock);
    expect(h.counts.length).toBeGreaterThanOrEqual(183);
    expect(h.counts.length).toBeLessThan(190);
    expect((h.firstDay + 3) % 7).toBe(0); // a Monday
    expect(h.total).toBe(0);
    expect(h.longestStreak).toBe(10);
    expect(h.currentStreak).toBe(0);
  });

  it('is empty without logs', () => {
    const h = computeHeatmap([], clock);
    expect(h).toMatchObject({ total: 0, max: 0, currentStreak: 0, longestStreak: 0 });
  });

  it('counts an answer that was undone and redone once: undo removes the log row', () => {
    const store = new Map<number, StatsLog>();
    store.set(1, log('2026-11-27T08:00:00Z', 1));
    store.delete(1); // undo
    store.set(2, log('2026-11-27T08:00:05Z', 3));
    const logs = [...store.values()];
    expect(computeHeatmap(logs, clock).total).toBe(1);
    expect(computeGradesPerDay(logs, clock).days.at(-1)).toEqual([0, 0, 1, 0]);
    expect(computeButtons(logs).review).toEqual([0, 0, 1, 0]);
    expect(computeRetention(logs, clock, 0.9).total).toBe(1);
  });
});

describe('reviews per day by grade', () => {
  it('splits each day by the button pressed, over the last 30 local days', () => {
    const logs = [
      log('2026-11-27T08:00:00Z', 1),
      log('2026-11-27T08:01:00Z', 3),
      log('2026-11-27T08:02:00Z', 3),
      log('2026-11-26T22:30:00Z', 4), // 23:30 on the 26th in Berlin
      log('2026-10-29T12:00:00Z', 2), // exactly 29 days ago: the first bar
      log('2026-10-27T12:00:00Z', 2), // too old
      log('2026-11-28T12:00:00Z', 2), // in the future (clock skew): ignored
    ];
    const g = computeGradesPerDay(logs, clock);
    expect(g.days).toHaveLength(30);
    expect(isoOfDay(g.firstDay)).toBe('2026-10-29');
    expect(g.days[29]).toEqual([1, 0, 2, 0]);
    expect(g.days[28]).toEqual([0, 0, 0, 1]);
    expect(g.days[0]).toEqual([0, 1, 0, 0]);
    expect(g.total).toBe(5);
    expect(g.max).toBe(3);
  });
});

describe('time per day', () => {
  it('sums durations per day and caps a card left open', () => {
    const logs = [log('2026-11-27T08:00:00Z', 3, 2, 30_000), log('2026-11-27T08:01:00Z', 3, 2, 60 * 60_000), log('2026-11-25T08:00:00Z', 3, 2, 90_000)];
    const t = computeTimePerDay(logs, clock);
    expect(t.ms[29]).toBe(30_000 + 5 * 60_000);
    expect(t.ms[27]).toBe(90_000);
    expect(t.totalMs).toBe(30_000 + 5 * 60_000 + 90_000);
    expect(t.meanMsPerStudyDay).toBe(t.totalMs / 2);
  });
});

describe('answer buttons', () => {
  it('counts learning and review answers apart', () => {
    const logs = [log('2026-11-27T08:00:00Z', 1, 0), log('2026-11-27T08:00:00Z', 3, 1), log('2026-11-27T08:00:00Z', 3, 3), log('2026-11-27T08:00:00Z', 4, 2), log('2026-11-27T08:00:00Z', 2, 2)];
    expect(computeButtons(logs)).toEqual({ learning: [1, 0, 2, 0], review: [0, 1, 0, 1], total: 5 });
  });
});

describe('true retention', () => {
  it('is the pass rate of answers to cards in review, per Monday-based week', () => {
    const logs = [
      log('2026-11-27T08:00:00Z', 3, 2),
      log('2026-11-26T08:00:00Z', 1, 2),
      log('2026-11-23T08:00:00Z', 2, 2), // Monday: same week
      log('2026-11-22T22:30:00Z', 4, 2), // Sunday 23:30 in Berlin: previous week
      log('2026-11-27T08:00:00Z', 1, 1), // learning: not counted
      log('2026-11-27T08:00:00Z', 1, 0), // new: not counted
    ];
    const r = computeRetention(logs, clock, 0.9);
    const last = r.weeks.at(-1)!;
    expect(isoOfDay(last.weekStart)).toBe('2026-11-23');
    expect(last).toMatchObject({ passed: 2, total: 3 });
    expect(last.rate).toBeCloseTo(2 / 3);
    expect(r.weeks.at(-2)).toMatchObject({ passed: 1, total: 1, rate: 1 });
    expect(r.weeks.at(-3)!.rate).toBeNull();
    expect(r.weeks).toHaveLength(12);
    expect(r).toMatchObject({ passed: 3, total: 4, desired: 0.9 });
  });
});

describe('forecast', () => {
  it('puts overdue cards on today, and leaves out new and suspended cards', () => {
    const day = 86_400_000;
    const cards = [
      card({ due: NOW - 3 * day }),
      card({ due: NOW + 2 * 3_600_000 }),
      card({ due: Date.parse('2026-11-27T23:30:00Z') }), // 00:30 on the 28th in Berlin: tomorrow
      card({ due: NOW + 29 * day }),
      card({ due: NOW + 30 * day }),
      card({ due: NOW + day, state: 0 }),
      card({ due: NOW + day, suspended: true }),
      card({ due: NOW - day, state: 1 }),
    ];
    const f = computeForecast(cards, clock);
    expect(f.due).toHaveLength(30);
    expect(f.due[0]).toBe(3);
    expect(f.overdue).toBe(2);
    expect(f.due[1]).toBe(1);
    expect(f.due[29]).toBe(1);
    expect(f.total).toBe(5);
    expect(isoOfDay(f.today)).toBe('2026-11-27');
  });
});

describe('card states', () => {
  it('counts each state, suspended cards apart', () => {
    const cards = [card({ state: 0 }), card({ state: 0 }), card({ state: 1 }), card({ state: 2 }), card({ state: 3 }), card({ state: 2, suspended: true })];
    expect(computeCardStates(cards)).toEqual({ new: 2, learning: 1, review: 1, relearning: 1, suspended: 1, total: 6 });
  });
});

it('uses ISO dates for day numbers', () => {
  expect(isoOfDay(dayOfIso('2026-02-28') + 1)).toBe('2026-03-01');
});
