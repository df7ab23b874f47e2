// Turning a failed write into something a learner can act on. A write that hits the storage quota aborts its
// transaction (nothing is half-written); the message says how much room the write needed and how much the browser allows.
import { formatBytes } from '../io/result';

/** True for IndexedDB's QuotaExceededError, however Dexie wrapped it. */
export function isQuotaError(e: unknown): boolean {
  for (let err = e as { name?: string; inner?: unknown } | undefined, depth = 0; err && depth < 5; err = err.inner as typeof err, depth++) {
    if (err.name === 'QuotaExceededError') return true;
  }
  return false;
}

/** Free space the browser allows this site, or null when it does not say. */
async function storageLeft(): Promise<number | null> {
  try {
    const { quota, usage } = (await navigator.storage?.estimate?.()) ?? {};
    return typeof quota === 'number' && typeof usage === 'number' ? Math.max(0, quota - usage) : null;
  } catch {
    return null;
  }
}

/** The message for a failed import or restore; `bytesNeeded` estimates what the write would have stored. */
export async function writeFailureMessage(what: string, e: unknown, bytesNeeded: number): Promise<string> {
  if (isQuotaError(e)) {
    // The estimate is only quoted when it agrees with the failure (browsers may report the disk, not the quota).
    const left = await storageLeft();
    return `There is not enough storage space for ${what}: it needs about ${formatBytes(bytesNeeded)}${left === null || left >= bytesNeeded ? '' : `, and the browser allows Drydock ${formatBytes(left)} more`}. Free some space on this device (or delete decks you no longer need) and try again. Nothing was changed.`;
  }
  const reason = e instanceof Error ? e.message : String(e);
  return `${what[0].toUpperCase()}${what.slice(1)} could not be saved (${reason}). Nothing was changed.`;
}

/** A rough size of records once stored: their JSON length, which tracks IndexedDB's own use closely enough to advise. */
export function estimateBytes(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}
