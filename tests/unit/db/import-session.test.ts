import { beforeEach, describe, expect, test, vi } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { ImportSession, WRITE_CANCELLED } from '../../../src/lib/db/import-session';
import { batches, WRITE_BATCH } from '../../../src/lib/db/imports';
import { parseNotes } from '../../../src/lib/io/notes';
import { parseDelimited } from '../../../src/lib/io/csv';
import type { ImportBundle, Result } from '../../../src/lib/io/result';

const NOW = Date.UTC(2026, 11, 3, 9);
const LONG = 'When a container started with a named volume is removed with docker rm, and later a new container is started with the same volume name, and the application inside writes to the same path as before, what data does the new container see there?';
const NOTES = `# Docker basics

Q: What does \`docker ps -a\` show that \`docker ps\` alone does not?
A: Stopped containers as well as running ones.

Q: Which flag of \`docker run\` removes the container when it exits?
A: \`--rm\`

Q: ${LONG}
A: The data the first container wrote: named volumes outlive the containers that use them.
`;
const noClean = async () => [];
const notes = (): Promise<Result<ImportBundle>> => parseNotes(NOTES, 'basics.md');

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('ImportSession', () => {
  test('a notes preview carries every generated card, the lint findings once, and the cards already in the collection', async () => {
    const first = new ImportSession();
    const opened = await first.open(notes, noClean);
    if (!opened.ok) throw new Error(opened.error.message);
    const { choice, cardChecks } = opened.value;
    expect(choice!.decks.flatMap((d) => d.cards)).toHaveLength(3);
    expect(choice!.matched).toEqual([]);
    // The same findings feed the card checks and the chooser.
    expect(choice!.findings.map((f) => f.reason)).toEqual(cardChecks.map((c) => c.reason));
    expect(choice!.findings.some((f) => f.rule === 'long-prompt')).toBe(true);
    const keptId = choice!.decks[0].cards[0].id;
    const dropped = choice!.decks[0].cards.slice(1).map((c) => c.id);
    expect(await first.write({ choice: 'update', titles: {}, replaceRicher: false, now: NOW, chosen: { dropped, edits: [] } })).toMatchObject({ ok: true, outcome: { added: 1 } });

    const again = await new ImportSession().open(notes, noClean);
    expect(again.ok && again.value.choice!.matched).toEqual([keptId]);
  });

  test('other formats carry no card choice', async () => {
    const opened = await new ImportSession().open(async () => parseDelimited('front,back\nq1,a1\n', 'w.csv'), noClean);
    expect(opened.ok && opened.value.choice).toBeUndefined();
  });

  test('write keeps only the chosen cards, edits under the generated id, in one transaction that writes nothing when it fails', async () => {
    const session = new ImportSession();
    const opened = await session.open(notes, noClean);
    if (!opened.ok) throw new Error(opened.error.message);
    const [a, b, c] = opened.value.choice!.decks[0].cards;
    if (b.kind !== 'basic') throw new Error('expected a basic card');
    const chosen = { dropped: [c.id], edits: [{ ...b, answer: '`--rm`, so nothing is left behind' }] };
    const failing = vi.spyOn(db.states, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    expect(await session.write({ choice: 'update', titles: {}, replaceRicher: false, now: NOW, chosen })).toMatchObject({ ok: false });
    expect([await db.decks.count(), await db.cards.count(), await db.states.count()]).toEqual([0, 0, 0]);
    failing.mockRestore();
    expect(await session.write({ choice: 'update', titles: {}, replaceRicher: false, now: NOW, chosen })).toMatchObject({ ok: true, outcome: { added: 2 } });
    expect((await db.cards.toArray()).map((card) => card.id).sort()).toEqual([a.id, b.id].sort());
    expect(await db.cards.get(b.id)).toMatchObject({ answer: '`--rm`, so nothing is left behind' });
    expect(await db.states.count()).toBe(2);
  });

  test('a choice that keeps no card writes nothing and says so', async () => {
    const session = new ImportSession();
    const opened = await session.open(notes, noClean);
    if (!opened.ok) throw new Error(opened.error.message);
    const dropped = opened.value.choice!.decks.flatMap((d) => d.cards.map((c) => c.id));
    const written = await session.write({ choice: 'update', titles: {}, replaceRicher: false, now: NOW, chosen: { dropped, edits: [] } });
    expect(written).toEqual({ ok: false, message: 'No card is ticked, so there is nothing to import. Nothing was changed.' });
    expect(await db.decks.count()).toBe(0);
  });
});

describe('Cancel during the write', () => {
  const csv = (n: number) => 'front,back\n' + Array.from({ length: n }, (_, i) => `q${i},a${i}`).join('\n') + '\n';
  const request = { choice: 'update' as const, titles: {}, replaceRicher: false, now: NOW };

  test('aborting after the first batch aborts the one transaction: nothing is stored, and the result says it was cancelled', async () => {
    const session = new ImportSession();
    const opened = await session.open(async () => parseDelimited(csv(3 * WRITE_BATCH), 'big.csv'), noClean);
    expect(opened.ok).toBe(true);
    const cancel = new AbortController();
    const progress: number[] = [];
    const written = await session.write(request, {
      signal: cancel.signal,
      onProgress: (fraction) => {
        progress.push(fraction);
        cancel.abort();
      },
    });
    expect(written).toEqual({ ok: false, cancelled: true, message: WRITE_CANCELLED });
    // One batch had been written inside the transaction when Cancel came: it was rolled back with the rest.
    expect(progress[0]).toBeCloseTo(1 / 3);
    expect(await db.cards.count()).toBe(0);
    expect(await db.states.count()).toBe(0);
    expect(await db.decks.count()).toBe(0);
  });

  test('the same session writes the import afterwards, in full, reporting progress up to the whole', async () => {
    const session = new ImportSession();
    await session.open(async () => parseDelimited(csv(WRITE_BATCH + 5), 'big.csv'), noClean);
    const cancel = new AbortController();
    cancel.abort();
    expect(await session.write(request, { signal: cancel.signal })).toMatchObject({ ok: false, cancelled: true });
    const progress: number[] = [];
    expect(await session.write(request, { onProgress: (f) => progress.push(f) })).toMatchObject({ ok: true, outcome: { added: WRITE_BATCH + 5 } });
    expect(progress).toEqual([WRITE_BATCH / (WRITE_BATCH + 5), 1]);
    expect(await db.cards.count()).toBe(WRITE_BATCH + 5);
  });
});

test('batches splits rows into runs of the given size, the last one shorter', () => {
  expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  expect(batches([], 2)).toEqual([]);
});
