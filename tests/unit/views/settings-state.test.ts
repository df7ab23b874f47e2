import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { loadSettings, saveSettings } from '../../../src/lib/db/settings';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import { SettingsState } from '../../../src/views/settings/settings-state.svelte';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('SettingsState', () => {
  it('shows the defaults and saves valid changes', async () => {
    const state = new SettingsState();
    await state.load();
    expect(state.form).toMatchObject({ desiredRetention: '0.90', newPerDay: '20', learningSteps: '1m 10m' });
    state.form.desiredRetention = '0.85';
    state.form.newPerDay = '35';
    state.form.learningSteps = '30s, 5m 1h';
    expect(await state.save()).toBe(true);
    expect(await loadSettings()).toMatchObject({ desiredRetention: 0.85, newPerDay: 35, learningSteps: ['30s', '5m', '1h'] });
  });

  it('rejects out-of-range values and stores nothing', async () => {
    const state = new SettingsState();
    await state.load();
    state.form.desiredRetention = '0.5';
    state.form.maximumInterval = '';
    state.form.relearningSteps = 'ten minutes';
    expect(await state.save()).toBe(false);
    expect(Object.keys(state.errors).sort()).toEqual(['desiredRetention', 'maximumInterval', 'relearningSteps']);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS });
  });

  it('keeps the interview date another screen set', async () => {
    const state = new SettingsState();
    await state.load();
    await saveSettings({ ...DEFAULT_SETTINGS, interviewDate: '2026-12-24' });
    state.form.newPerDay = '5';
    await state.save();
    expect(await loadSettings()).toMatchObject({ newPerDay: 5, interviewDate: '2026-12-24' });
  });
});
