// Persistent storage keeps the browser from evicting the learner's progress under storage pressure.
// It is requested after the first answer, when the learner has something worth keeping. Chromium decides
// silently (engagement, installation), so a refusal is retried, but at most weekly: Firefox asks the person.
import { db } from './db';

export type PersistenceStatus = 'granted' | 'denied' | 'not-asked' | 'unsupported';

const KEY = 'storagePersistence';
const RETRY_MS = 7 * 24 * 60 * 60 * 1000;

interface AskRecord {
  askedAt: number;
  granted: boolean;
}

export async function requestPersistentStorage(now = Date.now()): Promise<PersistenceStatus> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return 'unsupported';
  if (await navigator.storage.persisted()) return 'granted';
  const last = (await db.settings.get(KEY))?.value as AskRecord | undefined;
  if (last && !last.granted && now - last.askedAt < RETRY_MS) return 'denied';
  const granted = await navigator.storage.persist();
  await db.settings.put({ key: KEY, value: { askedAt: now, granted } satisfies AskRecord });
  return granted ? 'granted' : 'denied';
}

export async function persistenceStatus(): Promise<PersistenceStatus> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persisted) return 'unsupported';
  if (await navigator.storage.persisted()) return 'granted';
  const asked = await db.settings.get(KEY);
  return asked ? 'denied' : 'not-asked';
}
