import { describe, expect, it } from 'vitest';
import { answersForNewCard, planInterview, planNewToday, type PlanCard } from '../../../src/lib/domain/interview-plan';
import { dayOfIso, isoOfDay, dayOf } from '../../../src/lib/domain/stats/days';
import { simulateInterviewPrep } from './interview-plan-simulation';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-27T09:00:00Z');
const zone = 'Europe/Berlin';
const card = (over: Partial<PlanCard>): PlanCard => ({ deckId: 'd', state: 2, stability: 10, lastReview: NOW - DAY, due: NOW + 9 * DAY, suspended: false, ...over });
const fresh = (deckId = 'd'): PlanCard => card({ deckId, state: 0, stability: 0, lastReview: undefined, due: NOW });

describe('interview plan', () => {
  it('spreads the new cards so all are introduced by the day before the interview', () => {
    expect(planNewToday(90, 10)).toBe(10);
    expect(planNewToday(91, 10)).toBe(11);
    expect(planNewToday(5, 1)).toBe(5);
    expect(planNewToday(0, 10)).toBe(0);
    const cards = [...Array.from({ length: 90 }, () => fresh()), ...Array.from({ length: 10 }, () => card({}))];
    const plan = planInterview({ now: NOW, zone, interviewDate: '2026-12-07', target: 0.9, newPerDay: 5, cards })!;
    expect(plan.daysLeft).toBe(10);
    expect(plan.newLeft).toBe(90);
    expect(plan.newLimit).toBe(10);
    expect(plan.cards).toBe(100);
    // Never below the learner's own limit.
    expect(planInterview({ now: NOW, zone, interviewDate: '2026-12-07', target: 0.9, newPerDay: 25, cards })!.newLimit).toBe(25);
  });

  it("counts today's introduced cards into today's share, so the limit doesn't shrink during the day", () => {
    const cards = Array.from({ length: 80 }, () => fresh());
    const plan = planInterview({ now: NOW, zone, interviewDate: '2026-12-07', target: 0.9, newPerDay: 0, cards, introducedToday: { d: 10 } })!;
    expect(plan.newLimit).toBe(10);
  });

  it('sets the pace per deck by the deck with most left to introduce', () => {
    const cards = [...Array.from({ length: 45 }, () => fresh('a')), ...Array.from({ length: 9 }, () => fresh('b'))];
    expect(planInterview({ now: NOW, zone, interviewDate: '2026-12-07', target: 0.9, newPerDay: 0, cards })!.newLimit).toBe(5);
  });

  it('predicts recall on the morning of the interview from the current states', () => {
    const cards = [card({ stability: 10, lastReview: NOW }), fresh()];
    const plan = planInterview({ now: NOW, zone, interviewDate: '2026-12-07', target: 0.9, newPerDay: 20, cards })!;
    expect(new Date(plan.interviewStart).toISOString()).toBe('2026-12-06T23:00:00.000Z');
    // Card 1: ~9.6 days after a review with stability 10 → just above 90%; card 2 never studied → 0.
    expect(plan.predictedRecall).toBeGreaterThan(0.45);
    expect(plan.predictedRecall).toBeLessThan(0.46);
  });

  it('pulls reviews due on the interview day forward to the day before', () => {
    const dayBefore = Date.parse('2026-12-06T09:00:00Z');
    const cards = [card({ due: Date.parse('2026-12-07T15:00:00Z') })];
    const plan = planInterview({ now: dayBefore, zone, interviewDate: '2026-12-07', target: 0.9, newPerDay: 20, cards })!;
    expect(plan.daysLeft).toBe(1);
    expect(new Date(plan.reviewCutoff).toISOString()).toBe('2026-12-07T22:59:59.999Z');
    const earlier = planInterview({ now: NOW, zone, interviewDate: '2026-12-07', target: 0.9, newPerDay: 20, cards })!;
    expect(new Date(earlier.reviewCutoff).toISOString()).toBe('2026-11-27T22:59:59.999Z');
  });

  it('estimates the daily work from reviews due and the answers each new card needs', () => {
    // Missed on first sight, then Good at the 1-minute and 10-minute steps.
    expect(answersForNewCard(1, { target: 0.9, learningSteps: ['1m', '10m'] })).toBe(3);
    expect(answersForNewCard(30, { target: 0.9, learningSteps: ['1m', '10m'] })).toBeGreaterThan(3);
    const cards = [...Array.from({ length: 90 }, () => fresh()), ...Array.from({ length: 20 }, () => card({ due: NOW + DAY }))];
    const plan = planInterview({ now: NOW, zone, interviewDate: '2026-12-07', target: 0.9, newPerDay: 5, learningSteps: ['1m', '10m'], cards })!;
    expect(plan.reviewsDue).toBe(20);
    // At least every new card's three learning answers, plus each due review, over 10 days.
    expect(plan.answersPerDay).toBeGreaterThanOrEqual(Math.ceil((90 * 3 + 20) / 10));
    expect(plan.answersPerDay).toBeLessThan(90);
  });

  it('has nothing to plan on the day or after it, and rejects a malformed date', () => {
    const on = planInterview({ now: NOW, zone, interviewDate: '2026-11-27', target: 0.9, newPerDay: 20, cards: [fresh()] })!;
    expect(on.daysLeft).toBe(0);
    expect(on.answersPerDay).toBe(0);
    expect(planInterview({ now: NOW, zone, interviewDate: '2026-11-20', target: 0.9, newPerDay: 20, cards: [] })!.daysLeft).toBe(-7);
    expect(planInterview({ now: NOW, zone, interviewDate: 'soon', target: 0.9, newPerDay: 20, cards: [] })).toBeNull();
  });
});

describe('interview plan, simulated', () => {
  const interviewDate = '2026-12-07';

  it('meets the target on the day when the plan is followed', () => {
    const result = simulateInterviewPrep({ now: NOW, zone, interviewDate, studied: 150, fresh: 450, seed: 7, followPlan: true });
    expect(isoOfDay(dayOf(zone)(result.interviewStart))).toBe(interviewDate);
    expect(result.introduced).toBe(600);
    expect(result.predictedRecall).toBeGreaterThanOrEqual(0.9);
    // The estimate shown to the learner was in the right range of the work actually done.
    expect(result.answersPerDay).toBeGreaterThan(result.plannedCardsPerDay * 0.6);
    expect(result.answersPerDay).toBeLessThan(result.plannedCardsPerDay * 1.6);
  });

  it('falls short with the ordinary daily limits (the plan is what makes the difference)', () => {
    // 20 new cards per deck per day cannot introduce 300 per deck in 10 days.
    const result = simulateInterviewPrep({ now: NOW, zone, interviewDate, studied: 150, fresh: 900, seed: 7, followPlan: false });
    expect(result.introduced).toBeLessThan(1050);
    expect(result.predictedRecall).toBeLessThan(0.9);
  });

  it('meets the target from several other histories and dates', () => {
    for (const [seed, days, studied, freshCards] of [
      [1, 3, 80, 40],
      [2, 21, 300, 200],
      [3, 6, 0, 120],
    ] as const) {
      const date = isoOfDay(dayOfIso('2026-11-27') + days);
      const result = simulateInterviewPrep({ now: NOW, zone, interviewDate: date, studied, fresh: freshCards, seed, followPlan: true });
      expect({ seed, recall: result.predictedRecall >= 0.9 }).toEqual({ seed, recall: true });
    }
  });
});
