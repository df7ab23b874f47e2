// Versions that lost to a concurrent edit on another device. Restoring one writes it back as a new edit made here
// (so it wins everywhere on the next sync); dismissing forgets it.
import { db, type ConflictRecord } from './db';
import { replayCards, writeVersion } from './sync-apply';
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
    // Restored as an edit made here now, so it wins everywhere at the next sync.
    const edited = value === null || entity === 'setting' ? value : entity === 'card' ? { ...value, updatedAt: now, editedAt: now } : { ...value, updatedAt: now };
    await writeVersion(db, { entity, key, value: edited });
    // A card brought back gets its state from whatever reviews it still has.
    if (entity === 'card' && value !== null) await replayCards(db, [key], createScheduler(await loadSettings()));
    await db.conflicts.delete(id);
  });
}
