// Versions that lost to a concurrent edit on another device. Restoring one writes it back as a new edit made here
// (so it wins everywhere on the next sync); dismissing forgets it.
import { db, type CardRecord, type ConflictRecord, type DeckRecord } from './db';
import { replayCards } from './sync-apply';
import { loadSettings } from './settings';
import { createScheduler } from '../domain/scheduler';

export function listConflicts(): Promise<ConflictRecord[]> {
  return db.conflicts.orderBy('at').reverse().toArray();
}

export async function dismissConflict(id: number): Promise<void> {
  await db.conflicts.delete(id);
}

export async function restoreConflict(id: number, now: number): Promise<void> {
  await db.transaction('rw', [db.conflicts, db.cards, db.decks, db.settings, db.states, db.reviews], async () => {
    const conflict = await db.conflicts.get(id);
    if (!conflict) return;
    const { entity, key, value } = conflict;
    if (entity === 'setting') {
      if (value === null) await db.settings.delete(key);
      else await db.settings.put({ key, value: value.value });
    } else if (entity === 'deck') {
      if (value === null) await db.decks.delete(key);
      else {
        const existing = await db.decks.get(key);
        await db.decks.put({ ...(value as unknown as DeckRecord), bundleHash: existing?.bundleHash, updatedAt: now });
      }
    } else if (value === null) {
      await db.states.delete(key);
      await db.cards.delete(key);
    } else {
      const existing = await db.cards.get(key);
      await db.cards.put({ ...(value as unknown as CardRecord), retired: existing?.retired ?? 0, updatedAt: now, editedAt: now });
      // A card brought back gets its state from whatever reviews it still has.
      await replayCards(db, [key], createScheduler(await loadSettings()));
    }
    await db.conflicts.delete(id);
  });
}
