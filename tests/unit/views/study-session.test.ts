import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real bundled decks are fetched over HTTP, which unit tests don't serve; these tests seed their own deck.
vi.mock('../../../src/lib/db/bundled', async (importActual) => ({
  ...(await importActual<typeof import('../../../src/lib/db/bundled')>()),
  updateBundledDecks: async () => [],
}));
import { db } from '../../../src/lib/db/db';
import { mergeBundledDeck } from '../../../src/lib/db/bundled';
import { saveSettings } from '../../../src/lib/db/settings';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import { StudySession } from '../../../src/views/study/study-session.svelte';
import { HomeState } from '../../../src/views/home/home-state.svelte';
import { studyDeck } from '../../fixtures/study-deck';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime();
const MIN = 60_000;

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await mergeBundledDeck(studyDeck(), NOW);
});

describe('StudySession', () => {
  it('shows new cards in deck order, reveals with intervals and suggests a grade from the response', async () => {
    const session = new StudySession({ deckId: 'test-deck', mode: 'normal' });
    await session.load(NOW);
    expect(session.status).toBe('question');
    expect(session.card?.id).toBe('test-deck-basic');
    expect(session.remaining).toEqual({ new: 5, learning: 0, review: 0 });
    session.reveal(NOW + 1000);
    expect(session.status).toBe('revealed');
    expect(session.suggested).toBeNull();
    expect(session.previews![1].intervalLabel).toBe('1m');
    expect(session.previews![3].intervalLabel).toBe('10m');
    await session.answer(3, NOW + 2000);
    expect(session.card?.id).toBe('test-deck-cloze');
    // The first card is in learning again in 10 minutes.
    expect(session.remaining).toEqual({ new: 4, learning: 1, review: 0 });
    expect(await db.reviews.count()).toBe(1);

    session.reveal(NOW + 3000);
    await session.answer(3, NOW + 4000);
    expect(session.card?.kind).toBe('choice');
    session.response.choice = [1];
    session.reveal(NOW + 5000);
    expect(session.suggested).toBe(1);
  });

  it('undo restores the exact previous state, removes the log and shows the card again', async () => {
    const session = new StudySession({ deckId: 'test-deck', mode: 'normal' });
    await session.load(NOW);
    const before = await db.states.get('test-deck-basic');
    session.reveal(NOW);
    await session.answer(4, NOW + 1000);
    expect(session.canUndo).toBe(true);
    await session.undo(NOW + 2000);
    expect(await db.states.get('test-deck-basic')).toEqual(before);
    expect(await db.reviews.count()).toBe(0);
    expect(session.card?.id).toBe('test-deck-basic');
    expect(session.status).toBe('question');
    expect(session.remaining.new).toBe(5);
    expect(session.canUndo).toBe(false);
  });

  it('stops at the daily new-card limit and offers more new cards, then says when the next card is due', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 2 });
    const session = new StudySession({ deckId: null, mode: 'normal' });
    await session.load(NOW);
    expect(session.remaining.new).toBe(2);
    for (let i = 0; i < 2; i++) {
      session.reveal(NOW);
      await session.answer(4, NOW + i);
    }
    expect(session.status).toBe('done');
    expect(session.moreNewAvailable).toBe(true);
    expect(session.nextDue).toBeGreaterThan(NOW + 86_400_000 / 2);

    const again = new StudySession({ deckId: null, mode: 'normal' });
    await again.load(NOW + MIN);
    expect(again.status).toBe('done');

    const more = new StudySession({ deckId: null, mode: 'extra-new' });
    await more.load(NOW + MIN);
    expect(more.remaining.new).toBe(3);
  });

  it('brings a card answered Again back in the same session', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 1 });
    const session = new StudySession({ deckId: 'test-deck', mode: 'normal' });
    await session.load(NOW);
    session.reveal(NOW);
    await session.answer(1, NOW);
    expect(session.status).toBe('question');
    expect(session.card?.id).toBe('test-deck-basic');
    expect(session.remaining).toEqual({ new: 0, learning: 1, review: 0 });
  });

  it('reviews ahead: cards not yet due, each once', async () => {
    const first = new StudySession({ deckId: 'test-deck', mode: 'normal' });
    await first.load(NOW);
    for (let i = 0; i < 5; i++) {
      first.reveal(NOW);
      await first.answer(4, NOW);
    }
    expect(first.status).toBe('done');
    expect(first.reviewAheadAvailable).toBe(true);
    const ahead = new StudySession({ deckId: 'test-deck', mode: 'ahead' });
    await ahead.load(NOW + MIN);
    expect(ahead.remaining.review).toBe(5);
    for (let i = 0; i < 5; i++) {
      ahead.reveal(NOW + MIN);
      await ahead.answer(3, NOW + MIN);
    }
    expect(ahead.status).toBe('done');
  });
});

