// A hybrid logical clock (Kulkarni et al.): wall time when clocks agree, a counter when they don't, and the device id
// to break ties. Its string form sorts in clock order, so last-writer-wins is a string comparison on every device.

export interface Hlc {
  /** Epoch ms: the largest wall time this device has seen, its own or a remote one. */
  wall: number;
  /** Orders events within the same `wall`. */
  counter: number;
  device: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;

export function formatHlc(clock: Hlc): string {
  return `${String(clock.wall).padStart(WALL_DIGITS, '0')}-${String(clock.counter).padStart(COUNTER_DIGITS, '0')}-${clock.device}`;
}

export function parseHlc(text: string): Hlc | null {
  const match = /^(\d{15})-(\d{6})-([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!match) return null;
  return { wall: Number(match[1]), counter: Number(match[2]), device: match[3] };
}

/** The clock for a new local event: never behind the last one, even when the wall clock jumped back. */
export function tick(last: Hlc, now: number): Hlc {
  if (now > last.wall) return { wall: now, counter: 0, device: last.device };
  return { wall: last.wall, counter: last.counter + 1, device: last.device };
}

/** The clock after seeing a remote event: ahead of both, so a later local edit wins over what was just received. */
export function receive(local: Hlc, remote: Hlc, now: number): Hlc {
  const wall = Math.max(local.wall, remote.wall, now);
  let counter = 0;
  if (wall === local.wall && wall === remote.wall) counter = Math.max(local.counter, remote.counter) + 1;
  else if (wall === local.wall) counter = local.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return { wall, counter, device: local.device };
}

/** Negative when `a` happened before `b`. Formatted clocks compare as strings. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
