// Joining and leaving a sync space on this device, and what sync keeps about itself (device table: never in a
// backup, never replaced by a restore).
import { db, type DrydockDB } from './db';
import { DEVICE_ONLY_SETTINGS, markLocalOnly, SYNC_KEYS, type SyncMembership } from './sync-outbox';

export interface SyncStatusRecord {
  lastSyncAt?: number;
  /** Words for the learner, or null after a good sync. */
  error: string | null;
  /** Machine-readable reason, for the screen to offer the right action. */
  errorCode: string | null;
}

export async function readMembership(d: DrydockDB = db): Promise<SyncMembership | null> {
  return ((await d.device.get(SYNC_KEYS.membership))?.value as SyncMembership | undefined) ?? null;
}

export async function readSyncStatus(d: DrydockDB = db): Promise<SyncStatusRecord> {
  return ((await d.device.get(SYNC_KEYS.status))?.value as SyncStatusRecord | undefined) ?? { error: null, errorCode: null };
}

export async function writeSyncStatus(status: SyncStatusRecord, d: DrydockDB = db): Promise<void> {
  await d.device.put({ key: SYNC_KEYS.status, value: status });
}

export async function readCursor(d: DrydockDB = db): Promise<number> {
  return ((await d.device.get(SYNC_KEYS.cursor))?.value as number | undefined) ?? 0;
}

export async function pendingCount(d: DrydockDB = db): Promise<number> {
  return d.outbox.count();
}

const CHUNK = 2000;

/**
 * Makes this device a member of a space and queues everything the other devices need from it, in one transaction:
 * the records are written back unchanged so the outbox middleware turns each into an operation. Bundled decks and
 * cards come with the app on every device; only what the learner made or changed of them is sent.
 */
export async function joinSpace(membership: SyncMembership, d: DrydockDB = db): Promise<void> {
  await d.transaction('rw', [d.device, d.outbox, d.clocks, d.cards, d.decks, d.settings, d.reviews], async () => {
    await d.outbox.clear();
    await d.device.bulkPut([
      { key: SYNC_KEYS.membership, value: membership },
      { key: SYNC_KEYS.cursor, value: 0 },
      { key: SYNC_KEYS.status, value: { error: null, errorCode: null } satisfies SyncStatusRecord },
    ]);
    const decks = await d.decks.toArray();
    const bundled = new Set(decks.filter((deck) => deck.origin === 'bundled').map((deck) => deck.id));
    await d.decks.bulkPut(decks.filter((deck) => !bundled.has(deck.id)));
    const cards = await d.cards.filter((c) => !bundled.has(c.deckId) || c.editedAt !== undefined || c.suspended === 1).toArray();
    for (let i = 0; i < cards.length; i += CHUNK) await d.cards.bulkPut(cards.slice(i, i + CHUNK));
    const settings = (await d.settings.toArray()).filter((row) => !DEVICE_ONLY_SETTINGS.has(row.key));
    await d.settings.bulkPut(settings);
    let lastId = 0;
    for (;;) {
      const reviews = await d.reviews.where('id').above(lastId).limit(CHUNK).toArray();
      if (reviews.length === 0) break;
      await d.reviews.bulkPut(reviews);
      lastId = reviews[reviews.length - 1].id!;
    }
  });
}

/** This device stops syncing: its collection stays as it is; what was not yet sent is dropped with the membership. */
export async function leaveSpace(d: DrydockDB = db): Promise<void> {
  await d.transaction('rw', [d.device, d.outbox, d.clocks], async (tx) => {
    markLocalOnly(tx);
    await d.outbox.clear();
    await d.clocks.clear();
    await d.device.bulkDelete([SYNC_KEYS.membership, SYNC_KEYS.cursor, SYNC_KEYS.status]);
  });
}

/** Pushed operations leave the outbox. */
export async function dropPushed(seqs: number[], d: DrydockDB = db): Promise<void> {
  await d.outbox.bulkDelete(seqs);
}
