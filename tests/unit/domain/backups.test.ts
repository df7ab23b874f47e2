import { describe, expect, test } from 'vitest';
import { backupReminderDue, snapshotsToKeep, startOfWeek, uncoveredReviewWindow, type SnapshotInfo } from '../../../src/lib/domain/backups';

// Local times, like the learner's days: 2026-12-01 is a Tuesday.
const at = (day: number, hour = 9) => new Date(2026, 11, day, hour).getTime();
const DAY = 24 * 60 * 60 * 1000;

/** One snapshot a day at 09:00 from 1 December for `days` days (ids = day of the month). */
function daily(days: number, size = 1000): SnapshotInfo[] {
  return Array.from({ length: days }, (_, i) => ({ id: i + 1, createdAt: at(i + 1), size }));
}

describe('snapshot rotation', () => {
  test('keeps every snapshot while there are at most 7 days of them', () => {
    expect([...snapshotsToKeep(daily(7))].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('after 60 days: the last 7 days plus the newest of each of the last 4 weeks', () => {
    // 60 days from Tue 1 Dec end on Fri 29 Jan (id 60): the daily picks are 23–29 Jan (ids 54–60). Weekly picks, weeks
    // starting on Mondays: 60 (this week), Sun 24 Jan (55, already daily), Sun 17 Jan (48), Sun 10 Jan (41).
    const kept = [...snapshotsToKeep(daily(60))].sort((a, b) => a - b);
    expect(kept).toEqual([41, 48, 54, 55, 56, 57, 58, 59, 60]);
    expect(kept).toHaveLength(9);
  });

  test('two snapshots on one day: only the newer one counts for that day', () => {
    const snaps = [{ id: 1, createdAt: at(1, 8), size: 1 }, { id: 2, createdAt: at(1, 20), size: 1 }];
    expect([...snapshotsToKeep(snaps)]).toEqual([2]);
  });

  test('over the byte budget the oldest go first, and the newest stays even when it alone is over', () => {
    expect([...snapshotsToKeep(daily(5, 400), 1000)].sort((a, b) => a - b)).toEqual([4, 5]);
    expect([...snapshotsToKeep(daily(3, 5000), 1000)]).toEqual([3]);
  });

  test('weeks start on Monday', () => {
    expect(new Date(startOfWeek(at(6, 23))).toDateString()).toBe(new Date(2026, 10, 30).toDateString()); // Sunday 6 Dec → Monday 30 Nov
    expect(new Date(startOfWeek(at(7, 0))).getDate()).toBe(7); // Monday 7 Dec → itself
  });
});

describe('when a snapshot is due', () => {
  test('covers reviews after the last snapshot and before today began', () => {
    expect(uncoveredReviewWindow(at(1, 20), at(3, 10))).toEqual({ from: at(1, 20), to: new Date(2026, 11, 3).getTime() });
    expect(uncoveredReviewWindow(null, at(3, 10)).from).toBe(0);
  });
});

describe('backup reminder', () => {
  const base = { lastDownloadAt: at(1), firstReviewAt: at(1), reviewsSince: 12, off: false };

  test('reminds when the last download is over 14 days old and there are reviews since', () => {
    expect(backupReminderDue(base, at(1) + 14 * DAY + 1)).toBe(true);
    expect(backupReminderDue(base, at(1) + 14 * DAY)).toBe(false);
  });

  test('no reviews since the download, or turned off: no reminder', () => {
    expect(backupReminderDue({ ...base, reviewsSince: 0 }, at(1) + 30 * DAY)).toBe(false);
    expect(backupReminderDue({ ...base, off: true }, at(1) + 30 * DAY)).toBe(false);
  });

  test('never downloaded: counts from the first review', () => {
    expect(backupReminderDue({ ...base, lastDownloadAt: null, firstReviewAt: at(5) }, at(5) + 10 * DAY)).toBe(false);
    expect(backupReminderDue({ ...base, lastDownloadAt: null, firstReviewAt: at(5) }, at(5) + 15 * DAY)).toBe(true);
    expect(backupReminderDue({ ...base, lastDownloadAt: null, firstReviewAt: null, reviewsSince: 0 }, at(5) + 15 * DAY)).toBe(false);
  });
});
