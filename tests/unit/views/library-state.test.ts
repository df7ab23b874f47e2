import { beforeEach, describe, expect, test, vi } from 'vitest';

// The built-in decks are fetched over HTTP, which unit tests don't serve; these tests work on decks they make.
vi.mock('../../../src/lib/db/bundled', async (importActual) => ({
  ...(await importActual<typeof import('../../../src/lib/db/bundled')>()),
  updateBundledDecks: async () => [],
}));
import { db } from '../../../src/lib/db/db';
import { LibraryState } from '../../../src/views/library/library.svelte';
import { addCard } from '../../../src/lib/db/editor';
import { parseDeckJson } from '../../../src/lib/io/deck-json';
import { readApkg } from '../../../src/lib/io/apkg-read';

const NOW = Date.UTC(2026, 10, 1, 9);
const asFile = async (name: string, blob: Blob) => {
  const buffer = await blob.arrayBuffer();
  return { name, size: buffer.byteLength, arrayBuffer: async () => buffer };
};

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('LibraryState', () => {
  test('new deck, export as JSON / CSV / .apkg, delete', async () => {
    const lib = new LibraryState();
    const id = (await lib.create('Week 3', NOW))!;
    await addCard(id, { id: '', kind: 'basic', tags: ['compose'], prompt: 'What does `up -d` do?', answer: 'Starts detached' }, NOW);
    await lib.load();
    expect(lib.decks.map((d) => [d.deck.title, d.cards])).toEqual([['Week 3', 1]]);
    expect(await lib.exportSelected(NOW)).toBeNull();
    expect(lib.error).toMatch(/Select at least one deck/);
    lib.toggle(id, true);
    const json = (await lib.exportSelected(NOW))!;
    expect(json.name).toBe('week-3.json');
    const back = await parseDeckJson(await json.blob.text(), json.name);
    expect(back.ok && back.value.decks[0].cards[0]).toMatchObject({ prompt: 'What does `up -d` do?' });
    lib.exportFormat = 'csv';
    expect(await (await lib.exportSelected(NOW))!.blob.text()).toMatch(/^\uFEFF?front,back,tags\r\n"What does `up -d` do\?","Starts detached","compose"/);
    lib.exportFormat = 'apkg';
    const apkg = (await lib.exportSelected(NOW))!;
    const read = await readApkg(new Uint8Array(await apkg.blob.arrayBuffer()), apkg.name);
    expect(read.ok && read.value.decks[0].cards[0]).toMatchObject({ prompt: 'What does `up -d` do?', answer: 'Starts detached' });
    await lib.remove(id);
    expect(lib.decks).toEqual([]);
  });

  test('a Library closed while loading reads no totals: the next screen does not wait behind them', async () => {
    const lib = new LibraryState();
    const id = (await lib.create('Week 3', NOW))!;
    await addCard(id, { id: '', kind: 'basic', tags: [], prompt: 'q', answer: 'a' }, NOW);
    const next = new LibraryState();
    const loading = next.load();
    next.close();
    await loading;
    expect(next.decks.map((d) => [d.deck.title, d.cards])).toEqual([['Week 3', null]]);
    expect(next.loaded).toBe(false);
  });

  test('share link for a small deck; a big deck is told to use a file', async () => {
    const lib = new LibraryState();
    const id = (await lib.create('Big', NOW))!;
    for (let i = 0; i < 61; i++) await addCard(id, { id: '', kind: 'basic', tags: [], prompt: `q${i}`, answer: 'a' }, NOW);
    await lib.makeShareLink(id, 'https://drydock.example/#/library');
    expect(lib.share?.message).toMatch(/61 cards.*Export it as a file/);
    const small = (await lib.create('Small', NOW))!;
    await addCard(small, { id: '', kind: 'basic', tags: [], prompt: 'q', answer: 'a' }, NOW);
    await lib.makeShareLink(small, 'https://drydock.example/#/library');
    expect(lib.share?.url).toMatch(/^https:\/\/drydock\.example\/#\/share\/1\./);
  });

  test('backup, then restore shows what it replaces and asks before replacing', async () => {
    const lib = new LibraryState();
    const id = (await lib.create('Keep', NOW))!;
    await addCard(id, { id: '', kind: 'basic', tags: [], prompt: 'q', answer: 'a' }, NOW);
    const backup = await lib.backup(NOW);
    await lib.create('Added later', NOW);
    await lib.openRestore(await asFile(backup.name, backup.blob), NOW);
    expect(lib.restore).toMatchObject({ current: { decks: 2, cards: 1 }, incoming: { decks: 1, cards: 1 } });
    expect(await db.decks.count()).toBe(2);
    await lib.confirmRestore();
    expect(lib.decks.map((d) => d.deck.title)).toEqual(['Keep']);
  });

  test('a bad backup file is refused with its message', async () => {
    const lib = new LibraryState();
    await lib.openRestore(await asFile('x.json', new Blob(['{"kind":"drydock-backup"'])), NOW);
    expect(lib.error).toMatch(/not valid JSON/);
    expect(lib.restore).toBeNull();
  });
});
