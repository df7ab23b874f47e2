import { describe, expect, it } from 'vitest';
import { studyLimits } from '../../../src/lib/domain/study-limits';
import { endOfLearnerDay } from '../../../src/lib/domain/day';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import { planInterview } from '../../../src/lib/domain/interview-plan';
import { buildQueue, type QueueCandidate } from '../../../src/lib/domain/queue';

const NOW = Date.parse('2026-11-27T09:00:00Z');
const DAY = 86_400_000;
const fresh = (i: number) => ({ deckId: i % 2 ? 'a' : 'b', state: 0 as const, stability: 0, due: NOW, inactive: 0 as const });

describe('study limits under an interview plan', () => {
  it('are the plain settings without an interview date', () => {
    expect(studyLimits(DEFAULT_SETTINGS, NOW, { states: Array.from({ length: 500 }, (_, i) => fresh(i)), zone: 'UTC' })).toEqual({
      newLimit: 20,
      reviewLimit: 200,
      reviewCutoff: endOfLearnerDay(NOW),
    });
  });

  it('raise the new-card limit so every card is introduced by the day before the interview', () => {
    const settings = { ...DEFAULT_SETTINGS, interviewDate: '2026-12-07' };
    const states = Array.from({ length: 360 }, (_, i) => fresh(i)); // 180 per deck
    const limits = studyLimits(settings, NOW, { states, newDoneToday: {}, zone: 'UTC' });
    expect(limits.newLimit).toBe(20); // 180 over 9 days
    const tighter = studyLimits({ ...settings, interviewDate: '2026-12-01' }, NOW, { states, zone: 'UTC' });
    expect(tighter.newLimit).toBe(60); // 180 over 3 days
    expect(tighter.reviewLimit).toBe(200);
    // Suspended cards need no introduction.
    expect(studyLimits({ ...settings, interviewDate: '2026-12-01' }, NOW, { states: states.map((s) => ({ ...s, inactive: 1 as const })), zone: 'UTC' }).newLimit).toBe(20);
  });

  it('pull reviews due on the interview day forward on the day before', () => {
    const settings = { ...DEFAULT_SETTINGS, interviewDate: '2026-11-28' };
    const limits = studyLimits(settings, NOW, { states: [], zone: 'UTC' });
    expect(limits.reviewCutoff).toBe(Date.parse('2026-11-28T23:59:59.999Z'));
    expect(limits.reviewCutoff).toBeGreaterThan(endOfLearnerDay(NOW));
    // Earlier than the day before, the cutoff is the ordinary end of day.
    expect(studyLimits({ ...settings, interviewDate: '2026-12-07' }, NOW).reviewCutoff).toBe(endOfLearnerDay(NOW));
  });

  it('go back to normal once the interview day has come', () => {
    const settings = { ...DEFAULT_SETTINGS, interviewDate: '2026-11-27' };
    expect(studyLimits(settings, NOW, { states: [fresh(1)], zone: 'UTC' })).toEqual(studyLimits(DEFAULT_SETTINGS, NOW));
    expect(studyLimits({ ...settings, interviewDate: '2026-11-01' }, NOW + DAY)).toEqual(studyLimits(DEFAULT_SETTINGS, NOW + DAY));
  });
});

describe('the plan in the units study shows (issue 12)', () => {
  it('Study all offers the plan\'s new cards and every due review on the day', () => {
    const settings = { ...DEFAULT_SETTINGS, interviewDate: '2026-12-07' };
    const news: QueueCandidate[] = Array.from({ length: 360 }, (_, i) => ({ ...fresh(i), cardId: `n${i}`, difficulty: 0, lapses: 0, order: i }));
    const due: QueueCandidate[] = Array.from({ length: 260 }, (_, i) => ({
      cardId: `r${i}`, deckId: 'a', state: 2 as const, stability: 5, difficulty: 5, lapses: 0, due: NOW - DAY, last_review: NOW - 6 * DAY, inactive: 0 as const,
    }));
    const states = [...news, ...due];
    const plan = planInterview({
      now: NOW, zone: 'UTC', interviewDate: settings.interviewDate, target: 0.9, newPerDay: settings.newPerDay,
      cards: states.map((s) => ({ deckId: s.deckId, state: s.state, stability: s.stability, lastReview: s.last_review, due: s.due, suspended: false })),
    })!;
    const limits = studyLimits(settings, NOW, { states, zone: 'UTC' });
    const queue = buildQueue({ states, newDoneToday: {}, reviewsDoneToday: {}, now: NOW, ...limits });
    expect(plan.newPerDay).toBe(40);
    expect(queue.filter((q) => q.kind === 'new')).toHaveLength(plan.newPerDay);
    // 260 reviews are due in one deck, above the learner's 200 a day: the plan lets them all through.
    expect(queue.filter((q) => q.kind === 'review')).toHaveLength(260);
    expect(plan.reviewsPerDay).toBeGreaterThanOrEqual(Math.ceil(260 / 10));
    // Learning steps are counted apart from the cards: two steps after each new card's first showing.
    expect(plan.learningTapsPerDay).toBeGreaterThanOrEqual(Math.floor((360 * 2) / 10));
    expect(plan.answersPerDay).toBeGreaterThanOrEqual(plan.learningTapsPerDay + plan.reviewsPerDay);
  });
});
