// Backups carry the imported images (base64 in the JSON); a restore brings them back, checked like imported ones.
import { beforeEach, describe, expect, test } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { restoreCollection, snapshotCollection } from '../../../src/lib/db/backup';
import { applyImport, planImport } from '../../../src/lib/db/imports';
import { parseBackup, writeBackup } from '../../../src/lib/io/backup';
import { contentId } from '../../../src/lib/io/media';
import { PNG_1PX } from '../io/apkg-helpers';

const NOW = Date.UTC(2026, 11, 1, 9);

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('images in backups', () => {
  test('backup then restore into an empty profile brings the images back byte for byte', async () => {
    const id = await contentId(PNG_1PX);
    const cards = [{ id: 'c', kind: 'basic' as const, tags: [], prompt: `![dot.png](drydock-media:${id})`, answer: 'a' }];
    await applyImport(await planImport([{ formatVersion: 1, id: 'd', title: 'D', description: '', tags: [], source: 'p.apkg', cards }], [{ id, type: 'image/png', name: 'dot.png', bytes: PNG_1PX }]), 'skip', NOW);
    const before = await snapshotCollection();
    expect(before.media).toHaveLength(1);
    const file = writeBackup(before, NOW);
    expect(JSON.parse(file).tables.media[0].bytes).toBe(btoa(String.fromCharCode(...PNG_1PX)));
    await db.delete();
    await db.open();
    const parsed = await parseBackup(file, 'backup.json', NOW + 10);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.warnings).toEqual([]);
    await restoreCollection(parsed.value.snapshot);
    expect(await snapshotCollection()).toEqual(before);
  });

  test('images that are not images, have a made-up id or are over the cap are left out and reported', async () => {
    const good = { id: 'a'.repeat(64), deckId: 'd', type: 'image/png', name: 'dot.png', bytes: btoa(String.fromCharCode(...PNG_1PX)), createdAt: NOW };
    const file = JSON.stringify({
      kind: 'drydock-backup', backupVersion: 1, createdAt: NOW,
      tables: {
        decks: [{ id: 'd', title: 'D' }],
        media: [good, { ...good, id: 'x' }, { ...good, id: 'b'.repeat(64), bytes: btoa('<html>not an image</html>') }, { ...good, id: 'c'.repeat(64), bytes: 'A'.repeat(3_000_000) }],
      },
    });
    const r = await parseBackup(file, 'b.json', NOW);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.snapshot.media?.map((m) => [m.id, m.type, m.bytes])).toEqual([[good.id, 'image/png', PNG_1PX]]);
    expect(r.value.warnings).toEqual(['3 damaged image(s) will be left out; their cards show the image\'s name instead.']);
  });

  test('a backup made before images existed restores with no images', async () => {
    const r = await parseBackup(JSON.stringify({ kind: 'drydock-backup', backupVersion: 1, createdAt: NOW, tables: { decks: [{ id: 'd', title: 'D' }] } }), 'old.json', NOW);
    if (!r.ok) throw new Error(r.error.message);
    await db.media.add({ id: 'e'.repeat(64), deckId: 'd', type: 'image/png', name: 'x.png', bytes: PNG_1PX, createdAt: NOW });
    await restoreCollection(r.value.snapshot);
    expect(await db.media.count()).toBe(0);
  });
});
