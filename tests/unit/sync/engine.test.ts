import { afterEach, describe, expect, it } from 'vitest';
import { DrydockDB } from '../../../src/lib/db/db';
import { newCardRecord, newStateRecord } from '../../../src/lib/db/records';
import { answerCard, undoAnswer } from '../../../src/lib/db/study';
import { createSpace, joinWithCode, syncRound, listDevices, removeDevice, rotateSecret } from '../../../src/lib/sync/engine';
import { readMembership, readSyncStatus } from '../../../src/lib/db/sync-membership';
import type { Card } from '../../../src/lib/domain/model';
import { MemoryServer } from './memory-transport';
import { httpTransport } from '../../../src/lib/sync/transport';
import { newPairingCode, normalisePairingCode } from '../../../src/lib/io/sync-crypto';

const BASE = 'http://127.0.0.1:4173/';
const T0 = new Date(2026, 10, 2, 9, 0, 0).getTime();
const opened: DrydockDB[] = [];

function device(name: string): DrydockDB {
  const d = new DrydockDB(`${name}-${Math.random()}`);
  opened.push(d);
  return d;
}

afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close();
    await d.delete();
  }
});

/** A starts a space and syncs, B joins with the code and syncs: both hold A's collection. */
async function pair(server: MemoryServer, a: DrydockDB, b: DrydockDB): Promise<string> {
  const { code } = await createSpace({ transport: server.transport(), database: a }, 'A', BASE);
  await syncRound({ transport: server.transport(), database: a });
  await joinWithCode({ transport: server.transport(), database: b }, code, 'B');
  await syncRound({ transport: server.transport(), database: b });
  return code;
}

const promptOf = async (d: DrydockDB, id: string) => ((await d.cards.get(id)) as { prompt?: string } | undefined)?.prompt;

async function addDeckWithCards(d: DrydockDB, deckId: string, ids: string[], now = T0) {
  await d.transaction('rw', [d.decks, d.cards, d.states], async () => {
    await d.decks.put({ id: deckId, title: `Deck ${deckId}`, description: '', tags: [], source: 'test', origin: 'user', createdAt: now, updatedAt: now });
    await d.cards.bulkPut(ids.map((id, i) => newCardRecord({ id, kind: 'basic', tags: [], prompt: `What is ${id}?`, answer: `It is ${id}.` } as Card, deckId, i, now)));
    await d.states.bulkPut(ids.map((id) => newStateRecord(id, deckId, now)));
  });
}