describe('siblings', () => {
  /** Two facts with three forms each, and one card of its own: what a learner sees after the generator groups forms. */
  async function siblingDeck() {
    await Promise.all(db.tables.map((t) => t.clear()));
    const base = studyDeck('sib');
    const forms = (note: string) => base.cards.slice(0, 3).map((c) => ({ ...c, id: `${note}-${c.kind}`, noteId: note }));
    await mergeBundledDeck({ ...base, cards: [...forms('create'), ...forms('start'), { ...base.cards[4], id: 'alone' }] }, NOW);
  }

  /** Answers Easy until the session is done; the ids of the cards shown. */
  async function answerEveryCard(session: StudySession): Promise<string[]> {
    const shown: string[] = [];
    while (session.status === 'question') {
      shown.push(session.card!.id);
      session.reveal(NOW);
      await session.answer(4, NOW);
    }
    return shown;
  }

  it('shows one card of a note per day; the home counts say so, and extra new cards wait for tomorrow', async () => {
    await siblingDeck();
    const home = new HomeState();
    await home.refresh(NOW);
    // Three notes: one card of each today, and the other four forms on later days.
    expect(home.decks[0].counts).toEqual({ new: 3, learning: 0, due: 0, waiting: 4 });
    expect(home.total).toEqual({ new: 3, learning: 0, due: 0, waiting: 4 });
    const studyAll = new StudySession({ deckId: null, mode: 'normal' });
    await studyAll.load(NOW);
    expect(studyAll.remaining).toEqual({ new: 3, learning: 0, review: 0 });
    const session = new StudySession({ deckId: 'sib', mode: 'normal' });
    await session.load(NOW);
    expect(session.remaining).toEqual({ new: 3, learning: 0, review: 0 });
    expect(await answerEveryCard(session)).toEqual(['create-basic', 'start-basic', 'alone']);
    expect(session.moreNewAvailable).toBe(false);

    const tomorrow = new StudySession({ deckId: 'sib', mode: 'normal' });
    await tomorrow.load(NOW + 86_400_000);
    expect(tomorrow.card?.id).toBe('create-cloze');
    expect(tomorrow.remaining.new).toBe(2);
  });

  it('after an undo the card gets its note’s place back, and extra new cards still skip siblings', async () => {
    await siblingDeck();
    await saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 1 });
    const session = new StudySession({ deckId: 'sib', mode: 'extra-new' });
    await session.load(NOW);
    session.reveal(NOW);
    await session.answer(4, NOW);
    expect(session.remaining.new).toBe(2);
    await session.undo(NOW);
    expect(session.card?.id).toBe('create-basic');
    expect(session.remaining.new).toBe(3);
    expect(await answerEveryCard(session)).toEqual(['create-basic', 'start-basic', 'alone']);
  });
});

describe('weakest-first drill', () => {
  it('shows reviewed cards of a tag even when none is due, each once', async () => {
    const first = new StudySession({ deckId: 'test-deck', mode: 'normal' });
    await first.load(NOW);
    for (let i = 0; i < 5; i++) {
      first.reveal(NOW);
      await first.answer(4, NOW);
    }
    const drill = new StudySession({ deckId: null, mode: 'weakest', tag: 'cli' });
    await drill.load(NOW + MIN);
    expect(drill.title).toBe('All decks · cli');
    expect(drill.remaining).toEqual({ new: 0, learning: 0, review: 2 });
    for (let i = 0; i < 2; i++) {
      drill.reveal(NOW + MIN);
      await drill.answer(3, NOW + MIN);
    }
    expect(drill.status).toBe('done');
  });
});

describe('interview plan', () => {
  it('raises today’s new-card limit alike on the deck list and in the session when the interview is close', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 1, interviewDate: '2026-11-04' });
    const home = new HomeState();
    await home.refresh(NOW);
    const session = new StudySession({ deckId: 'test-deck', mode: 'normal' });
    await session.load(NOW);
    expect(session.remaining.new).toBeGreaterThan(1);
    expect(home.decks[0].counts.new).toBe(session.remaining.new);
  });
});

describe('HomeState', () => {
  it('lists decks with card counts and today’s counts, which change after studying', async () => {
    const home = new HomeState();
    await home.refresh(NOW);
    expect(home.decks).toEqual([
      { id: 'test-deck', title: 'Test deck', description: 'Every card kind once.', cardCount: 5, counts: { new: 5, learning: 0, due: 0, waiting: 0 } },
    ]);
    const session = new StudySession({ deckId: 'test-deck', mode: 'normal' });
    await session.load(NOW);
    session.reveal(NOW);
    await session.answer(1, NOW);
    await home.refresh(NOW + 1000);
    expect(home.decks[0].counts).toEqual({ new: 4, learning: 1, due: 0, waiting: 0 });
    expect(home.total).toEqual({ new: 4, learning: 1, due: 0, waiting: 0 });
  });

  it('an answer that hits the storage quota keeps the card on screen with a message and writes nothing', async () => {
    const session = new StudySession({ deckId: 'test-deck', mode: 'normal' });
    await session.load(NOW);
    session.reveal(NOW + 1000);
    const before = await db.states.get('test-deck-basic');
    // IndexedDB itself refuses the review log's write, whichever layer of Dexie the answer writes through.
    const realAdd = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'reviews') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realAdd.apply(this, args);
    };
    try {
      await session.answer(3, NOW + 2000);
    } finally {
      IDBObjectStore.prototype.add = realAdd;
    }
    expect(session.status).toBe('revealed');
    expect(session.card?.id).toBe('test-deck-basic');
    expect(session.saveProblem).toMatch(/not saved: the device is out of storage space/);
    expect(await db.states.get('test-deck-basic')).toEqual(before);
    expect(await db.reviews.count()).toBe(0);
    await session.answer(3, NOW + 3000);
    expect(session.saveProblem).toBeNull();
    expect(await db.reviews.count()).toBe(1);
  });
});
