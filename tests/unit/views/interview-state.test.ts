import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { loadSettings, saveSettings } from '../../../src/lib/db/settings';
import { InterviewState } from '../../../src/views/home/interview-state.svelte';
import { planInterview, type InterviewPlan } from '../../../src/lib/domain/interview-plan';
import { buildQueue, deckCounts, type QueueCandidate } from '../../../src/lib/domain/queue';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import type { Deck } from '../../../src/lib/domain/model';
import { studyLimits } from '../../../src/lib/domain/study-limits';
import { isoOfDay, dayOf } from '../../../src/lib/domain/stats/days';

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
  newPace: 14,
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
    expect(state.countdown).toBe('Interview in 9 days — predicted recall 74.0%, target 90%');
    expect(state.dailyPlan()).toBe('About 14 new cards and 20 reviews a day until then, plus about 45 extra taps for learning steps; 120 new cards to meet.');
  });

  it('words tomorrow, today and a past date', async () => {
    const state = new InterviewState(async () => plan({ daysLeft: 1, newLeft: 0 }), 'UTC');
    await state.load(NOW);
    await state.setDate('2026-11-28', NOW);
    expect(state.countdown).toBe('Interview tomorrow — predicted recall 74.0%, target 90%');
    expect(state.dailyPlan()).toBe("About 14 new cards and 20 reviews a day until then, plus about 45 extra taps for learning steps; today's reviews include the cards due on the interview day.");
    const today = new InterviewState(async () => plan({ daysLeft: 0 }), 'UTC');
    await today.load(NOW);
    expect(today.countdown).toBe('Interview today — predicted recall 74.0%, target 90%. Good luck!');
    expect(today.dailyPlan()).toBe('');
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
    expect(state.dailyPlan()).toBe('Add a deck to get a study plan for the interview.');
  });

  it('states a steady pace until the day, and today\'s offer never above what study will show (days 1, 2 and 4)', async () => {
    // Six decks, 354 new cards, about three forms per fact: siblings keep some of today's new cards for later days.
    const DAY = 86_400_000;
    const sizes = { a: 85, b: 30, c: 58, d: 52, e: 85, f: 44 };
    const states: QueueCandidate[] = Object.entries(sizes).flatMap(([deckId, n]) =>
      Array.from({ length: n }, (_, i) => ({ cardId: `${deckId}${i}`, deckId, noteId: `${deckId}-fact-${Math.floor(i / 3)}`, order: i, due: NOW, state: 0 as const, stability: 0, difficulty: 0, lapses: 0, inactive: 0 as const })),
    );
    const interviewDate = isoOfDay(dayOf('UTC')(NOW) + 10);
    const settings = { ...DEFAULT_SETTINGS, interviewDate };
    await saveSettings(settings);
    const seen: Record<number, { pace: number; newLeft: number; daysLeft: number }> = {};
    for (let day = 1; day <= 4; day++) {
      const now = NOW + (day - 1) * DAY;
      const loader = async () =>
        planInterview({ now, zone: 'UTC', interviewDate, target: 0.9, newPerDay: settings.newPerDay, cards: states.map((s) => ({ ...s, lastReview: s.last_review, suspended: false })) });
      const limits = studyLimits(settings, now, { states, zone: 'UTC' });
      const home = deckCounts({ states, newDoneToday: {}, reviewsDoneToday: {}, now, ...limits });
      const state = new InterviewState(loader, 'UTC');
      await state.load(now);
      const text = state.dailyPlan(home.new);
      const match = /^About (\d+) new cards and \d+ reviews a day until then, plus about \d+ extra taps for learning steps; (\d+) new cards to meet\. Today: (\d+) new cards to study, up to (\d+) per deck\.$/.exec(text);
      expect(match, text).not.toBeNull();
      const [pace, newLeft, today, perDeck] = match!.slice(1).map(Number);
      const daysLeft = state.plan!.daysLeft;
      seen[day] = { pace, newLeft, daysLeft };
      // The pace meets every card by the day before the interview, and is no more than that needs.
      expect(pace * (daysLeft - 1)).toBeGreaterThanOrEqual(newLeft);
      expect((pace - 1) * (daysLeft - 1)).toBeLessThan(newLeft);
      // Today's offer is what Study all will really show, within the per-deck limit.
      expect(today).toBe(home.new);
      expect(today).toBeLessThan(6 * perDeck);
      // The learner keeps the pace: today's first new cards, in the order study shows them.
      const introduced = buildQueue({ states, newDoneToday: {}, reviewsDoneToday: {}, now, ...limits }).filter((q) => q.kind === 'new').slice(0, pace);
      for (const { cardId } of introduced) Object.assign(states.find((s) => s.cardId === cardId)!, { state: 2, stability: 5, last_review: now, due: now + 5 * DAY });
    }
    expect(seen[1]).toEqual({ pace: 40, newLeft: 354, daysLeft: 10 });
    expect(seen[2].daysLeft).toBe(9);
    expect(seen[4].daysLeft).toBe(7);
    for (const day of [2, 4]) expect(Math.abs(seen[day].pace - seen[1].pace)).toBeLessThanOrEqual(1);
  });

  it('shows the change after an Again: predicted recall to one decimal', async () => {
    const { mergeBundledDeck } = await import('../../../src/lib/db/bundled');
    const { answerCard } = await import('../../../src/lib/db/study');
    const deck: Deck = { formatVersion: 1, id: 'big', title: 'Big', description: '', tags: [], source: 't', cards: Array.from({ length: 354 }, (_, i) => ({ id: `c${i}`, kind: 'basic' as const, tags: [], prompt: `Q${i}`, answer: 'A' })) };
    await mergeBundledDeck(deck, NOW);
    for (let i = 0; i < 10; i++) await answerCard({ cardId: `c${i}`, rating: 3, now: NOW - 3 * 86_400_000 + i, durationMs: 1, source: 'study' });
    for (let i = 0; i < 10; i++) await answerCard({ cardId: `c${i}`, rating: 3, now: NOW - 86_400_000 + i, durationMs: 1, source: 'study' });
    const state = new InterviewState(undefined, 'UTC');
    await state.setDate('2026-12-06', NOW);
    const before = state.countdown;
    const recallBefore = state.plan!.predictedRecall;
    await answerCard({ cardId: 'c0', rating: 1, now: NOW, durationMs: 1, source: 'study' });
    await state.load(NOW + 1000);
    // The whole percent is the same; the decimal says what happened.
    expect(Math.round(state.plan!.predictedRecall * 100)).toBe(Math.round(recallBefore * 100));
    expect(state.plan!.predictedRecall).toBeLessThan(recallBefore);
    expect(before).toMatch(/^Interview in 9 days — predicted recall \d+\.\d%, target 90%$/);
    expect(state.countdown).not.toBe(before);
  });
});
