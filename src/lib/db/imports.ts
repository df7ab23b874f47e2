// Importing decks into the collection. planImport reads the collection and works out, card by card, what an import
// would do (nothing is written); applyImport writes the plan in one read-write transaction, so all of it lands or none.
import { cardBack, cardFront, noteOf, type Card, type Deck } from '../domain/model';
import { stableId } from '../domain/ids';
import { mediaIdsIn, type MediaFile } from '../io/media';
import Dexie from 'dexie';
import { db, type CardRecord, type CardStateRecord, type DeckRecord, type MediaRecord } from './db';
import { newCardRecord, newStateRecord } from './records';

export type DuplicateChoice = 'update' | 'skip' | 'new';

export interface PlannedCard {
  card: Card;
  /** Already in the collection: by the same id, or (different id) by the same content. */
  match: null | { by: 'id' | 'content'; existingId: string; existingDeckId: string };
  /** What updating the matched card would lose (another kind, fields this file lacks); absent when nothing. */
  loses?: UpdateLoss;
}

export interface UpdateLoss {
  from: Card['kind'];
  to: Card['kind'];
  /** Fields the card has now and the file's card lacks or leaves empty. */
  fields: string[];
}

/** The fields a learner sees on a card of any kind (model.ts), and with them every other content field. */
const CARD_FIELDS = ['prompt', 'answer', 'explanation', 'text', 'options', 'correct', 'answers', 'statement', 'isTrue'];
const CARD_CONTENT = new Set(['kind', 'tags', 'noteId', 'provenance', ...CARD_FIELDS]);
const filled = (v: unknown) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

/** What replacing `existing` with `incoming` would drop; null when the update keeps the kind and every field. */
export function updateLoss(existing: Card, incoming: Card): UpdateLoss | null {
  const mine = existing as unknown as Record<string, unknown>;
  const theirs = incoming as unknown as Record<string, unknown>;
  const fields = CARD_FIELDS.filter((k) => filled(mine[k]) && !filled(theirs[k]));
  if (existing.kind === 'typed' && incoming.kind === 'typed' && incoming.answers.length < existing.answers.length) fields.push('answers');
  return existing.kind === incoming.kind && fields.length === 0 ? null : { from: existing.kind, to: incoming.kind, fields: [...new Set(fields)] };
}

export interface PlannedDeck {
  deck: Deck;
  /** True when a deck with this id already exists; its cards are merged into it. */
  exists: boolean;
  cards: PlannedCard[];
}

export interface ImportPlan {
  decks: PlannedDeck[];
  newCards: number;
  duplicates: number;
  /** Matched cards that "Update them" would turn into another kind or strip of fields (kept unless confirmed). */
  lossy: number;
  /** Images the file brought; those the written cards refer to are stored with them. */
  media: MediaFile[];
}

export const contentKey = (card: Card) => `${card.kind}\u241f${cardFront(card).trim().toLowerCase()}\u241f${cardBack(card).trim().toLowerCase()}`;

export async function planImport(decks: Deck[], media: MediaFile[] = []): Promise<ImportPlan> {
  return db.transaction('r', db.decks, db.cards, async () => {
    const existingDecks = new Set((await db.decks.toCollection().primaryKeys()) as string[]);
    const byContent = new Map<string, { id: string; deckId: string }>();
    const byId = new Map<string, CardRecord>();
    await db.cards.each((c) => {
      byId.set(c.id, c);
      const key = contentKey(c);
      if (!byContent.has(key)) byContent.set(key, { id: c.id, deckId: c.deckId });
    });
    let newCards = 0;
    let duplicates = 0;
    let lossy = 0;
    const planned = decks.map((deck): PlannedDeck => ({
      deck,
      exists: existingDecks.has(deck.id),
      cards: deck.cards.map((card): PlannedCard => {
        const sameIdDeck = byId.get(card.id)?.deckId;
        const sameContent = byContent.get(contentKey(card));
        const match = sameIdDeck !== undefined
          ? { by: 'id' as const, existingId: card.id, existingDeckId: sameIdDeck }
          : sameContent ? { by: 'content' as const, existingId: sameContent.id, existingDeckId: sameContent.deckId } : null;
        if (match) duplicates++;
        else newCards++;
        const loses = match ? updateLoss(byId.get(match.existingId)!, card) : null;
        if (loses) lossy++;
        return loses ? { card, match, loses } : { card, match };
      }),
    }));
    return { decks: planned, newCards, duplicates, lossy, media };
  });
}

