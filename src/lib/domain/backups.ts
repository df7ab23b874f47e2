// Which automatic backups to keep, and when the next one is due. Pure: `now` is an argument; days and weeks are the
// learner's local ones (day.ts). The rotation follows restic's --keep-daily / --keep-weekly rules: for each of the last
// 7 days that have a backup, the newest one of that day; for each of the last 4 weeks that have one, the newest one of
// that week; a backup picked by either rule is kept.
import { DAY_MS, startOfLearnerDay } from './day';

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
/** All kept snapshots together stay under this many compressed bytes; beyond it the oldest go first. */
export const SNAPSHOT_BUDGET_BYTES = 20 * 1024 * 1024;

export interface SnapshotInfo {
  id: number;
  createdAt: number;
  size: number;
}

/** Start of the Monday-based week containing `at` (local time). */
export function startOfWeek(at: number): number {
  const day = new Date(startOfLearnerDay(at));
  const sinceMonday = (day.getDay() + 6) % 7;
  day.setDate(day.getDate() - sinceMonday);
  return day.getTime();
}

function newestPerPeriod(snapshots: SnapshotInfo[], periodOf: (at: number) => number, count: number): number[] {
  const seen = new Set<number>();
  const picked: number[] = [];
  for (const s of [...snapshots].sort((a, b) => b.createdAt - a.createdAt)) {
    const period = periodOf(s.createdAt);
    if (seen.has(period)) continue;
    seen.add(period);
    if (picked.length === count) break;
    picked.push(s.id);
  }
  return picked;
}

/** Ids of the snapshots to keep: the daily and weekly picks, trimmed oldest first to the byte budget (the newest always stays). */
export function snapshotsToKeep(snapshots: SnapshotInfo[], budget = SNAPSHOT_BUDGET_BYTES): Set<number> {
  const keep = new Set([...newestPerPeriod(snapshots, startOfLearnerDay, KEEP_DAILY), ...newestPerPeriod(snapshots, startOfWeek, KEEP_WEEKLY)]);
  const kept = snapshots.filter((s) => keep.has(s.id)).sort((a, b) => b.createdAt - a.createdAt);
  let total = 0;
  for (const [i, s] of kept.entries()) {
    total += s.size;
    if (i > 0 && total > budget) keep.delete(s.id);
  }
  return keep;
}

/**
 * The reviews a new snapshot would cover: those after the last snapshot and before today began. A snapshot is due when
 * this window holds a review, so each finished day with reviews is captured once, on the first check of a later day.
 */
export function uncoveredReviewWindow(lastSnapshotAt: number | null, now: number): { from: number; to: number } {
  return { from: lastSnapshotAt ?? 0, to: startOfLearnerDay(now) };
}

export const BACKUP_REMINDER_AFTER_MS = 14 * DAY_MS;

export interface ReminderInput {
  /** When a backup file was last downloaded on this device, or null if never. */
  lastDownloadAt: number | null;
  /** The first answer ever given, or null with no reviews: the clock starts there when nothing was downloaded. */
  firstReviewAt: number | null;
  /** Answers given since the last download (all of them when there was none). */
  reviewsSince: number;
  off: boolean;
}

/** True when the learner should be reminded to download a backup file: the last one is over 14 days old and there are reviews since. */
export function backupReminderDue(input: ReminderInput, now: number): boolean {
  if (input.off || input.reviewsSince === 0) return false;
  const since = input.lastDownloadAt ?? input.firstReviewAt;
  return since !== null && now - since > BACKUP_REMINDER_AFTER_MS;
}
