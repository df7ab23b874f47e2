// The limits the study screen and the deck list use: the same as studyLimits(), with the interview plan loaded only
// when an interview date is set.
import { describe, expect, it } from 'vitest';
import { todaysLimits } from '../../../src/lib/domain/today-limits';
import { studyLimits } from '../../../src/lib/domain/study-limits';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';

const NOW = Date.parse('2026-11-27T09:00:00Z');
const fresh = (i: number) => ({ deckId: i % 2 ? 'a' : 'b', state: 0 as const, stability: 0, due: NOW, inactive: 0 as const });

describe('todaysLimits', () => {
  it('gives the settings limits without an interview date, and the interview plan with one, as studyLimits does', async () => {
    const states = Array.from({ length: 360 }, (_, i) => fresh(i));
    const plain = { ...DEFAULT_SETTINGS, newPerDay: 7, reviewsPerDay: 70 };
    expect(await todaysLimits(plain, NOW, { states, zone: 'UTC' })).toEqual(studyLimits(plain, NOW, { states, zone: 'UTC' }));
    const interview = { ...DEFAULT_SETTINGS, interviewDate: '2026-12-01' };
    const planned = await todaysLimits(interview, NOW, { states, zone: 'UTC' });
    expect(planned).toEqual(studyLimits(interview, NOW, { states, zone: 'UTC' }));
    // The plan really applied: 180 new cards per deck over 3 days.
    expect(planned.newLimit).toBe(60);
  });
});