/**
 * The plan with only the chosen cards: those in `dropped` are left out, those in `edits` are written as edited under
 * the same (generator's) id and keep their match. The new, duplicate and lossy counts follow the kept cards.
 */
export function keepChosen(plan: ImportPlan, dropped: ReadonlySet<string>, edits: ReadonlyMap<string, Card>): ImportPlan {
  let newCards = 0;
  let duplicates = 0;
  let lossy = 0;
  const decks = plan.decks.map((d): PlannedDeck => {
    const cards = d.cards.filter((p) => !dropped.has(p.card.id)).map((p): PlannedCard => {
      if (p.match) duplicates++;
      else newCards++;
      if (p.loses) lossy++;
      const edited = edits.get(p.card.id);
      return edited ? { ...p, card: { ...edited, id: p.card.id } } : p;
    });
    return { ...d, deck: { ...d.deck, cards: cards.map((p) => p.card) }, cards };
  });
  return { ...plan, decks, newCards, duplicates, lossy };
}

/** The images these cards refer to, as records; an image nothing written refers to is not stored. */
function mediaFor(cards: CardRecord[], media: MediaFile[], now: number): MediaRecord[] {
  if (media.length === 0) return [];
  const deckOf = new Map<string, string>();
  for (const card of cards) for (const id of mediaIdsIn(JSON.stringify(card))) if (!deckOf.has(id)) deckOf.set(id, card.deckId);
  return media.filter((m) => deckOf.has(m.id)).map((m) => ({ id: m.id, deckId: deckOf.get(m.id)!, type: m.type, name: m.name, bytes: m.bytes, createdAt: now }));
}

export interface ImportOutcome {
  added: number;
  updated: number;
  skipped: number;
  deckIds: string[];
}

/**
 * Writes the plan atomically. Progress (card states, history) of updated cards is kept; copies get fresh ids.
 * "update" leaves a richer card alone (see PlannedCard.loses) unless `replaceRicher` confirms it.
 */
/** Cards (and their states) written per request batch: the write reports progress, and can be cancelled, between them. */
export const WRITE_BATCH = 2_000;

/** Progress and Cancel for a write under way. */
export interface WriteControl {
  /** Aborting it aborts the transaction: nothing of the import is stored, and applyImport rejects with Dexie's AbortError. */
  signal?: AbortSignal;
  /** The fraction of the cards written so far (the transaction commits after the last). */
  onProgress?: (fraction: number) => void;
}

