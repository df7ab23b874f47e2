import { db, type DrydockDB } from './db';
import { restoreSettings, validateSettings, type Settings } from '../domain/settings';
import { HISTORY_LENGTH, isParameterSet, restoreParameterHistory, type ParameterSet } from '../domain/parameter-set';

/** The settings row's key in the settings table. */
export const SETTINGS_KEY = 'settings';
const KEY = SETTINGS_KEY;

export async function loadSettings(d: DrydockDB = db): Promise<Settings> {
  const row = await d.settings.get(KEY);
  return restoreSettings(row?.value);
}

/** Saves valid settings; throws with the field errors otherwise, leaving the stored value untouched. */
export async function saveSettings(settings: Settings): Promise<void> {
  const errors = validateSettings(settings);
  if (Object.keys(errors).length > 0) throw new Error(`Invalid settings: ${Object.values(errors).join(' ')}`);
  // A plain copy: callers often hold a $state proxy, which IndexedDB cannot clone.
  await db.settings.put({ key: KEY, value: JSON.parse(JSON.stringify(settings)) });
}

const HISTORY_KEY = 'fsrsParameterHistory';

/** Every parameter set the learner has applied, newest first (the active one included), for restoring. */
export async function loadParameterHistory(): Promise<ParameterSet[]> {
  const row = await db.settings.get(HISTORY_KEY);
  return restoreParameterHistory(row?.value);
}

/**
 * Makes a parameter set (or the defaults, for null) the one the scheduler uses from the next answer, and records a
 * new set in the history; one transaction, so the settings and the history never disagree.
 */
export async function applyParameters(set: ParameterSet | null): Promise<void> {
  if (set !== null && !isParameterSet(set)) throw new Error('Not a valid set of FSRS parameters.');
  const copy = set === null ? null : (JSON.parse(JSON.stringify(set)) as ParameterSet);
  await db.transaction('rw', db.settings, async () => {
    const settings = await loadSettings();
    await saveSettings({ ...settings, fsrsParameters: copy });
    if (copy === null) return;
    const history = (await loadParameterHistory()).filter((entry) => entry.createdAt !== copy.createdAt);
    await db.settings.put({ key: HISTORY_KEY, value: [copy, ...history].slice(0, HISTORY_LENGTH) });
  });
}