describe('sync between two devices', () => {
  it('carries a deck, its cards and an answer to a device that joins by code, with identical states', async () => {
    const server = new MemoryServer();
    const phone = device('phone');
    const laptop = device('laptop');
    await addDeckWithCards(phone, 'd1', ['c1', 'c2']);
    const { code, link } = await createSpace({ transport: server.transport(), database: phone }, 'Phone', BASE);
    expect(link).toBe(`${BASE}#/pair/${code}`);
    await answerCard({ cardId: 'c1', rating: 3, now: T0 + 60_000, durationMs: 4000, source: 'study' }, phone);
    await syncRound({ transport: server.transport(), database: phone });

    await joinWithCode({ transport: server.transport(), database: laptop }, code.toLowerCase().replace(/-/g, ' '), 'Laptop');
    await syncRound({ transport: server.transport(), database: laptop });

    expect(await promptOf(laptop, 'c2')).toBe('What is c2?');
    expect(await laptop.states.get('c1')).toEqual(await phone.states.get('c1'));
    expect(await laptop.reviews.count()).toBe(1);
    // Nothing on the server is readable: the card's text is not in any stored operation.
    const stored = JSON.stringify([...server.spaces.values()].map((s) => s.ops));
    expect(stored).not.toContain('What is c2');
    expect((await readSyncStatus(laptop)).lastSyncAt).toBeGreaterThan(0);
  });

  it('merges answers made offline on both devices: the union, replayed in time order', async () => {
    const server = new MemoryServer();
    const a = device('a');
    const b = device('b');
    await addDeckWithCards(a, 'd1', ['c1']);
    await pair(server, a, b);

    await answerCard({ cardId: 'c1', rating: 3, now: T0 + 1000, durationMs: 1, source: 'study' }, a);
    await answerCard({ cardId: 'c1', rating: 1, now: T0 + 2000, durationMs: 1, source: 'study' }, b);
    await answerCard({ cardId: 'c1', rating: 4, now: T0 + 86_400_000, durationMs: 1, source: 'study' }, a);
    for (const d of [a, b, a]) await syncRound({ transport: server.transport(), database: d });

    expect(await a.reviews.count()).toBe(3);
    expect(await b.reviews.count()).toBe(3);
    expect(await b.states.get('c1')).toEqual(await a.states.get('c1'));
    expect((await a.states.get('c1'))?.reps).toBe(3);
  });

  it('sends an undo, so the other device drops the review and restores the state', async () => {
    const server = new MemoryServer();
    const a = device('a');
    const b = device('b');
    await addDeckWithCards(a, 'd1', ['c1']);
    const { code } = await createSpace({ transport: server.transport(), database: a }, 'A', BASE);
    const receipt = await answerCard({ cardId: 'c1', rating: 3, now: T0 + 1000, durationMs: 1, source: 'study' }, a);
    await syncRound({ transport: server.transport(), database: a });
    await joinWithCode({ transport: server.transport(), database: b }, code, 'B');
    await syncRound({ transport: server.transport(), database: b });
    expect((await b.states.get('c1'))?.reps).toBe(1);

    await undoAnswer(receipt, a);
    await syncRound({ transport: server.transport(), database: a });
    await syncRound({ transport: server.transport(), database: b });
    expect(await b.reviews.count()).toBe(0);
    expect(await b.states.get('c1')).toMatchObject({ reps: 0, state: 0 });
  });

  it('keeps the losing side of concurrent edits as a conflict', async () => {
    const server = new MemoryServer();
    const a = device('a');
    const b = device('b');
    await addDeckWithCards(a, 'd1', ['c1']);
    await pair(server, a, b);

    const edit = async (d: DrydockDB, prompt: string) => {
      const card = (await d.cards.get('c1'))!;
      await d.cards.put({ ...card, prompt, editedAt: Date.now() } as typeof card);
    };
    await edit(a, 'Edited on A');
    await new Promise((r) => setTimeout(r, 5));
    await edit(b, 'Edited on B');
    for (const d of [a, b, a]) await syncRound({ transport: server.transport(), database: d });

    expect(await promptOf(a, 'c1')).toBe('Edited on B');
    expect(await promptOf(b, 'c1')).toBe('Edited on B');
    const conflicts = await a.conflicts.toArray();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].value?.prompt).toBe('Edited on A');
  });

  it('leaves the collection alone when the server fails, and the outbox waits', async () => {
    const server = new MemoryServer();
    const a = device('a');
    await addDeckWithCards(a, 'd1', ['c1']);
    await createSpace({ transport: server.transport(), database: a }, 'A', BASE);
    await syncRound({ transport: server.transport(), database: a });
    server.offline = true;
    await answerCard({ cardId: 'c1', rating: 3, now: T0 + 1000, durationMs: 1, source: 'study' }, a);
    await expect(syncRound({ transport: server.transport(), database: a })).rejects.toThrow(/offline/);
    expect(await a.outbox.count()).toBe(1);
    expect((await readSyncStatus(a)).errorCode).toBe('offline');
    server.offline = false;
    await syncRound({ transport: server.transport(), database: a });
    expect(await a.outbox.count()).toBe(0);
    expect((await readSyncStatus(a)).error).toBeNull();
  });

  it('a removed device stops syncing; a rotated code locks out the old one', async () => {
    const server = new MemoryServer();
    const a = device('a');
    const b = device('b');
    await addDeckWithCards(a, 'd1', ['c1']);
    const { code } = await createSpace({ transport: server.transport(), database: a }, 'A', BASE);
    await joinWithCode({ transport: server.transport(), database: b }, code, 'B');
    const devices = await listDevices({ transport: server.transport(), database: a });
    expect(devices.map((x) => x.name).sort()).toEqual(['A', 'B']);
    await removeDevice({ transport: server.transport(), database: a }, devices.find((x) => x.name === 'B')!.device);
    await expect(syncRound({ transport: server.transport(), database: b })).rejects.toThrow(/removed/);
    expect(await readMembership(b)).toBeNull();

    const rotated = await rotateSecret({ transport: server.transport(), database: a }, BASE);
    expect(rotated.code).not.toBe(code);
    const c = device('c');
    await expect(joinWithCode({ transport: server.transport(), database: c }, code, 'C')).rejects.toThrow(/No sync space/);
    await joinWithCode({ transport: server.transport(), database: c }, rotated.code, 'C');
    await syncRound({ transport: server.transport(), database: c });
    expect(await promptOf(c, 'c1')).toBe('What is c1?');
  });
});

