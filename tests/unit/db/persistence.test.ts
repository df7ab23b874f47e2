import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { persistenceStatus, requestPersistentStorage } from '../../../src/lib/db/persistence';

const NOW = Date.UTC(2026, 10, 2, 9);
let persisted = false;
let grant = false;
const persist = vi.fn(async () => {
  persisted = grant;
  return grant;
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  persisted = false;
  grant = false;
  persist.mockClear();
  vi.stubGlobal('navigator', { storage: { persisted: async () => persisted, persist } });
});
afterEach(() => vi.unstubAllGlobals());

describe('persistent storage', () => {
  it('is not requested until asked, then reports the browser’s answer', async () => {
    expect(await persistenceStatus()).toBe('not-asked');
    grant = true;
    expect(await requestPersistentStorage(NOW)).toBe('granted');
    expect(await persistenceStatus()).toBe('granted');
  });

  it('after a refusal, asks again only a week later', async () => {
    expect(await requestPersistentStorage(NOW)).toBe('denied');
    expect(await persistenceStatus()).toBe('denied');
    await requestPersistentStorage(NOW + 3_600_000);
    expect(persist).toHaveBeenCalledTimes(1);
    grant = true;
    expect(await requestPersistentStorage(NOW + 8 * 86_400_000)).toBe('granted');
    expect(persist).toHaveBeenCalledTimes(2);
  });
});
