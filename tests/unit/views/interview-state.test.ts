import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { loadSettings } from '../../../src/lib/db/settings';
import { InterviewState } from '../../../src/views/home/interview-state.svelte';
import type { InterviewPlan } from '../../../src/lib/domain/interview-plan';

const NOW = Date.parse('2026-11-27T09:00:00Z');
const plan = (over: Partial<InterviewPlan>): InterviewPlan => ({
  daysLeft: 9,
  interviewStart: NOW + 9 * 86_400_000,
  target: 0.9,
  predictedRecall: 0.74,
  cards: 300,
  newLeft: 120,
  reviewsDue: 40,
  newLimit: 15,
  reviewCutoff: NOW,
  reviewLimit: 40,
  newPerDay: 30,
  reviewsPerDay: 20,
  learningTapsPerDay: 45,
  answersPerDay: 95,
  ...over,
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('interview state', () => {
  it('has no plan until a date is set', async () => {
    let asked = 0;
    const state = new InterviewState(async () => (asked++, plan({})), 'UTC');
    await state.load(NOW);
    expect(state.date).toBeNull();
    expect(state.plan).toBeNull();
    expect(state.countdown).toBe('');
    expect(asked).toBe(0);
  });

  it('saves the date and shows the countdown, predicted recall against target, and the daily plan', async () => {
    const state = new InterviewState(async () => plan({}), 'UTC');
    await state.load(NOW);
    await state.setDate('2026-12-06', NOW);
    expect((await loadSettings()).interviewDate).toBe('2026-12-06');
    expect(state.countdown).toBe('Interview in 9 days — predicted recall 74%, target 90%');
    expect(state.dailyPlan).toBe('About 30 new cards and 20 reviews a day until then, plus about 45 extra taps for learning steps; 120 new cards to meet, up to 15 a day per deck.');
  });

  it('words tomorrow, today and a past date', async () => {
    const state = new InterviewState(async () => plan({ daysLeft: 1, newLeft: 0 }), 'UTC');
    await state.load(NOW);
    await state.setDate('2026-11-28', NOW);
    expect(state.countdown).toBe('Interview tomorrow — predicted recall 74%, target 90%');
    expect(state.dailyPlan).toBe("About 30 new cards and 20 reviews a day until then, plus about 45 extra taps for learning steps; today's reviews include the cards due on the interview day.");
    const today = new InterviewState(async () => plan({ daysLeft: 0 }), 'UTC');
    await today.load(NOW);
    expect(today.countdown).toBe('Interview today — predicted recall 74%, target 90%. Good luck!');
    expect(today.dailyPlan).toBe('');
    const past = new InterviewState(async () => plan({ daysLeft: -3 }), 'UTC');
    await past.load(NOW);
    expect(past.countdown).toBe('Your interview date has passed.');
  });

  it('refuses a date in the past or an empty one, changing nothing', async () => {
    const state = new InterviewState(async () => plan({}), 'UTC');
    await state.load(NOW);
    await state.setDate('2026-11-26', NOW);
    expect(state.error).toMatch(/today or later/);
    await state.setDate('', NOW);
    expect(state.error).toMatch(/Choose a date/);
    expect((await loadSettings()).interviewDate).toBeNull();
  });

  it('clears the date', async () => {
    const state = new InterviewState(async () => plan({}), 'UTC');
    await state.load(NOW);
    await state.setDate('2026-12-06', NOW);
    await state.clear(NOW);
    expect((await loadSettings()).interviewDate).toBeNull();
    expect(state.plan).toBeNull();
  });

  it('computes the real plan from the database by default', async () => {
    const state = new InterviewState(undefined, 'UTC');
    await state.load(NOW);
    await state.setDate('2026-12-06', NOW);
    expect(state.plan?.daysLeft).toBe(9);
    expect(state.dailyPlan).toBe('Add a deck to get a study plan for the interview.');
  });
});
