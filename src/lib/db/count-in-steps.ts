// Counting a big table or index range without holding up the next screen. IndexedDB serves a database's requests in
// turn, and one count() walks every key in a single request: at 100,000 cards the Settings screen's count took 0.7 to
// 3 s, and a deck list opened meanwhile waited that long for its first read. A key cursor moved `step` keys at a time
// walks the same keys in short requests that other transactions' requests go between, and stops when asked.
import { db } from './db';

/** Keys per request: a few milliseconds of walking at most, so a read made meanwhile hardly waits. */
export const COUNT_STEP = 1024;

export interface CountInStepsOptions {
  step?: number;
  /** Asked before each step: the screen that wanted the count has closed, and the count ends with null. */
  stopped?: () => boolean;
  /** Counting stops here: a bigger range gives `limit` (a cap + 1 tells "more than the cap"). */
  limit?: number;
}

/** A request's result as a promise. */
export const result = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** The open database under Dexie, for reads Dexie has no call for (a cursor moved many keys at a time). */
export async function backendDB(): Promise<IDBDatabase> {
  if (!db.isOpen()) await db.open();
  return db.backendDB();
}

/** The number of keys of `store` (or of its index `index`) within `range`, in a read-only transaction of its own. */
export async function countInSteps(store: string, index: string | null, range: IDBKeyRange | null, options: CountInStepsOptions = {}): Promise<number | null> {
  const objectStore = (await backendDB()).transaction(store, 'readonly').objectStore(store);
  return countKeys(index === null ? objectStore : objectStore.index(index), range, options);
}

/**
 * The number of keys of `source` within `range`, exact, as count() would give (or `limit` when there are more); null
 * when stopped first. The cursor advances `step` keys at a time; past the end it is opened again where it was and
 * moved half as far, until a single key does not fit (a range smaller than a step is counted at once). The source's
 * transaction must stay read-only.
 */
export async function countKeys(source: IDBIndex | IDBObjectStore, range: IDBKeyRange | null, { step = COUNT_STEP, stopped = () => false, limit = Infinity }: CountInStepsOptions = {}): Promise<number | null> {
  let request = source.openKeyCursor(range);
  let cursor = await result(request);
  /** Keys up to the cursor's, its own included. */
  let counted = cursor ? 1 : 0;
  let size = Math.max(1, Math.floor(step));
  while (cursor && counted < limit) {
    if (stopped()) return null;
    const { key, primaryKey } = cursor;
    const move = Math.min(size, limit - counted);
    cursor.advance(move);
    const moved = await result(request);
    if (moved) {
      counted += move;
      cursor = moved;
      continue;
    }
    if (move === 1) break;
    // The whole range holds no more than `move` keys (a small deck): one count() walks them, a short request.
    if (counted === 1) return Math.min(limit, await result(source.count(range ?? undefined)));
    // Fewer than `move` keys follow: back to where the cursor was (a read-only transaction sees no change), half as far.
    size = Math.floor(move / 2);
    request = source.openKeyCursor(range);
    cursor = await result(request);
    if (cursor && counted > 1) {
      // An index may hold one key many times (a whole import due at one moment): its position needs the primary key too.
      if (source instanceof IDBObjectStore) cursor.continue(key);
      else cursor.continuePrimaryKey(key, primaryKey);
      cursor = await result(request);
    }
  }
  return counted;
}