describe('the HTTP transport', () => {
  const reply = (status: number, body: unknown, headers: Record<string, string> = { 'X-Drydock-Protocol': '1' }) =>
    (async () => new Response(body === null ? null : typeof body === 'string' ? body : JSON.stringify(body), { status, headers })) as unknown as typeof fetch;

  it('says sync is unavailable on a static host, whose server answers with the app page', async () => {
    const transport = httpTransport(BASE, reply(200, '<!doctype html><title>Drydock</title>', { 'Content-Type': 'text/html' }));
    await expect(transport.health()).rejects.toMatchObject({ code: 'no-server', message: expect.stringContaining('without a sync server') });
    const missing = httpTransport(BASE, reply(404, 'Not found', {}));
    await expect(missing.health()).rejects.toMatchObject({ code: 'no-server' });
  });

  it('tells an old app to update, and a new app that the server is older', async () => {
    const old = httpTransport(BASE, reply(426, { error: 'update-app' }));
    await expect(old.pull({ space: 's', token: 't', device: 'd' }, 0, 1)).rejects.toMatchObject({ code: 'update-app', message: expect.stringContaining('Reload to update') });
    const olderServer = httpTransport(BASE, reply(200, { ok: true, protocol: 0, minProtocol: 0 }, { 'X-Drydock-Protocol': '0' }));
    await expect(olderServer.health()).rejects.toMatchObject({ code: 'server-older' });
  });

  it('maps a network failure, a refused token and a busy server to words, never to a thrown TypeError', async () => {
    const down = httpTransport(BASE, (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    await expect(down.health()).rejects.toMatchObject({ code: 'offline' });
    await expect(httpTransport(BASE, reply(401, { error: 'unauthorized' })).pull({ space: 's', token: 't', device: 'd' }, 0, 1)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(httpTransport(BASE, reply(429, { error: 'rate-limited' })).pull({ space: 's', token: 't', device: 'd' }, 0, 1)).rejects.toMatchObject({ code: 'rate-limited' });
    await expect(httpTransport(BASE, reply(500, { error: 'server' })).pull({ space: 's', token: 't', device: 'd' }, 0, 1)).rejects.toMatchObject({ code: 'server' });
  });
});

describe('pairing codes', () => {
  it('read back whatever the case, spaces or dashes, and refuse a mistyped one', () => {
    const code = newPairingCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4}){6}$/);
    expect(normalisePairingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normalisePairingCode(code.slice(0, -3))).toBeNull();
    expect(normalisePairingCode('hello')).toBeNull();
  });
});

describe('operations this device cannot use', () => {
  it('stops before an operation from a newer app and says to update; skips a damaged one and says so', async () => {
    const server = new MemoryServer();
    const a = device('a');
    const b = device('b');
    await addDeckWithCards(a, 'd1', ['c1']);
    const code = await pair(server, a, b);

    const { deriveSpaceKeys, sealOp } = await import('../../../src/lib/io/sync-crypto');
    const keys = await deriveSpaceKeys(code);
    const space = server.spaces.get(keys.space)!;
    const stored = (op: { id: string; iv: string; data: string }) => space.ops.push({ ...op, seq: space.ops.length + 1, device: 'other' });
    stored({ id: 'damaged', iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' });
    await syncRound({ transport: server.transport(), database: b });
    expect((await readSyncStatus(b)).error).toMatch(/1 change from another device could not be read/);

    const before = space.ops.length;
    stored(await sealOp(keys, { type: 'unreview', uid: 'x', cardId: 'c1', id: 'from-the-future', device: 'other', format: 2 } as never));
    await expect(syncRound({ transport: server.transport(), database: b })).rejects.toThrow(/newer Drydock/);
    // The cursor stops before the newer operation, so it is read after an update.
    expect(await b.device.get('syncCursor')).toMatchObject({ value: before });
    expect((await readSyncStatus(b)).errorCode).toBe('update-app');
  });
});
