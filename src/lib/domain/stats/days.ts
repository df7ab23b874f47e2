// Day bucketing shared by every stats picture. Days split at the learner's local midnight, so a review at 23:59
// and one at 00:01 land on different days even when UTC says otherwise. Everything takes the zone explicitly:
// the same logs give the same pictures on every machine and in every test.

import { clampTime } from '../time-range';

export const DAY_MS = 86_400_000;

/** A fixed UTC offset in minutes east of UTC (e.g. +120 for UTC+2), or an IANA zone such as "Europe/Berlin". */
export type TimeZone = number | string;

/** Local calendar day number: whole days since 1970-01-01 in the learner's zone. */
export type DayNumber = number;

const OFFSET_SLOT_MS = 15 * 60_000;

/**
 * A function from epoch ms to the local day number. For an IANA zone the UTC offset is looked up through Intl once per
 * 15-minute slot and cached (every zone's transitions fall on a quarter hour), so a million logs cost a few thousand
 * Intl calls rather than a million.
 */
export function dayOf(zone: TimeZone): (ms: number) => DayNumber {
  if (typeof zone === 'number') {
    const offsetMs = zone * 60_000;
    return (ms) => Math.floor((ms + offsetMs) / DAY_MS);
  }
  const offsetAt = zoneOffsetMs(zone);
  const cache = new Map<number, number>();
  // Logs arrive roughly in time order, so the previous slot is usually the right one.
  let lastSlot = NaN;
  let lastOffset = 0;
  return (ms) => {
    const slot = Math.floor(ms / OFFSET_SLOT_MS);
    if (slot !== lastSlot) {
      let offset = cache.get(slot);
      if (offset === undefined) {
        // Intl throws "Invalid time value" past Date's range: look the offset up at the nearest believable instant.
        offset = offsetAt(clampTime(slot * OFFSET_SLOT_MS));
        cache.set(slot, offset);
      }
      lastSlot = slot;
      lastOffset = offset;
    }
    return Math.floor((ms + lastOffset) / DAY_MS);
  };
}

/** The UTC offset of an IANA zone at an instant, in ms. */
export function zoneOffsetMs(zone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (ms) => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return asUtc - Math.floor(ms / 1000) * 1000;
  };
}

/** Epoch ms of the local midnight that starts a day. */
export function startOfDay(day: DayNumber, zone: TimeZone): number {
  if (typeof zone === 'number') return day * DAY_MS - zone * 60_000;
  const offsetAt = zoneOffsetMs(zone);
  // The offset at local midnight; a second pass settles days whose midnight sits next to a transition.
  let guess = day * DAY_MS - offsetAt(day * DAY_MS);
  guess = day * DAY_MS - offsetAt(guess);
  return guess;
}

/** "2026-11-27" for a day number. */
export function isoOfDay(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of an ISO date "YYYY-MM-DD". */
export function dayOfIso(iso: string): DayNumber {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** 0 Monday … 6 Sunday. */
export function weekdayOf(day: DayNumber): number {
  // 1970-01-01 was a Thursday.
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday that starts the week holding a day. */
export function weekStartOf(day: DayNumber): DayNumber {
  return day - weekdayOf(day);
}

/** The learner's zone as the browser knows it; pass it explicitly into pure code. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
