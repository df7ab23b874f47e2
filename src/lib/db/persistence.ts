// Persistent storage keeps the browser from evicting the learner's progress under storage pressure.
// It is requested after the first answer, when the learner has something worth keeping.
import { db } from './db';

export type PersistenceStatus = 'granted' | 'denied' | 'not-asked' | 'unsupported';

const KEY = 'storagePersistence';

export async function requestPersistentStorage(now = Date.now()): Promise<PersistenceStatus> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return 'unsupported';
  const granted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
  await db.settings.put({ key: KEY, value: { askedAt: now, granted } });
  return granted ? 'granted' : 'denied';
}

export async function persistenceStatus(): Promise<PersistenceStatus> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persisted) return 'unsupported';
  if (await navigator.storage.persisted()) return 'granted';
  const asked = await db.settings.get(KEY);
  return asked ? 'denied' : 'not-asked';
}
