import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { addCards, createDeck } from '../../../src/lib/db/editor';
import { ClassDecksState } from '../../../src/views/library/class-decks.svelte';
import { subscribeToClass } from '../../../src/lib/db/class-decks';

const ID = 'abcdefghijklmnopqrstuvwxyz234567';
const BASE = 'https://drydock.example/#/library';
const api = (body: unknown, status = 200) => new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'X-Drydock-Protocol': '1' } });

let calls: { key: string; init?: RequestInit }[] = [];
function server(routes: Record<string, (init?: RequestInit) => Response>) {
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url}`;
    calls.push({ key, init });
    return routes[key]?.(init) ?? api({ error: 'not-found' }, 404);
  });
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  calls = [];
});
afterEach(() => vi.unstubAllGlobals());

describe('the Library class panel, instructor side', () => {
  it('warns before anything is sent, then publishes with a fresh owner key kept in the settings, and shows link and QR', async () => {
    const deckId = await createDeck('Week 3', 1);
    await addCards(deckId, [{ id: 'w3-a', kind: 'basic', tags: [], prompt: 'Q?', answer: 'A' }], 2);
    server({ 'POST /api/classes': () => api({ class: ID, version: 1 }, 201) });
    const state = new ClassDecksState();
    await state.load();
    await state.toggle(deckId, BASE);
    expect(state.open).toEqual({ deckId, step: 'confirm-publish' });
    expect(calls).toEqual([]);

    state.note = 'First week';
    await state.publish(BASE, 10);
    expect(state.error).toBeNull();
    expect(state.open).toEqual({ deckId, step: 'instructor' });
    const sent = calls[0];
    const key = String((sent.init!.headers as Record<string, string>).Authorization).replace('Bearer ', '');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.parse(String(sent.init!.body))).toMatchObject({ note: 'First week', deck: { title: 'Week 3', cards: [{ id: 'w3-a', prompt: 'Q?' }] } });
    expect((await db.settings.get(`classDeck.owner.${ID}`))?.value).toMatchObject({ classId: ID, deckId, ownerKey: key, version: 1 });
    expect(state.link(BASE)).toBe(`https://drydock.example/#/class/${ID}`);
    expect(state.qr).toMatch(/^data:image\/png;base64,/);
  });

  it('a refused publish stores no key and shows the server’s words', async () => {
    const deckId = await createDeck('Week 3', 1);
    await addCards(deckId, [{ id: 'w3-a', kind: 'basic', tags: [], prompt: 'Q?', answer: 'A' }], 2);
    server({ 'POST /api/classes': () => api({ error: 'rate-limited', message: 'Too many requests.' }, 429) });
    const state = new ClassDecksState();
    await state.toggle(deckId, BASE);
    await state.publish(BASE, 10);
    expect(state.error).toBe('The class server is busy with this link. Try again in a minute; nothing was changed.');
    expect(await db.settings.where('key').startsWith('classDeck.').count()).toBe(0);
  });
});

describe('the Library class panel, student side', () => {
  const version = (n: number, cards: { id: string; answer: string }[]) => ({
    class: ID, version: n, note: `v${n}`, publishedAt: n,
    deck: { formatVersion: 1, id: 'week-3', title: 'Week 3', description: '', tags: [], source: 'x', cards: cards.map((c) => ({ ...c, kind: 'basic', tags: [], prompt: `Q ${c.id}` })) },
  });

  it('checks for updates, says what changed, and learns when the class was unpublished', async () => {
    await subscribeToClass({ classId: ID, version: 1, note: '', deck: version(1, [{ id: 'a', answer: 'one' }]).deck as never }, null, 1);
    server({
      [`GET /api/classes/${ID}`]: () => api({ class: ID, title: 'Week 3', cards: 2, version: 2, note: 'v2', publishedAt: 2 }),
      [`GET /api/classes/${ID}/versions/2`]: () => api(version(2, [{ id: 'a', answer: 'one, fixed' }, { id: 'b', answer: 'two' }])),
    });
    const state = new ClassDecksState();
    await state.load();
    await state.toggle(`class-${ID}`, BASE);
    await state.checkNow(5);
    expect(state.status).toBe('Updated to version 2: 1 new card, 1 changed.');
    expect(state.subscribed.get(`class-${ID}`)).toMatchObject({ version: 2, notice: { seen: true, added: ['b'], changed: ['a'] } });

    server({ [`GET /api/classes/${ID}`]: () => api({ error: 'unpublished' }, 410) });
    await state.checkNow(6);
    expect(state.status).toMatch(/unpublished this class. Your cards and progress stay/);
    expect(await db.cards.where('deckId').equals(`class-${ID}`).count()).toBe(2);
  });
});

describe('deleting a class deck', () => {
  it('also stops following its class, so no later version brings it back', async () => {
    const { LibraryState } = await import('../../../src/views/library/library.svelte');
    const { subscription } = await import('../../../src/lib/db/class-decks');
    await subscribeToClass({ classId: ID, version: 1, note: '', deck: { formatVersion: 1, id: 'w', title: 'Week 3', description: '', tags: [], source: 'x', cards: [{ id: 'a', kind: 'basic', tags: [], prompt: 'Q', answer: 'A' }] } }, null, 1);
    server({});
    const lib = new LibraryState();
    await lib.remove(`class-${ID}`);
    expect(await subscription(ID)).toBeNull();
    expect(await db.cards.count()).toBe(0);
  });
});

describe('sharing progress, turned on later', () => {
  it('shares only answers from then on, per card, and turning it off withdraws the student from the count', async () => {
    const { answerCard } = await import('../../../src/lib/db/study');
    const { reportProgress } = await import('../../../src/lib/class-decks');
    const { subscription } = await import('../../../src/lib/db/class-decks');
    const deck = { formatVersion: 1 as const, id: 'w', title: 'Week 3', description: '', tags: [], source: 'x', cards: [{ id: 'a', kind: 'basic' as const, tags: [], prompt: 'Q', answer: 'A' }, { id: 'b', kind: 'basic' as const, tags: [], prompt: 'Q2', answer: 'B' }] };
    await subscribeToClass({ classId: ID, version: 1, note: '', deck }, null, 1);
    // Before sharing is on: private.
    await answerCard({ cardId: 'a', rating: 1, now: Date.now() - 60_000, durationMs: 1, source: 'study' });
    const reports: unknown[] = [];
    server({
      [`POST /api/classes/${ID}/progress`]: (init) => (reports.push(JSON.parse(String(init!.body))), api({ students: 1 })),
      [`DELETE /api/classes/${ID}/progress`]: () => api(null, 204),
    });
    const state = new ClassDecksState();
    await state.load();
    await state.toggle(`class-${ID}`, BASE);
    await state.setSharing(true);
    expect(state.status).toBe('Sharing anonymous progress with the instructor.');
    expect(reports).toEqual([{ cards: [] }]);

    await answerCard({ cardId: 'b', rating: 1, now: Date.now() + 1000, durationMs: 1, source: 'study' });
    expect(await reportProgress((await subscription(ID))!)).toBe(true);
    expect(reports[1]).toEqual({ cards: [{ card: 'b', reviews: 1, again: 1, first: true }] });
    // Reported once: nothing new, nothing sent twice.
    await reportProgress((await subscription(ID))!);
    expect(reports[2]).toEqual({ cards: [] });

    await state.setSharing(false);
    expect(calls.at(-1)!.key).toBe(`DELETE /api/classes/${ID}/progress`);
    expect((await subscription(ID))!.sharing).toBeNull();
  });
});
