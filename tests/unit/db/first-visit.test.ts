// A first visit starts loading the bundled-deck merge at start; later visits, once the first screen has found or
// stored the decks, do not.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { decksMayBeMissing, noteDecksStored } from '../../../src/lib/db/first-visit';
import { serveDeckFilesFromRepository } from '../../support/deck-files';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime();
serveDeckFilesFromRepository();

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

/** Fresh modules, as on a new app start (the merge runs once per start). */
async function appStart() {
  vi.resetModules();
  return import('../../../src/lib/db/bundled-check');
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  vi.stubGlobal('localStorage', memoryStorage());
});

describe('first visit hint', () => {
  it('says the decks may be missing until the first screen has stored them, then not', async () => {
    expect(decksMayBeMissing()).toBe(true);
    expect((await (await appStart()).updateBundledDecksIfStale(NOW, [])).length).toBeGreaterThan(0);
    expect(await db.decks.count()).toBeGreaterThan(0);
    expect(decksMayBeMissing()).toBe(false);
  });

  it('is noted when the stored decks are found current, as after site data other than the database was cleared', async () => {
    await (await appStart()).updateBundledDecksIfStale(NOW, []);
    vi.stubGlobal('localStorage', memoryStorage());
    expect(decksMayBeMissing()).toBe(true);
    expect(await (await appStart()).updateBundledDecksIfStale(NOW + 1000)).toEqual([]);
    expect(decksMayBeMissing()).toBe(false);
  });

  it('never throws without storage, and then does not start anything early', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(decksMayBeMissing(broken)).toBe(false);
    expect(() => noteDecksStored(broken)).not.toThrow();
    expect(decksMayBeMissing(undefined)).toBe(true);
  });
});
