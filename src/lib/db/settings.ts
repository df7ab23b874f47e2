import { db } from './db';
import { restoreSettings, validateSettings, type Settings } from '../domain/settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const row = await db.settings.get(KEY);
  return restoreSettings(row?.value);
}

/** Saves valid settings; throws with the field errors otherwise, leaving the stored value untouched. */
export async function saveSettings(settings: Settings): Promise<void> {
  const errors = validateSettings(settings);
  if (Object.keys(errors).length > 0) throw new Error(`Invalid settings: ${Object.values(errors).join(' ')}`);
  // A plain copy: callers often hold a $state proxy, which IndexedDB cannot clone.
  await db.settings.put({ key: KEY, value: JSON.parse(JSON.stringify(settings)) });
}
