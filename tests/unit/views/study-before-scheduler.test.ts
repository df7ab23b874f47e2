// ts-fsrs loads after the first card is painted (scheduler-lazy.ts). A learner who reveals and answers before it has
// arrived sees the answer at once, the rating buttons when it has loaded, and the answer is stored exactly as usual.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/lib/db/bundled', async (importActual) => ({
  ...(await importActual<typeof import('../../../src/lib/db/bundled')>()),
  updateBundledDecks: async () => [],
}));
// The scheduler module is held back until the test lets it arrive.
let arrive: () => void = () => undefined;
const arrived = new Promise<void>((resolve) => (arrive = resolve));
let hasArrived = false;
vi.mock('../../../src/lib/domain/scheduler-lazy', async (importActual) => {
  const actual = await importActual<typeof import('../../../src/lib/domain/scheduler-lazy')>();
  return {
    loadScheduler: async () => {
      await arrived;
      hasArrived = true;
      return actual.loadScheduler();
    },
    schedulerIfLoaded: () => (hasArrived ? actual.schedulerIfLoaded() : null),
  };
});
import { db } from '../../../src/lib/db/db';
import { mergeBundledDeck } from '../../../src/lib/db/bundled';
import { createScheduler } from '../../../src/lib/domain/scheduler';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import { StudySession } from '../../../src/views/study/study-session.svelte';
import { studyDeck } from '../../fixtures/study-deck';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime();

describe('a study session before ts-fsrs has loaded', () => {
  it('shows the first card, reveals at once, and stores an early answer exactly as the scheduler decides', async () => {
    await mergeBundledDeck(studyDeck(), NOW);
    const session = new StudySession({ deckId: 'test-deck', mode: 'normal' });
    await session.load(NOW);
    expect(session.card?.id).toBe('test-deck-basic');
    const before = (await db.states.get('test-deck-basic'))!;

    const revealed = session.reveal(NOW + 1000);
    expect(session.status).toBe('revealed');
    expect(session.previews).toBeNull();

    // Answered (a key press) before the scheduler is there: the answer waits for it and nothing is written meanwhile.
    const answered = session.answer(3, NOW + 2000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.reviews.count()).toBe(0);

    arrive();
    await revealed;
    await answered;
    const expected = createScheduler(DEFAULT_SETTINGS).applyRating(before, 3, NOW + 2000);
    expect(await db.states.get('test-deck-basic')).toEqual({ ...expected.next, cardId: before.cardId, deckId: before.deckId, noteId: before.noteId, inactive: before.inactive });
    expect(await db.reviews.count()).toBe(1);
    expect(session.card?.id).toBe('test-deck-cloze');

    // From now on the reveal has its previews at once.
    session.reveal(NOW + 3000);
    expect(session.previews![3].intervalLabel).toBe('10m');
  });
});
