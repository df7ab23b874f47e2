import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { ClassViewState } from '../../../src/views/class/class-view.svelte';
import { NO_SERVER } from '../../../src/lib/class-decks';

const ID = 'abcdefghijklmnopqrstuvwxyz234567';
const DECK = { formatVersion: 1, id: 'week-3', title: 'Week 3', description: '', tags: [], source: 'x', cards: [{ id: 'w3-a', kind: 'basic', tags: [], prompt: 'Q?', answer: 'A' }] };
const api = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'X-Drydock-Protocol': '1' } });

let calls: string[] = [];
beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  calls = [];
});
afterEach(() => vi.unstubAllGlobals());

function server(routes: Record<string, () => Response>) {
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url}`;
    calls.push(key);
    return routes[key]?.() ?? api({ error: 'not-found' }, 404);
  });
}

describe('the class link screen', () => {
  it('previews without storing anything, then subscribes without sharing unless asked', async () => {
    server({
      [`GET /api/classes/${ID}`]: () => api({ class: ID, title: 'Week 3', cards: 1, version: 1, note: 'Compose', publishedAt: 1 }),
      [`GET /api/classes/${ID}/versions/1`]: () => api({ class: ID, version: 1, note: 'Compose', publishedAt: 1, deck: DECK }),
    });
    const view = new ClassViewState(ID);
    await view.load();
    expect(view.info).toMatchObject({ title: 'Week 3', cards: 1, note: 'Compose' });
    expect(view.share).toBe(false);
    expect(await db.cards.count()).toBe(0);
    await view.subscribe(1000);
    expect(view.error).toBeNull();
    expect(view.subscribed).toMatchObject({ deckId: `class-${ID}`, version: 1, sharing: null });
    expect(await db.cards.get('w3-a')).toMatchObject({ deckId: `class-${ID}`, prompt: 'Q?' });
    // Nothing about the student's study went out.
    expect(calls.filter((c) => c.startsWith('POST'))).toEqual([]);
  });

  it('says so plainly when the app runs without the Drydock server, or the link is damaged or unpublished', async () => {
    vi.stubGlobal('fetch', async () => new Response('<!doctype html><title>app</title>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const offline = new ClassViewState(ID);
    await offline.load();
    expect(offline.error).toBe(NO_SERVER);

    const damaged = new ClassViewState('not-a-class');
    await damaged.load();
    expect(damaged.error).toMatch(/This class link is damaged/);

    server({ [`GET /api/classes/${ID}`]: () => api({ error: 'unpublished', message: 'The instructor unpublished this class. Cards you have stay in your collection; no more updates will come.' }, 410) });
    const gone = new ClassViewState(ID);
    await gone.load();
    expect(gone.error).toMatch(/unpublished this class/);
    expect(await db.settings.count()).toBe(0);
  });
});
