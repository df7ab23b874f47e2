// The deck list's and the Library's figures without reading every state: today's new / learning / due counts are
// tallied (domain/deck-tally.ts) from index ranges that stop at today's limits, and each deck's totals are counted
// on index keys alone. Costs: a deck's learning cards, its reviews and its new cards up to today's allowances (plus
// siblings passed over); totals are index keys up to a cap (no record read).
import Dexie from 'dexie';
import { db, type CardRecord } from './db';
import { backendDB, countKeys, result } from './count-in-steps';
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
    // Every deck's reads are asked for at once: a deck's few short reads are then not each a round trip of their own.
    const counts = await Promise.all(deckIds.map((deckId) => countDeck(new DeckTally(deckId, limits, today, now), limits)));
    return new Map(deckIds.map((deckId, i) => [deckId, counts[i]]));
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
 * The deck's new cards, a page at a time from the index, until today's allowance is met; true when every new card
 * of the deck was offered. The session introduces them in deck order, but the count does not depend on the order:
 * each note not yet taken today gives one card until the allowance is met. So no deck order is walked, and the cards
 * read are today's new cards plus the siblings passed over.
 */
async function offerNew(tally: DeckTally): Promise<boolean> {
  const fresh = kindRange(tally.deckId, 0);
  let offset = 0;
  for (let size = Math.max(16, 2 * tally.newAllowance); !tally.newFull; size = Math.min(4096, size * 2)) {
    const page = await fresh.clone().offset(offset).limit(size).toArray();
    tally.offerNew(page);
    if (page.length < size) return true;
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
 * takes seconds at 100,000 cards and holds up every other read. The keys are counted in steps (count-in-steps.ts) in
 * one read-only transaction per deck, and the few cards out of study are read to tell suspended from retired.
 * `stopped` is asked before each deck and each step: a screen that has closed stops the reads, since IndexedDB serves
 * a database's requests in turn and the next screen would wait behind them (a deck's 10,000 keys read in one request
 * held up the deck list opened next for half a second).
 */
export async function loadDeckTotals(deckIds: readonly string[], cap = TOTALS_CAP, stopped: () => boolean = () => false): Promise<Map<string, DeckTotals>> {
  const totals = new Map<string, DeckTotals>();
  const idb = await backendDB();
  for (const deckId of deckIds) {
    if (stopped()) break;
    const tx = idb.transaction(['states', 'cards'], 'readonly');
    const states = tx.objectStore('states').index('[deckId+inactive+due]');
    const cardStore = tx.objectStore('cards');
    const inStudy = IDBKeyRange.bound([deckId, 0, Dexie.minKey], [deckId, 0, Dexie.maxKey]);
    const outOfStudy = IDBKeyRange.bound([deckId, 1, Dexie.minKey], [deckId, 1, Dexie.maxKey]);
    const steps = { limit: cap + 1, stopped };
    const [studying, cards, out] = await Promise.all([
      countKeys(states, inStudy, steps),
      countKeys(cardStore.index('deckId'), IDBKeyRange.only(deckId), steps),
      result(states.getAllKeys(outOfStudy, cap + 1)) as Promise<string[]>,
    ]);
    if (studying === null || cards === null) break;
    const outCards = (await Promise.all(out.map((id) => result(cardStore.get(id))))) as (CardRecord | undefined)[];
    const retired = outCards.filter((c) => c?.retired === 1).length;
    totals.set(deckId, {
      inStudy: Math.min(cap, studying),
      cards: Math.min(cap, cards - retired),
      suspended: outCards.filter((c) => c && c.retired !== 1 && c.suspended === 1).length,
      capped: studying > cap || cards > cap || out.length > cap,
    });
  }
  return totals;
}

/** True when the deck has a card in study: a bundled deck this version no longer ships has none. */
export async function hasCardsInStudy(deckId: string): Promise<boolean> {
  return (await db.states.where('[deckId+inactive+due]').between([deckId, 0, Dexie.minKey], [deckId, 0, Dexie.maxKey]).first()) !== undefined;
}