/** Splits rows into batches of `size`. */
export function batches<T>(rows: T[], size = WRITE_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function applyImport(plan: ImportPlan, choice: DuplicateChoice, now: number, origin: DeckRecord['origin'] = 'imported', replaceRicher = false, control: WriteControl = {}): Promise<ImportOutcome> {
  const { signal, onProgress } = control;
  signal?.throwIfAborted();
  let stopListening = () => {};
  return db.transaction('rw', [db.decks, db.cards, db.states, db.media], async () => {
    // Cancel aborts this transaction, whichever request it is waiting on.
    const tx = Dexie.currentTransaction;
    const abort = () => {
      try {
        tx.abort();
      } catch {
        // Already committing or finished: the import is then stored, and the outcome says so.
      }
    };
    signal?.addEventListener('abort', abort, { once: true });
    if (signal?.aborted) abort();
    stopListening = () => signal?.removeEventListener('abort', abort);
    const outcome: ImportOutcome = { added: 0, updated: 0, skipped: 0, deckIds: [] };
    const addCards: CardRecord[] = [];
    const addStates: CardStateRecord[] = [];
    const putCards: CardRecord[] = [];
    const taken = new Set<string>();
    /** Updated cards' note ids, for their states. */
    const regrouped = new Map<string, string>();
    // Re-read inside the transaction: the collection may have changed since the preview.
    // One key read tells which ids exist (a get per imported card costs as much as writing it); only those are read whole.
    const all = plan.decks.flatMap((d) => d.cards);
    const stored = new Set((await db.cards.toCollection().primaryKeys()) as string[]);
    const current = new Map<string, CardRecord>();
    const lookups = [...new Set(all.flatMap(({ card, match }) => (match ? [match.existingId, card.id] : [card.id])))].filter((id) => stored.has(id));
    (await db.cards.bulkGet(lookups)).forEach((c) => c && current.set(c.id, c));
    for (const { deck, cards } of plan.decks) {
      const existing = await db.decks.get(deck.id);
      const addedBefore = addCards.length;
      let order = ((await db.cards.where('[deckId+order]').between([deck.id, -Infinity], [deck.id, Infinity]).last())?.order ?? -1) + 1;
      for (const { card, match } of cards) {
        const old = current.get(match ? match.existingId : card.id);
        if (old && choice !== 'new') {
          // Checked again on the card as it is now: the collection may have changed since the preview.
          if (choice === 'skip' || (!replaceRicher && updateLoss(old, card) !== null)) {
            outcome.skipped++;
            continue;
          }
          // Updating replaces the content (note id included) but keeps the id, deck, position and the learner's progress.
          // The old content goes entirely, so a card that changes kind keeps no field of its former kind.
          const keep = Object.fromEntries(Object.entries(old).filter(([k]) => !CARD_CONTENT.has(k) && k !== 'editedAt'));
          const updated = { ...keep, ...structuredClone(card), id: old.id, deckId: old.deckId, order: old.order, updatedAt: now } as CardRecord;
          putCards.push(updated);
          regrouped.set(updated.id, noteOf(updated));
          outcome.updated++;
          continue;
        }
        let id = card.id;
        for (let n = 1; taken.has(id) || stored.has(id); n++) id = stableId(card.id, 'copy', String(now), String(n));
        taken.add(id);
        addCards.push(newCardRecord({ ...card, id }, deck.id, order++, now));
        addStates.push(newStateRecord(id, deck.id, now, noteOf({ ...card, id })));
        outcome.added++;
      }
      // A deck is created only when cards land in it: re-importing an update must not leave an empty twin deck.
      if (!existing && addCards.length > addedBefore) {
        await db.decks.add({ id: deck.id, title: deck.title, description: deck.description, tags: [...deck.tags], source: deck.source, origin, createdAt: now, updatedAt: now });
      } else if (existing) await db.decks.update(deck.id, { updatedAt: now });
      const touched = cards.map((c) => current.get(c.match ? c.match.existingId : c.card.id)?.deckId);
      for (const id of [deck.id, ...touched]) {
        if (id && (id !== deck.id || existing || addCards.length > addedBefore) && !outcome.deckIds.includes(id)) outcome.deckIds.push(id);
      }
    }
    // In batches, at most two in flight: the database always has the next batch queued, so the write keeps its pace,
    // and Cancel finds few requests ahead of its abort (with every request queued at once, the database worked through
    // them all before aborting). Each batch reports progress.
    const total = putCards.length + addCards.length;
    let written = 0;
    let previous: Promise<void> = Promise.resolve();
    const write = async (requests: Promise<unknown>, count: number) => {
      const current = requests.then(() => {
        written += count;
        if (total > 0) onProgress?.(written / total);
      });
      // Awaited below (or by the next batch); until then a failure must not count as unhandled.
      current.catch(() => undefined);
      await previous;
      previous = current;
    };
    for (const rows of batches(putCards)) await write(db.cards.bulkPut(rows), rows.length);
    const stateBatches = batches(addStates);
    for (const [i, rows] of batches(addCards).entries()) await write(Promise.all([db.cards.bulkAdd(rows), db.states.bulkAdd(stateBatches[i])]), rows.length);
    await previous;
    await db.states.bulkUpdate([...regrouped].map(([key, noteId]) => ({ key, changes: { noteId } })));
    await db.media.bulkPut(mediaFor([...putCards, ...addCards], plan.media, now));
    return outcome;
  }).finally(() => stopListening());
}
