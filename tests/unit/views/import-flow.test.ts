import { beforeEach, describe, expect, test, vi } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { CHECKED_CARDS, ImportFlow } from '../../../src/views/import/import-flow.svelte';
import { WRITE_BATCH } from '../../../src/lib/db/imports';
import { encodeShareLink } from '../../../src/lib/io/share-link';

const NOW = Date.UTC(2026, 10, 1, 9);
const file = (name: string, content: string) => {
  const bytes = new TextEncoder().encode(content);
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
};

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('ImportFlow', () => {
  test('a file is previewed first and written only on confirm', async () => {
    const flow = new ImportFlow();
    await flow.openFile(file('week1.csv', 'front,back,tags\nq1,a1,x\nq2,a2,\n'));
    expect(flow.phase).toBe('preview');
    expect(flow.decks).toEqual([{ id: 'csv-week1', title: 'week1', cards: 2, exists: false }]);
    expect(flow.firstCards.map((c) => c.front)).toEqual(['q1', 'q2']);
    expect(await db.cards.count()).toBe(0);
    await flow.confirm(NOW);
    expect(flow.phase).toBe('done');
    expect(flow.outcome).toMatchObject({ added: 2, deckIds: ['csv-week1'] });
    expect(await db.cards.count()).toBe(2);
  });

  test('Cancel during the write aborts it: the picker comes back with a note, nothing is stored, and the next import works', async () => {
    const flow = new ImportFlow();
    const rows = Array.from({ length: 3 * WRITE_BATCH }, (_, i) => `q${i},a${i}`).join('\n');
    await flow.openFile(file('big.csv', `front,back\n${rows}\n`));
    const writing = flow.confirm(NOW);
    expect(flow.phase).toBe('importing');
    // Cancel once the first batch is written: the transaction is under way.
    await vi.waitFor(() => expect(flow.progress).toBeGreaterThan(0), { timeout: 10_000, interval: 1 });
    flow.cancel();
    expect(flow.cancelling).toBe(true);
    await writing;
    expect(flow.phase).toBe('pick');
    expect(flow.error).toBe('Import cancelled. Nothing was changed.');
    expect(flow.cancelling).toBe(false);
    expect(await db.cards.count()).toBe(0);
    await flow.openFile(file('small.csv', 'front,back\nq1,a1\n'));
    await flow.confirm(NOW);
    expect(flow.outcome).toMatchObject({ added: 1 });
  });

  test('leaving the screen during the write lets it finish: the import is stored', async () => {
    const flow = new ImportFlow();
    const rows = Array.from({ length: 2 * WRITE_BATCH }, (_, i) => `q${i},a${i}`).join('\n');
    await flow.openFile(file('big.csv', `front,back\n${rows}\n`));
    const writing = flow.confirm(NOW);
    expect(flow.phase).toBe('importing');
    flow.leave();
    expect(flow.cancelling).toBe(false);
    await writing;
    expect(flow.phase).toBe('done');
    expect(await db.cards.count()).toBe(2 * WRITE_BATCH);
  });

  test('leaving the screen lets a preview go and stores nothing', async () => {
    const flow = new ImportFlow();
    await flow.openFile(file('week1.csv', 'front,back\nq1,a1\n'));
    flow.leave();
    await flow.confirm(NOW);
    expect(await db.cards.count()).toBe(0);
  });

  test('a new deck can be named in the preview; a deck that exists keeps its name', async () => {
    const flow = new ImportFlow();
    await flow.openFile(file('week1.csv', 'front,back\nq1,a1\n'));
    expect(flow.titles).toEqual({ 'csv-week1': 'week1' });
    flow.titles['csv-week1'] = '  Week 1: Basics ';
    await flow.confirm(NOW);
    expect((await db.decks.get('csv-week1'))?.title).toBe('Week 1: Basics');
    await flow.openFile(file('week1.csv', 'front,back\nq2,a2\n'));
    flow.titles['csv-week1'] = 'Renamed';
    await flow.confirm(NOW);
    expect((await db.decks.get('csv-week1'))?.title).toBe('Week 1: Basics');
    expect(await db.cards.count()).toBe(2);
  });

  test('re-importing shows the duplicates and honours the choice', async () => {
    const flow = new ImportFlow();
    await flow.openFile(file('w.csv', 'front,back\nq1,a1\n'));
    await flow.confirm(NOW);
    await flow.openFile(file('w.csv', 'front,back\nq1,a1 changed\n'));
    expect(flow.preview?.duplicates).toBe(1);
    flow.choice = 'skip';
    await flow.confirm(NOW);
    expect(flow.outcome).toMatchObject({ added: 0, skipped: 1 });
    expect(await db.cards.count()).toBe(1);
  });

  test('a bad file shows its message and writes nothing', async () => {
    const flow = new ImportFlow();
    await flow.openFile(file('bad.json', '{"formatVersion": 1, "id"'));
    expect(flow.phase).toBe('error');
    expect(flow.error).toMatch(/not valid JSON/);
    expect(await db.decks.count()).toBe(0);
  });

  test('cancel while reading returns to the picker and writes nothing', async () => {
    const flow = new ImportFlow();
    const pending = flow.openFile(file('big.csv', 'front,back\n' + 'q,a\n'.repeat(300_000)));
    await new Promise((r) => setTimeout(r, 5));
    flow.cancel();
    await pending;
    expect(flow.phase).toBe('pick');
    expect(flow.error).toMatch(/cancelled/);
    expect(await db.cards.count()).toBe(0);
  });

  test('a share link opens the same preview; a tampered one is refused', async () => {
    const link = await encodeShareLink({ formatVersion: 1, id: 'shared', title: 'Shared', description: '', tags: [], source: 'x', cards: [{ id: 'c', kind: 'basic', tags: [], prompt: 'p', answer: 'a' }] });
    if (!link.ok) throw new Error(link.error);
    const flow = new ImportFlow();
    await flow.openShare(link.value);
    expect(flow.phase).toBe('preview');
    expect(flow.decks[0]).toMatchObject({ title: 'Shared', cards: 1 });
    await flow.openShare(link.value.slice(0, -4) + 'AAAA');
    expect(flow.phase).toBe('error');
    expect(flow.error).toMatch(/damaged or was changed/);
  });
  test('the preview lists the deck lints of imported cards, and a clean file passes', async () => {
    const flow = new ImportFlow();
    await flow.openFile(file('weak.csv', 'front,back\nWhich docker command starts a stopped container?,docker start web\nDocker volumes: where is volume data kept on Linux?,/var/lib/docker/volumes\nDocker volumes: where is the volume data kept on Linux?,In Docker\n'));
    expect(flow.phase).toBe('preview');
    expect(flow.cardChecks).toEqual([
      { subject: 'Which docker command starts a stopped container?', reason: expect.stringMatching(/names the command `docker start`/) },
      { subject: 'Docker volumes: where is the volume data kept on Linux?', reason: 'The answer mostly repeats words of the prompt.' },
      { subject: 'Docker volumes: where is the volume data kept on Linux?', reason: expect.stringMatching(/repeats card/) },
    ]);
    await flow.openFile(file('fine.csv', 'front,back\nDocker volumes: which command lists them?,docker volume ls\n'));
    expect(flow.cardChecks).toEqual([]);
    expect(flow.checksPartial).toBe(false);
  });

  test('a huge file is checked on its first cards only, and says so', async () => {
    const flow = new ImportFlow();
    const rows = Array.from({ length: CHECKED_CARDS + 10 }, (_, i) => `Docker fact ${i}: which command shows it?,docker inspect thing${i}`);
    await flow.openFile(file('huge.csv', `front,back\n${rows.join('\n')}\nWhich docker command starts a stopped container?,docker start web\n`));
    expect(flow.checksPartial).toBe(true);
    // The giveaway is in the last row, past the checked cards.
    expect(flow.cardChecks.some((c) => /docker start/.test(c.reason))).toBe(false);
  });
});
