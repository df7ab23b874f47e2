import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { serveDeckFilesFromRepository } from '../../support/deck-files';
import { newCardRecord, newStateRecord } from '../../../src/lib/db/records';
import type { Card } from '../../../src/lib/domain/model';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime();
const fetched = serveDeckFilesFromRepository();

/** A fresh copy of bundled.ts, as on a new app start (the merge runs once per start). */
async function appStart() {
  vi.resetModules();
  return import('../../../src/lib/db/bundled');
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('updateBundledDecks', () => {
  it('puts every bundled deck in on first start and skips unchanged files on the next', async () => {
    const first = await (await appStart()).updateBundledDecks(NOW);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((r) => !r.unchanged && r.added > 0)).toBe(true);
    expect(await db.decks.count()).toBe(first.length);
    const cards = await db.cards.count();
    expect(await db.states.count()).toBe(cards);

    const second = await (await appStart()).updateBundledDecks(NOW + 86_400_000);
    expect(second.every((r) => r.unchanged)).toBe(true);
    expect(second.map((r) => r.deckId).sort()).toEqual(first.map((r) => r.deckId).sort());
    expect(await db.cards.count()).toBe(cards);
  });

  it('retires the cards of a bundled deck this version no longer ships', async () => {
    await db.decks.put({ id: 'old-deck', title: 'Old', description: '', tags: [], source: 'x', origin: 'bundled', bundleHash: 'h', createdAt: NOW, updatedAt: NOW });
    await db.cards.put(newCardRecord({ id: 'old-1', kind: 'basic', tags: [], prompt: 'Q', answer: 'A' } as Card, 'old-deck', 0, NOW));
    await db.states.put(newStateRecord('old-1', 'old-deck', NOW));
    await (await appStart()).updateBundledDecks(NOW);
    expect(await db.cards.get('old-1')).toMatchObject({ retired: 1 });
    expect(await db.states.get('old-1')).toMatchObject({ inactive: 1 });
  });

  it('keeps a deleted built-in deck deleted on the next start, until the learner brings it back', async () => {
    const first = await (await appStart()).updateBundledDecks(NOW);
    const victim = first[0].deckId;
    const { deleteDeck } = await import('../../../src/lib/db/editor');
    await deleteDeck(victim);

    const bundled = await appStart();
    await bundled.updateBundledDecks(NOW + 1000);
    expect(await db.decks.get(victim)).toBeUndefined();
    expect(await db.cards.where('deckId').equals(victim).count()).toBe(0);
    expect(await bundled.dismissedBundledDecks()).toEqual([victim]);

    await bundled.restoreDismissedBundledDecks();
    await bundled.updateBundledDecks(NOW + 2000);
    expect(await db.decks.get(victim)).toMatchObject({ origin: 'bundled' });
    expect(await db.cards.where('deckId').equals(victim).count()).toBe(first[0].added);
  });

  it('uses the deck files fetched ahead on a first visit instead of fetching them again', async () => {
    const bundled = await appStart();
    bundled.prefetchBundledDecks();
    const ahead = [...fetched];
    expect(ahead.length).toBeGreaterThan(0);
    const reports = await bundled.updateBundledDecks(NOW);
    expect(reports).toHaveLength(ahead.length);
    expect(fetched).toEqual(ahead);
    expect(await db.decks.count()).toBe(ahead.length);
  });

  it('stores the decks before a file that cannot be fetched and reports the failure', async () => {
    const files = fetched;
    vi.stubGlobal('fetch', async (url: string) => {
      files.push(url);
      if (files.length === 2) return new Response('gone', { status: 404 });
      const { readFileSync } = await import('node:fs');
      return new Response(readFileSync(`.${new URL(url, 'http://x').pathname}`, 'utf8'));
    });
    await expect((await appStart()).updateBundledDecks(NOW)).rejects.toThrow(/HTTP 404/);
    expect(await db.decks.count()).toBe(1);
  });
});
