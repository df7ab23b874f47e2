// Automatic local backups: after a day with reviews, a gzip snapshot of the whole collection is kept in IndexedDB,
// rotated to the last 7 daily and 4 weekly ones within a byte budget (domain/backups.ts).
import { snapshotsToKeep, uncoveredReviewWindow } from '../domain/backups';
import { decodeSnapshot, encodeSnapshot } from '../io/snapshot';
import type { ParsedBackup } from '../io/backup';
import type { Result } from '../io/result';
import { countsOf, snapshotCollection } from './backup';
import { db, type SnapshotRecord } from './db';

export type SnapshotSummary = Omit<SnapshotRecord, 'gzip'> & { id: number };

/** Takes a snapshot when a finished day has reviews not yet in one; returns it (null when none was due). */
export async function takeSnapshotIfDue(now: number): Promise<SnapshotSummary | null> {
  const last = await db.snapshots.orderBy('createdAt').last();
  const { from, to } = uncoveredReviewWindow(last?.createdAt ?? null, now);
  if (from >= to || (await db.reviews.where('review').between(from, to, false, false).count()) === 0) return null;
  const collection = await snapshotCollection();
  // Compressed outside the write transaction: IndexedDB commits a transaction that waits on anything else.
  const gzip = await encodeSnapshot(collection, now);
  const { decks, cards, reviews } = countsOf(collection);
  const record: SnapshotRecord = { createdAt: now, decks, cards, reviews, size: gzip.byteLength, gzip };
  return db.transaction('rw', db.snapshots, async () => {
    const id = (await db.snapshots.add(record)) as number;
    const all: { id: number; createdAt: number; size: number }[] = [];
    await db.snapshots.each((s) => all.push({ id: s.id!, createdAt: s.createdAt, size: s.size }));
    const keep = snapshotsToKeep(all);
    await db.snapshots.bulkDelete(all.filter((s) => !keep.has(s.id)).map((s) => s.id));
    return summaryOf({ ...record, id });
  });
}

const summaryOf = ({ gzip: _gzip, ...rest }: SnapshotRecord & { id: number }): SnapshotSummary => rest;

/** Newest first, without the compressed payloads. */
export async function listSnapshots(): Promise<SnapshotSummary[]> {
  const out: SnapshotSummary[] = [];
  await db.snapshots.orderBy('createdAt').reverse().each((s) => out.push(summaryOf(s as SnapshotRecord & { id: number })));
  return out;
}

/** Reads one snapshot back as a validated backup, ready for the restore preview. */
export async function readSnapshot(id: number, source: string, now: number): Promise<Result<ParsedBackup>> {
  const record = await db.snapshots.get(id);
  if (!record) return { ok: false, error: { code: 'invalid', message: 'That automatic backup is no longer kept. Nothing was changed.' } };
  return decodeSnapshot(record.gzip, source, now);
}
