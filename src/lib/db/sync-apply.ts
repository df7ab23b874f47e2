// Applying operations received from the other devices of the sync space: one transaction per page, together with
// the new pull cursor, so a page is merged whole or not at all. Reviews merge by union; versions of cards, decks and
// settings by last-writer-wins (a concurrent loser goes to `conflicts`); every card whose reviews changed gets its
// state replayed from them. Marked local-only: nothing applied here is sent back out.
import { db, type CardRecord, type CardStateRecord, type ClockRecord, type DeckRecord, type DrydockDB, type ReviewLogRecord } from './db';
import { markLocalOnly, SYNC_KEYS, versionValue } from './sync-outbox';
import { loadSettings } from './settings';
import { createScheduler, type Scheduler } from '../domain/scheduler';
import { entityKey, type SyncOp, type VersionOp } from '../domain/sync/operations';
import { decideVersion } from '../domain/sync/merge';
import { formatHlc, parseHlc, receive } from '../domain/sync/hlc';
import { replayReviews } from '../domain/sync/replay';
import { canonicalJson } from './bundled';
import { noteOf } from '../domain/model';

export interface ApplyReport {
  applied: number;
  conflicts: number;
}

export async function applyRemoteOps(ops: readonly SyncOp[], cursor: number, myDevice: string, now: number, database: DrydockDB = db): Promise<ApplyReport> {
  const d = database;
  return d.transaction('rw', [d.cards, d.decks, d.settings, d.reviews, d.states, d.clocks, d.conflicts, d.device], async (tx) => {
    markLocalOnly(tx);
    const report: ApplyReport = { applied: 0, conflicts: 0 };
    const replay = new Set<string>();
    let clock = parseHlc(((await d.device.get(SYNC_KEYS.clock))?.value as string | undefined) ?? '') ?? { wall: 0, counter: 0, device: myDevice };
    for (const op of ops) {
      if (op.device === myDevice) continue;
      if (op.type === 'review') {
        const exists = await d.reviews.where('uid').equals(op.review.uid).count();
        if (exists > 0) continue;
        const r = op.review;
        await d.reviews.add(placeholderReview(r.uid, r.cardId, r.deckId, r.rating, r.at, r.durationMs, r.source));
        replay.add(r.cardId);
        report.applied++;
      } else if (op.type === 'unreview') {
        const removed = await d.reviews.where('uid').equals(op.uid).delete();
        if (removed > 0) {
          replay.add(op.cardId);
          report.applied++;
        }
      } else {
        const remoteClock = parseHlc(op.hlc);
        if (remoteClock) clock = receive(clock, remoteClock, now);
        const outcome = await applyVersion(d, op, myDevice, now);
        if (outcome.applied) report.applied++;
        if (outcome.conflict) report.conflicts++;
        if (outcome.applied && op.entity === 'card') replay.add(op.key);
      }
    }
    if (replay.size > 0) await replayCards(d, [...replay], createScheduler(await loadSettings(d)));
    await d.device.bulkPut([
      { key: SYNC_KEYS.cursor, value: cursor },
      { key: SYNC_KEYS.clock, value: formatHlc(clock) },
    ]);
    return report;
  });
}

function placeholderReview(uid: string, cardId: string, deckId: string, rating: 1 | 2 | 3 | 4, at: number, durationMs: number, source: 'study' | 'mock'): ReviewLogRecord {
  // The FSRS "state before" fields are filled in by the replay that follows.
  return { uid, cardId, deckId, rating, review: at, durationMs, source, state: 0, due: at, stability: 0, difficulty: 0, elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0 };
}

async function localValue(d: DrydockDB, op: VersionOp): Promise<Record<string, unknown> | null> {
  const row = op.entity === 'card' ? await d.cards.get(op.key) : op.entity === 'deck' ? await d.decks.get(op.key) : await d.settings.get(op.key);
  return row ? versionValue(op.entity, row as unknown as Record<string, unknown>) : null;
}

async function applyVersion(d: DrydockDB, op: Extract<SyncOp, { type: 'version' }>, myDevice: string, now: number): Promise<{ applied: boolean; conflict: boolean }> {
  const key = entityKey(op.entity, op.key);
  const local: ClockRecord | undefined = await d.clocks.get(key);
  const mine = await localValue(d, op);
  const same = canonicalJson(mine) === canonicalJson(op.value);
  const decision = decideVersion(local, op, same);
  if (decision.conflictLoser) {
    const loserIsLocal = decision.conflictLoser === 'local';
    await d.conflicts.add({
      entity: op.entity,
      key: op.key,
      value: loserIsLocal ? mine : op.value,
      winner: loserIsLocal ? op.value : mine,
      loserDevice: loserIsLocal ? myDevice : op.device,
      at: now,
    });
  }
  if (!decision.apply) return { applied: false, conflict: decision.conflictLoser !== null };
  await d.clocks.put({ key, hlc: op.hlc, base: op.base });
  if (!same) await writeVersion(d, op);
  return { applied: !same, conflict: decision.conflictLoser !== null };
}

/**
 * Writes one version of a card, deck or setting (null: its deletion) into its table, keeping what each device holds
 * for itself (a card's retired flag, a deck's bundle hash). Used for versions received and for a conflict restored
 * here, so both leave the collection alike.
 */
export async function writeVersion(d: DrydockDB, { entity, key, value }: Pick<VersionOp, 'entity' | 'key' | 'value'>): Promise<void> {
  if (entity === 'setting') {
    if (value === null) await d.settings.delete(key);
    else await d.settings.put({ key, value: value.value });
  } else if (entity === 'deck') {
    if (value === null) await d.decks.delete(key);
    else {
      const existing = await d.decks.get(key);
      const deck = { ...(value as unknown as DeckRecord) };
      if (existing?.bundleHash !== undefined) deck.bundleHash = existing.bundleHash;
      await d.decks.put(deck);
    }
  } else if (value === null) {
    // The card goes; its reviews stay until an operation removes them, so a card brought back keeps its history.
    // Without a card there is nothing to replay them on: their "state before" fields take the same placeholder
    // values on every device, whichever device answered them.
    await d.cards.delete(key);
    await d.states.delete(key);
    const orphans = await d.reviews.where('cardId').equals(key).toArray();
    await d.reviews.bulkPut(orphans.map((r) => ({ ...placeholderReview(r.uid!, r.cardId, r.deckId, r.rating, r.review, r.durationMs, r.source), id: r.id })));
  } else {
    const existing = await d.cards.get(key);
    await d.cards.put({ ...(value as unknown as CardRecord), retired: existing?.retired ?? 0 });
  }
}

/** Rebuilds each card's state, and its reviews' "state before" fields, from its reviews in time order. */
export async function replayCards(d: DrydockDB, cardIds: string[], scheduler: Scheduler): Promise<void> {
  const cards = await d.cards.bulkGet(cardIds);
  for (const card of cards) {
    if (!card) continue;
    const reviews = await d.reviews.where('cardId').equals(card.id).toArray();
    const { state, steps } = replayReviews(scheduler, card.id, reviews, card.createdAt);
    const next: CardStateRecord = { ...state, cardId: card.id, deckId: card.deckId, noteId: noteOf(card), inactive: card.suspended || card.retired ? 1 : 0 };
    await d.states.put(next);
    await d.reviews.bulkPut(steps.map(({ review, log }) => ({ ...review, ...log, review: review.review, rating: review.rating, deckId: card.deckId })));
  }
}
