// Node applies a change of process.env.TZ at once: a test can pin the zone where the UTC date and the learner's local
// date differ, whatever zone the machine running it is in.
export async function inTimeZone<T>(zone: string, run: () => T | Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
