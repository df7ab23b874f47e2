import { beforeEach, describe, expect, test } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { applyImport, planImport } from '../../../src/lib/db/imports';
import { answerCard } from '../../../src/lib/db/study';
import { takeSnapshotIfDue } from '../../../src/lib/db/snapshots';
import { backupDownloads } from '../../../src/lib/db/backup-reminder';
import { BackupsState } from '../../../src/views/settings/backups-state.svelte';
import { studyDeck } from '../../fixtures/study-deck';

const at = (day: number, hour = 10) => new Date(2026, 11, day, hour).getTime();

beforeEach(async () => {
  await db.delete();
  await db.open();
  const deck = studyDeck();
  await applyImport(await planImport([deck]), 'skip', at(1, 8));
  await answerCard({ cardId: deck.cards[0].id, rating: 3, now: at(1), durationMs: 2000, source: 'study' });
  await takeSnapshotIfDue(at(2, 7));
  await answerCard({ cardId: deck.cards[1].id, rating: 1, now: at(2), durationMs: 2000, source: 'study' });
});

describe('Settings → Backups', () => {
  test('lists the automatic backups with their counts', async () => {
    const state = new BackupsState();
    await state.load();
    expect(state.snapshots).toHaveLength(1);
    expect(state.snapshots[0]).toMatchObject({ createdAt: at(2, 7), decks: 1, cards: 5, reviews: 1 });
  });

  test('restoring shows the preview first and changes nothing until confirmed', async () => {
    const state = new BackupsState();
    await state.load();
    await state.openRestore(state.snapshots[0].id, at(3));
    expect(state.pending).toMatchObject({ current: { reviews: 2 }, incoming: { reviews: 1 } });
    expect(await db.reviews.count()).toBe(2);
    state.cancelRestore();
    expect(state.pending).toBeNull();
    expect(await db.reviews.count()).toBe(2);

    await state.openRestore(state.snapshots[0].id, at(3));
    await state.confirmRestore();
    expect(await db.reviews.count()).toBe(1);
    expect(state.status).toMatch(/^Restored 1 decks, 5 cards and 1 reviews from the automatic backup of /);
    expect(state.pending).toBeNull();
  });

  test('the reminder switch is stored', async () => {
    const state = new BackupsState();
    await state.load();
    expect(state.reminderOn).toBe(true);
    await state.setReminder(false);
    expect((await backupDownloads()).reminderOff).toBe(true);
    const again = new BackupsState();
    await again.load();
    expect(again.reminderOn).toBe(false);
  });
});
