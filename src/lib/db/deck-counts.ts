// The deck list's and the Library's figures without reading every state: today's new / learning / due counts are
// tallied (domain/deck-tally.ts) from index ranges that stop at today's limits, and each deck's totals are counted
// on index keys alone. Costs: a deck's learning cards, its reviews up to today's allowance (plus siblings passed
// over), and its cards in deck order up to today's new cards; totals are index keys up to a cap (no record read).
import Dexie from 'dexie';
import { db, type CardStateRecord } from './db';
import { DeckTally, type TallyLimits, type TallyToday } from '../domain/deck-tally';
import type { DeckCounts } from '../domain/queue';

const STATE_DUE = '[deckId+inactive+state+due]';

/** One state kind (0 new, 1 learning, 2 review, 3 relearning) of a deck's cards in study, from `from` due time on. */
function kindRange(deckId: string, state: number, from: number | typeof Dexie.minKey = Dexie.minKey, to: number | typeof Dexie.maxKey = Dexie.maxKey) {
  return db.states.where(STATE_DUE).between([deckId, 0, state, from], [deckId, 0, state, to], true, true);
}

/** Today's counts for each deck, as a normal study session of that deck would show them now. */
export async function loadDeckCounts(deckIds: readonly string[], limits: TallyLimits, today: TallyToday, now: number): Promise<Map<string, DeckCounts>> {
  return db.transaction('r', db.states, db.cards, async () => {
    const counts = new Map<string, DeckCounts>();
    for (const deckId of deckIds) counts.set(deckId, await countDeck(new DeckTally(deckId, limits, today, now), limits));
    return counts;
  });
}

async function countDeck(tally: DeckTally, limits: TallyLimits): Promise<DeckCounts> {
  const { deckId } = tally;
  const [learning, relearning] = await Promise.all([kindRange(deckId, 1).toArray(), kindRange(deckId, 3).toArray()]);
  tally.addLearning([...learning, ...relearning]);
  await offerReviews(tally, limits.reviewCutoff);
  return tally.counts(tally.newAllowance > 0 ? await offerNew(tally) : false);
}

/**
 * Due reviews in due order, a page at a time, until the allowance is met. Reviews due at the same moment (a whole
 * import can fall due in one millisecond) come in card-id order, the index's own; a page boundary inside such a tie
 * is passed with an offset, which skips keys without reading records.
 */
async function offerReviews(tally: DeckTally, cutoff: number): Promise<void> {
  const due = kindRange(tally.deckId, 2, Dexie.minKey, cutoff);
  // The interview plan may lift the review limit altogether: pages stay bounded.
  const size = Math.min(4096, Math.max(16, 2 * tally.reviewAllowance));
  for (let offset = 0; !tally.reviewsFull; offset += size) {
    const page = await due.clone().offset(offset).limit(size).toArray();
    tally.offerReviews(page);
    if (page.length < size) return;
  }
}

/**
 * New cards in deck order until today's allowance is met; true when every new card of the deck was offered. When
 * the deck has no more new cards than the allowance they are read directly; otherwise the deck's order is walked
 * from its start, so the cost grows with the cards already studied ahead of today's new ones.
 */
async function offerNew(tally: DeckTally): Promise<boolean> {
  const few = await kindRange(tally.deckId, 0).limit(tally.newAllowance + 1).toArray();
  if (few.length <= tally.newAllowance) {
    const cards = await db.cards.bulkGet(few.map((s) => s.cardId));
    const order = new Map(cards.map((c, i) => [few[i].cardId, c?.order ?? Number.MAX_SAFE_INTEGER]));
    tally.offerNew(few.sort((a, b) => order.get(a.cardId)! - order.get(b.cardId)! || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0)));
    return true;
  }
  const inOrder = db.cards.where('[deckId+order]').between([tally.deckId, Dexie.minKey], [tally.deckId, Dexie.maxKey]);
  let offset = 0;
  for (let size = 64; !tally.newFull; size = Math.min(4096, size * 2)) {
    const ids = (await inOrder.clone().offset(offset).limit(size).primaryKeys()) as string[];
    const states = await db.states.bulkGet(ids);
    tally.offerNew(states.filter((s): s is CardStateRecord => !!s && s.deckId === tally.deckId));
    if (ids.length < size) return true;
    offset += size;
  }
  return false;
}

/** Totals are counted exactly up to this many cards; a bigger deck says "10,000+". */
export const TOTALS_CAP = 10_000;

export interface DeckTotals {
  /** Cards in study: neither suspended nor retired. */
  inStudy: number;
  /** Cards the deck holds, suspended ones included, retired ones not (the Library's figure). */
  cards: number;
  suspended: number;
  /** The deck holds more than TOTALS_CAP cards: the figures above stop at the cap. */
  capped: boolean;
}

/**
 * Each deck's totals from index keys alone (no record read), up to `cap` cards: counting every key of a big deck
 * takes seconds at 100,000 cards and holds up every other read. The few cards out of study are read to tell
 * suspended from retired.
 */
export async function loadDeckTotals(deckIds: readonly string[], cap = TOTALS_CAP): Promise<Map<string, DeckTotals>> {
  return db.transaction('r', db.states, db.cards, async () => {
    const totals = new Map<string, DeckTotals>();
    for (const deckId of deckIds) {
      const inStudy = db.states.where('[deckId+inactive+due]').between([deckId, 0, Dexie.minKey], [deckId, 0, Dexie.maxKey]).limit(cap + 1).primaryKeys();
      const all = db.cards.where('deckId').equals(deckId).limit(cap + 1).primaryKeys();
      const outIds = db.states.where('[deckId+inactive+due]').between([deckId, 1, Dexie.minKey], [deckId, 1, Dexie.maxKey]).limit(cap + 1).primaryKeys();
      const [studying, cards, out] = await Promise.all([inStudy, all, outIds]);
      const outCards = await db.cards.bulkGet(out as string[]);
      const retired = outCards.filter((c) => c?.retired === 1).length;
      const capped = studying.length > cap || cards.length > cap || out.length > cap;
      totals.set(deckId, {
        inStudy: Math.min(cap, studying.length),
        cards: Math.min(cap, cards.length - retired),
        suspended: outCards.filter((c) => c && c.retired !== 1 && c.suspended === 1).length,
        capped,
      });
    }
    return totals;
  });
}

/** True when the deck has a card in study: a bundled deck this version no longer ships has none. */
export async function hasCardsInStudy(deckId: string): Promise<boolean> {
  return (await db.states.where('[deckId+inactive+due]').between([deckId, 0, Dexie.minKey], [deckId, 0, Dexie.maxKey]).first()) !== undefined;
}
