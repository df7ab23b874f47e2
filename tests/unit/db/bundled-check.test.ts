// The first screens load the bundled-deck merge only when the stored decks are not this version's. The check uses the
// hashes the build writes into the app (vite.config.ts); they must be the ones the merge itself stores.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { serveDeckFilesFromRepository } from '../../support/deck-files';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime();
const fetched = serveDeckFilesFromRepository();

/** Fresh modules, as on a new app start (the merge runs once per start). */
async function appStart() {
  vi.resetModules();
  return import('../../../src/lib/db/bundled-check');
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('updateBundledDecksIfStale', () => {
  it('merges on a first start, then finds the stored decks current and fetches no deck file', async () => {
    const first = await (await appStart()).updateBundledDecksIfStale(NOW);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((r) => r.added > 0)).toBe(true);
    const check = await appStart();
    expect(check.bundledDecksCurrent(await db.decks.toArray())).toBe(true);
    fetched.length = 0;
    expect(await check.updateBundledDecksIfStale(NOW + 86_400_000)).toEqual([]);
    expect(fetched).toEqual([]);
  });

  it('merges again when a stored deck is older than the bundled one, and the merge brings it up to date', async () => {
    await (await appStart()).updateBundledDecksIfStale(NOW);
    const [deck] = await db.decks.toArray();
    await db.decks.put({ ...deck, bundleHash: 'an-older-version' });
    const check = await appStart();
    expect(check.bundledDecksCurrent(await db.decks.toArray())).toBe(false);
    const reports = await check.updateBundledDecksIfStale(NOW + 86_400_000);
    expect(reports.find((r) => r.deckId === deck.id)?.unchanged).toBe(false);
    expect(check.bundledDecksCurrent(await db.decks.toArray())).toBe(true);
  });

  it('is not current while a shipped deck is missing or a bundled deck this version dropped still has its hash', () => {
    const shipped = { a: 'hash-a', b: 'hash-b' };
    const a = { id: 'a', origin: 'bundled' as const, bundleHash: 'hash-a' };
    const b = { id: 'b', origin: 'bundled' as const, bundleHash: 'hash-b' };
    return appStart().then(({ bundledDecksCurrent }) => {
      expect(bundledDecksCurrent([a, b], shipped)).toBe(true);
      expect(bundledDecksCurrent([a], shipped)).toBe(false);
      expect(bundledDecksCurrent([a, b, { id: 'gone', origin: 'bundled', bundleHash: 'old' }], shipped)).toBe(false);
      // Already retired (its hash forgotten), or the learner's own deck: nothing for the merge to do.
      expect(bundledDecksCurrent([a, b, { id: 'gone', origin: 'bundled', bundleHash: undefined }], shipped)).toBe(true);
      expect(bundledDecksCurrent([a, b, { id: 'mine', origin: 'imported', bundleHash: undefined }], shipped)).toBe(true);
    });
  });
});
