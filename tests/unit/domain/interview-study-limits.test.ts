import { describe, expect, it } from 'vitest';
import { studyLimits } from '../../../src/lib/domain/study-limits';
import { endOfLearnerDay } from '../../../src/lib/domain/day';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';

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
