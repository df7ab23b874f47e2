// Reads for the deck list and the study session: states (with new-card order) without loading card content,
// and card content only for the cards about to be shown.
import Dexie from 'dexie';
import { db, type CardRecord, type CardStateRecord, type DeckRecord } from './db';
import { byDue, queueParts, type QueueInput, type QueueMode } from '../domain/queue';

export type StudyState = CardStateRecord & { order: number; deckRank?: number };

/** Decks as the deck list orders them: by title. */
export const byDeckTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);

/** Card ids of a deck in deck order, read from the [deckId+order] index alone. */
async function orderedIds(deckId: string): Promise<string[]> {
  return (await db.cards.where('[deckId+order]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).primaryKeys()) as string[];
}

/** States of one deck, or of every deck when deckId is null; optionally only cards with a tag. Reads them all. */
export async function loadStudyStates(deckId: string | null, tag?: string): Promise<StudyState[]> {
  return db.transaction('r', db.decks, db.cards, db.states, async () => {
    const states = deckId ? await db.states.where('deckId').equals(deckId).toArray() : await db.states.toArray();
    const deckIds = [...new Set(states.map((s) => s.deckId))];
    const order = new Map<string, number>();
    for (const id of deckIds) (await orderedIds(id)).forEach((cardId, i) => order.set(cardId, i));
    const rank = new Map((await db.decks.toArray()).sort(byDeckTitle).map((d, i) => [d.id, i]));
    let result = states.map((s) => ({ ...s, order: order.get(s.cardId) ?? Number.MAX_SAFE_INTEGER, deckRank: rank.get(s.deckId) ?? Number.MAX_SAFE_INTEGER }));
    if (tag) {
      const tagged = new Set((await db.cards.where('tags').equals(tag).primaryKeys()) as string[]);
      result = result.filter((s) => tagged.has(s.cardId));
    }
    return result;
  });
}

export async function loadCards(ids: string[]): Promise<Map<string, CardRecord>> {
  const cards = await db.cards.bulkGet(ids);
  return new Map(cards.filter((c): c is CardRecord => !!c).map((c) => [c.id, c]));
}

export function listDecks(): Promise<DeckRecord[]> {
  return db.decks.toArray();
}

/** What a session shows today, without the states: its mode, limits and today's counts (a QueueInput's other half). */
export type SliceInput = Omit<QueueInput, 'states'>;

interface DeckSlice {
  deckId: string;
  states: StudyState[];
  /** Reviews (or new cards) were cut at the bound: more exist than were read. */
  moreReviews: boolean;
  moreNew: boolean;
  /** The last review read (in due order), when it was cut at the bound. */
  lastReview?: StudyState;
}

const first = (allowance: number) => 2 * Math.max(0, allowance) + 10;

/**
 * The states a session needs to show exactly what buildQueue would show over the whole collection, read through the
 * indexes and bounded by today's limits: per deck, every active learning card, the first reviews due by the cutoff
 * (or after it, reviewing ahead) in due order, and the first new cards in deck order. A deck whose slice could hide a
 * card the queue would pick (siblings skipped past the bound) is read again with a larger bound. 'weakest' ranks every
 * review of the decks, so it reads them all (an index range, one deck at a time).
 */
export async function loadStudySlice(deckIds: readonly string[], input: SliceInput): Promise<StudyState[]> {
  const mode = input.mode ?? 'normal';
  const extra = mode === 'extra-new' ? (input.extraNew ?? 10) : 0;
  const reviewBound = new Map(deckIds.map((d) => [d, first(mode === 'ahead' ? (input.aheadCount ?? 50) : input.reviewLimit - (input.reviewsDoneToday[d] ?? 0))]));
  const newBound = new Map(deckIds.map((d) => [d, mode === 'ahead' ? 0 : first(input.newLimit + extra - (input.newDoneToday[d] ?? 0))]));
  const rank = new Map((await db.decks.toArray()).sort(byDeckTitle).map((d, i) => [d.id, i]));
  for (;;) {
    const slices = await db.transaction('r', db.cards, db.states, () =>
      Promise.all(deckIds.map((d) => deckSlice(d, rank.get(d) ?? Number.MAX_SAFE_INTEGER, mode, input.reviewCutoff, reviewBound.get(d)!, newBound.get(d)!))),
    );
    const states = slices.flatMap((s) => s.states);
    const parts = queueParts({ ...input, states });
    let grow = false;
    for (const slice of slices) {
      const picked = (list: { deckId: string }[]) => list.filter((s) => s.deckId === slice.deckId).length;
      const d = slice.deckId;
      // Short of the deck's allowance while more exist: they might be picked. Ahead takes the session's first
      // reviews across decks: the unread ones of a deck come after its last one read, so they matter only when
      // the session is short or that last one is not after the last pick.
      const lastPick = parts.reviews.at(-1);
      const reviewsShort =
        mode === 'ahead'
          ? parts.reviews.length < (input.aheadCount ?? 50) || !lastPick || !slice.lastReview || byDue(slice.lastReview, lastPick) <= 0
          : picked(parts.reviews) < input.reviewLimit - (input.reviewsDoneToday[d] ?? 0);
      if (slice.moreReviews && reviewsShort) {
        reviewBound.set(d, reviewBound.get(d)! * 4);
        grow = true;
      }
      if (slice.moreNew && picked(parts.fresh) < input.newLimit + extra - (input.newDoneToday[d] ?? 0)) {
        newBound.set(d, newBound.get(d)! * 4);
        grow = true;
      }
    }
    if (!grow) return states;
  }
}

async function deckSlice(deckId: string, deckRank: number, mode: QueueMode, cutoff: number, reviewBound: number, newBound: number): Promise<DeckSlice> {
  const index = db.states.where('[deckId+inactive+state+due]');
  const range = (state: number, from: number, to: number, includeFrom = true) => index.between([deckId, 0, state, from], [deckId, 0, state, to], includeFrom, true);
  const [learning, relearning, reviews, fresh] = await Promise.all([
    range(1, -Infinity, Infinity).toArray(),
    range(3, -Infinity, Infinity).toArray(),
    mode === 'weakest'
      ? range(2, -Infinity, Infinity).toArray()
      : mode === 'ahead'
        ? range(2, cutoff, Infinity, false).limit(reviewBound).toArray()
        : range(2, -Infinity, cutoff).limit(reviewBound).toArray(),
    firstNewCards(deckId, newBound),
  ]);
  const reviewed = [...learning, ...relearning, ...reviews].map((s) => ({ ...s, order: Number.MAX_SAFE_INTEGER, deckRank }));
  return {
    deckId,
    states: [...reviewed, ...fresh.states.map((s) => ({ ...s, deckRank }))],
    moreReviews: mode !== 'weakest' && reviews.length === reviewBound,
    moreNew: fresh.more,
    lastReview: reviews.length === reviewBound ? reviewed.at(-1) : undefined,
  };
}

/**
 * The first `count` active new cards of a deck in deck order: card ids a page at a time from [deckId+order] (keys
 * only), their states by key. It reads past the cards already introduced, so it costs what the learner has studied
 * ahead of the first new card, in keys.
 */
async function firstNewCards(deckId: string, count: number): Promise<{ states: StudyState[]; more: boolean }> {
  const found: StudyState[] = [];
  if (count <= 0) return { states: found, more: false };
  let offset = 0;
  let page = Math.max(64, 2 * count);
  for (;;) {
    const ids = (await db.cards.where('[deckId+order]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).offset(offset).limit(page).primaryKeys()) as string[];
    const states = await db.states.bulkGet(ids);
    for (let i = 0; i < ids.length; i++) {
      const s = states[i];
      if (!s || s.state !== 0 || s.inactive !== 0 || s.deckId !== deckId) continue;
      if (found.length === count) return { states: found, more: true };
      found.push({ ...s, order: offset + i });
    }
    if (ids.length < page) return { states: found, more: false };
    offset += ids.length;
    page *= 2;
  }
}

/** States of the given cards only (the missed questions of a mock interview), in the order given. */
export async function loadStatesOf(cardIds: readonly string[]): Promise<StudyState[]> {
  const rank = new Map((await db.decks.toArray()).sort(byDeckTitle).map((d, i) => [d.id, i]));
  const states = await db.states.bulkGet([...cardIds]);
  return states.flatMap((s, i) => (s ? [{ ...s, order: i, deckRank: rank.get(s.deckId) ?? Number.MAX_SAFE_INTEGER }] : []));
}

/** When the next review or learning card of these decks falls due after `now` (new cards are not "due"), or null. */
export async function nextDueOf(deckIds: readonly string[], now: number): Promise<number | null> {
  const index = db.states.where('[deckId+inactive+state+due]');
  const firsts = await db.transaction('r', db.states, () =>
    Promise.all(deckIds.flatMap((d) => [1, 2, 3].map((state) => index.between([d, 0, state, now], [d, 0, state, Infinity], false, true).first()))),
  );
  const dues = firsts.flatMap((s) => (s ? [s.due] : []));
  return dues.length === 0 ? null : Math.min(...dues);
}
