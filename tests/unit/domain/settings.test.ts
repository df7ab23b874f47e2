import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, restoreSettings, validateSettings } from '../../../src/lib/domain/settings';

describe('settings validation', () => {
  it('accepts the defaults', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS })).toEqual({});
  });

  it('rejects desired retention outside 0.70–0.99', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.5 }).desiredRetention).toMatch(/0.7 to 0.99/);
    expect(validateSettings({ ...DEFAULT_SETTINGS, desiredRetention: 1 }).desiredRetention).toBeDefined();
    expect(validateSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.85 })).toEqual({});
  });

  it('rejects malformed learning steps and fractional limits', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, learningSteps: ['1 minute'] }).learningSteps).toBeDefined();
    expect(validateSettings({ ...DEFAULT_SETTINGS, newPerDay: 2.5 }).newPerDay).toBe('Must be a whole number.');
  });

  it('restores stored values field by field, dropping only the invalid ones', () => {
    const restored = restoreSettings({ desiredRetention: 0.8, newPerDay: -3, learningSteps: ['5m'], extra: 'ignored' });
    expect(restored.desiredRetention).toBe(0.8);
    expect(restored.newPerDay).toBe(DEFAULT_SETTINGS.newPerDay);
    expect(restored.learningSteps).toEqual(['5m']);
    expect(restored).not.toHaveProperty('extra');
    expect(restoreSettings('garbage')).toEqual({ ...DEFAULT_SETTINGS });
  });
});
