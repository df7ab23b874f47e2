// Images are written in the import's own transaction: with the cards that show them, or not at all.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { applyImport, planImport } from '../../../src/lib/db/imports';
import { FORMAT_VERSION, type Deck } from '../../../src/lib/domain/model';
import type { MediaFile } from '../../../src/lib/io/media';
import { ImportFlow } from '../../../src/views/import/import-flow.svelte';
import { PNG_1PX, legacyApkgWithMedia } from '../io/apkg-helpers';

const NOW = Date.UTC(2026, 11, 1, 9);
const image = (n: number): MediaFile => ({ id: String(n).repeat(64), type: 'image/png', name: `p${n}.png`, bytes: PNG_1PX });
const deck = (prompts: string[], id = 'pictures'): Deck => ({
  formatVersion: FORMAT_VERSION, id, title: 'Pictures', description: '', tags: [], source: 'p.apkg',
  cards: prompts.map((prompt, i) => ({ id: `c${i}`, kind: 'basic', tags: [], prompt, answer: 'a' })),
});

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => vi.restoreAllMocks());

describe('images in applyImport', () => {
  test('the images the written cards show are stored with their deck; an image no card shows is not', async () => {
    await applyImport(await planImport([deck([`see ![p1.png](drydock-media:${image(1).id})`])], [image(1), image(2)]), 'update', NOW);
    expect((await db.media.toArray()).map((m) => [m.id, m.deckId, m.type, m.name, m.bytes])).toEqual([[image(1).id, 'pictures', 'image/png', 'p1.png', PNG_1PX]]);
  });

  test('a failed import leaves neither cards nor images', async () => {
    const plan = await planImport([deck([`![p1.png](drydock-media:${image(1).id})`])], [image(1)]);
    const fail = () => {
      throw new Error('disk full');
    };
    db.states.hook('creating', fail);
    await expect(applyImport(plan, 'update', NOW)).rejects.toThrow(/disk full/);
    db.states.hook('creating').unsubscribe(fail);
    expect(await db.cards.count()).toBe(0);
    expect(await db.media.count()).toBe(0);
  });

  test('skipped duplicates bring no images', async () => {
    await applyImport(await planImport([deck(['plain'])]), 'update', NOW);
    await applyImport(await planImport([deck([`![p1.png](drydock-media:${image(1).id})`])], [image(1)]), 'skip', NOW + 1);
    expect(await db.media.count()).toBe(0);
  });
});

describe('images in the import screen', () => {
  const file = (bytes: Uint8Array) => ({ name: 'pictures.apkg', size: bytes.length, arrayBuffer: async () => bytes.slice().buffer });

  test('the preview counts the images; confirming stores them with the cards', async () => {
    const flow = new ImportFlow();
    await flow.openFile(file(await legacyApkgWithMedia('<img src="dot.png"><img src="big.png">', 'b', { 'dot.png': PNG_1PX, 'big.png': new Uint8Array(3 * 1024 * 1024).fill(0x89, 0, 1) })));
    expect(flow.phase).toBe('preview');
    expect(flow.preview?.images).toEqual({ imported: 1, skipped: 1 });
    expect(await db.media.count()).toBe(0);
    await flow.confirm(NOW);
    expect(flow.phase).toBe('done');
    expect((await db.media.toArray()).map((m) => m.name)).toEqual(['dot.png']);
  });

  test('cancelling the preview stores nothing', async () => {
    const flow = new ImportFlow();
    await flow.openFile(file(await legacyApkgWithMedia('<img src="dot.png">', 'b', { 'dot.png': PNG_1PX })));
    expect(flow.preview?.images).toEqual({ imported: 1, skipped: 0 });
    flow.reset();
    expect(await db.media.count()).toBe(0);
    expect(await db.cards.count()).toBe(0);
  });
});

describe('images when a deck goes', () => {
  test('deleting a deck deletes the images only its cards show, in the same transaction; an image another deck shows stays', async () => {
    const { deleteDeck } = await import('../../../src/lib/db/editor');
    const shows = (n: number) => `![p${n}.png](drydock-media:${image(n).id})`;
    await applyImport(await planImport([deck([shows(1), shows(2)], 'pictures')], [image(1), image(2)]), 'update', NOW);
    await applyImport(await planImport([{ ...deck([`again ${shows(2)}`], 'more'), cards: [{ id: 'm0', kind: 'basic', tags: [], prompt: `again ${shows(2)}`, answer: 'a' }] }]), 'update', NOW);
    expect(await db.media.count()).toBe(2);

    // A failed delete keeps everything.
    const fail = () => {
      throw new Error('disk full');
    };
    db.decks.hook('deleting', fail);
    await expect(deleteDeck('pictures')).rejects.toThrow(/disk full/);
    db.decks.hook('deleting').unsubscribe(fail);
    expect((await db.media.toCollection().primaryKeys()).sort()).toEqual([image(1).id, image(2).id]);

    await deleteDeck('pictures');
    expect(await db.media.toCollection().primaryKeys()).toEqual([image(2).id]);
    await deleteDeck('more');
    expect(await db.media.count()).toBe(0);
  });

  test('Check the collection removes images no card shows, and a second run finds nothing', async () => {
    const { checkAndRepairCollection } = await import('../../../src/lib/db/check');
    await applyImport(await planImport([deck([`![p1.png](drydock-media:${image(1).id})`])], [image(1)]), 'update', NOW);
    await db.media.add({ id: image(2).id, deckId: 'gone', type: 'image/png', name: 'p2.png', bytes: PNG_1PX, createdAt: NOW });
    expect(await checkAndRepairCollection(NOW, { repair: false })).toEqual({ counts: { 'orphan-media': 1 }, total: 1 });
    expect(await db.media.count()).toBe(2);
    await checkAndRepairCollection(NOW, { repair: true });
    expect(await db.media.toCollection().primaryKeys()).toEqual([image(1).id]);
    expect(await checkAndRepairCollection(NOW, { repair: true })).toEqual({ counts: {}, total: 0 });
  });
});
