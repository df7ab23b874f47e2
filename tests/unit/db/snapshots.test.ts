import Dexie from 'dexie';
import { beforeEach, describe, expect, test } from 'vitest';
import { db, DrydockDB } from '../../../src/lib/db/db';
import { restoreCollection, snapshotCollection } from '../../../src/lib/db/backup';
import { applyImport, planImport } from '../../../src/lib/db/imports';
import { answerCard } from '../../../src/lib/db/study';
import { listSnapshots, readSnapshot, takeSnapshotIfDue } from '../../../src/lib/db/snapshots';
import { backupReminderStatus, recordBackupDownload, setBackupReminderOff } from '../../../src/lib/db/backup-reminder';
import { writeBackupInto, type BackupDirectory } from '../../../src/lib/db/backup-folder';
import { parseBackup } from '../../../src/lib/io/backup';
import { studyDeck } from '../../fixtures/study-deck';
import { inTimeZone } from '../../support/time-zone';

// Local times: the learner's days. 1 December 2026 is a Tuesday.
const at = (day: number, hour = 10) => new Date(2026, 11, day, hour).getTime();

async function collectionWithReviews(day: number, answers = 2): Promise<void> {
  const deck = studyDeck();
  if (!(await db.decks.get(deck.id))) await applyImport(await planImport([deck]), 'skip', at(1, 8));
  for (let i = 0; i < answers; i++) await answerCard({ cardId: deck.cards[i].id, rating: 3, now: at(day) + i * 1000, durationMs: 3000, source: 'study' });
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('schema version 5', () => {
  test('a database written by version 1 opens with its data and empty snapshot and device tables', async () => {
    const old = new Dexie('upgrade-from-1');
    old.version(1).stores({ decks: 'id, origin', cards: 'id, deckId, *tags, kind, [deckId+order]', states: 'cardId, deckId, due, state, [deckId+inactive+due], [deckId+inactive+state], [inactive+due]', reviews: '++id, cardId, deckId, review, [cardId+review], [deckId+review]', settings: 'key' });
    await old.table('decks').add({ id: 'd', title: 'Old deck', origin: 'user' });
    await old.table('reviews').add({ cardId: 'c', deckId: 'd', rating: 3, review: at(1) });
    old.close();
    const upgraded = new DrydockDB('upgrade-from-1');
    expect(await upgraded.decks.get('d')).toMatchObject({ title: 'Old deck' });
    expect(await upgraded.reviews.count()).toBe(1);
    expect(await upgraded.snapshots.count()).toBe(0);
    await upgraded.device.put({ key: 'k', value: 1 });
    expect(await upgraded.device.get('k')).toEqual({ key: 'k', value: 1 });
    await upgraded.delete();
  });
});

describe('automatic snapshots', () => {
  test('none without reviews, none while the day with reviews is still going, one the next day', async () => {
    await applyImport(await planImport([studyDeck()]), 'skip', at(1, 8));
    expect(await takeSnapshotIfDue(at(2))).toBeNull();
    await collectionWithReviews(1);
    expect(await takeSnapshotIfDue(at(1, 23))).toBeNull();
    const taken = await takeSnapshotIfDue(at(2, 7));
    expect(taken).toMatchObject({ createdAt: at(2, 7), decks: 1, cards: 5, reviews: 2 });
    expect(taken!.size).toBeGreaterThan(100);
    // Nothing new since: no second snapshot, on the same day or later.
    expect(await takeSnapshotIfDue(at(2, 20))).toBeNull();
    expect(await takeSnapshotIfDue(at(5))).toBeNull();
    expect(await listSnapshots()).toHaveLength(1);
  });

  test('a snapshot reads back as the collection it copied, and restores it after later changes', async () => {
    await collectionWithReviews(1);
    const before = await snapshotCollection();
    const { id } = (await takeSnapshotIfDue(at(2)))!;
    await collectionWithReviews(2, 3);
    await db.decks.clear();
    const parsed = await readSnapshot(id, 'the automatic backup', at(3));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.createdAt).toBe(at(2));
    await restoreCollection(parsed.value.snapshot);
    const after = await snapshotCollection();
    // Restore gives reviews fresh keys in their original order (a key from a file never reaches the key generator).
    const withoutIds = (reviews: typeof before.reviews) => reviews.map(({ id: _id, ...review }) => review);
    expect(withoutIds(after.reviews)).toEqual(withoutIds(before.reviews));
    expect(after.decks).toEqual(before.decks);
    expect(after.states).toEqual(before.states);
    // The restore replaced the collection only: the snapshots themselves are still there.
    expect(await listSnapshots()).toHaveLength(1);
  });

  test('a damaged snapshot gives a message, not an exception', async () => {
    await collectionWithReviews(1);
    const { id } = (await takeSnapshotIfDue(at(2)))!;
    await db.snapshots.update(id, { gzip: new Uint8Array([31, 139, 8, 0, 1, 2, 3]) });
    const parsed = await readSnapshot(id, 'automatic backup', at(3));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(/Nothing was changed/);
  });

  test('studying every day for 40 days keeps 7 daily and up to 4 weekly snapshots', async () => {
    for (let day = 1; day <= 40; day++) {
      await collectionWithReviews(day, 1);
      await takeSnapshotIfDue(at(day + 1, 7));
    }
    const kept = (await listSnapshots()).map((s) => new Date(s.createdAt).getDate());
    // Taken 2 Dec … 10 Jan, newest first: 4–10 Jan daily, then the Sundays 3 Jan, 27 Dec and 20 Dec for earlier weeks.
    expect(kept).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 27, 20]);
  });
});

describe('backup-file reminder', () => {
  test('due 14 days after the first review with nothing downloaded; a download resets it; it can be turned off', async () => {
    await collectionWithReviews(1);
    expect((await backupReminderStatus(at(10))).due).toBe(false);
    expect(await backupReminderStatus(at(16))).toEqual({ due: true, lastDownloadAt: null, reviewsSince: 2 });
    await recordBackupDownload(at(16));
    expect((await backupReminderStatus(at(40))).due).toBe(false);
    await collectionWithReviews(20, 1);
    expect(await backupReminderStatus(at(31))).toEqual({ due: true, lastDownloadAt: at(16), reviewsSince: 1 });
    await setBackupReminderOff(true);
    expect((await backupReminderStatus(at(31))).due).toBe(false);
  });

  test('device bookkeeping stays out of backups and survives a restore', async () => {
    await collectionWithReviews(1);
    await recordBackupDownload(at(2));
    const collection = await snapshotCollection();
    expect(Object.keys(collection)).not.toContain('device');
    await restoreCollection({ ...collection, settings: [] });
    expect((await backupReminderStatus(at(3))).lastDownloadAt).toBe(at(2));
  });
});

describe('backup folder', () => {
  test('writes the day’s backup file into the folder, replacing a file of the same name', async () => {
    await collectionWithReviews(1);
    const files = new Map<string, string>();
    const dir: BackupDirectory = {
      name: 'Backups',
      async getFileHandle(name) {
        return {
          async createWritable() {
            let text = '';
            return { write: async (blob: Blob) => void (text += await blob.text()), close: async () => void files.set(name, text) };
          },
        };
      },
    };
    expect(await writeBackupInto(dir, at(2))).toBe('drydock-backup-2026-12-02.json');
    await writeBackupInto(dir, at(2, 11));
    expect([...files.keys()]).toEqual(['drydock-backup-2026-12-02.json']);
    const parsed = await parseBackup(files.get('drydock-backup-2026-12-02.json')!, 'file', at(3));
    expect(parsed.ok && parsed.value.snapshot.reviews.length).toBe(2);
    // In Auckland the morning of 2 December is still 1 December in UTC: the file is named by the learner's day (it
    // was named by the UTC date, so one local day could leave two files, the first dated the day before).
    const morning = await inTimeZone('Pacific/Auckland', () => writeBackupInto(dir, Date.UTC(2026, 11, 1, 21)));
    const afternoon = await inTimeZone('Pacific/Auckland', () => writeBackupInto(dir, Date.UTC(2026, 11, 2, 1)));
    expect([morning, afternoon]).toEqual(['drydock-backup-2026-12-02.json', 'drydock-backup-2026-12-02.json']);
  });
});
