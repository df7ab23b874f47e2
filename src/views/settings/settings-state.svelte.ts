// The settings form: text fields as typed, parsed and validated on save; nothing is stored while invalid.
import { loadSettings, saveSettings } from '../../lib/db/settings';
import { persistenceStatus, type PersistenceStatus } from '../../lib/db/persistence';
import { validateSettings, type Settings, type SettingsErrors } from '../../lib/domain/settings';
import { checkAndRepairCollection } from '../../lib/db/check';
import { describeReport } from '../../lib/domain/collection-check';

export interface SettingsForm {
  desiredRetention: string;
  maximumInterval: string;
  learningSteps: string;
  relearningSteps: string;
  newPerDay: string;
  reviewsPerDay: string;
}

export function toForm(s: Settings): SettingsForm {
  return {
    desiredRetention: s.desiredRetention.toFixed(2),
    maximumInterval: String(s.maximumInterval),
    learningSteps: s.learningSteps.join(' '),
    relearningSteps: s.relearningSteps.join(' '),
    newPerDay: String(s.newPerDay),
    reviewsPerDay: String(s.reviewsPerDay),
  };
}

export function fromForm(form: SettingsForm, base: Settings): Settings {
  const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const steps = (text: string) => text.split(/[\s,]+/).filter(Boolean);
  return {
    ...base,
    desiredRetention: num(form.desiredRetention),
    maximumInterval: num(form.maximumInterval),
    learningSteps: steps(form.learningSteps),
    relearningSteps: steps(form.relearningSteps),
    newPerDay: num(form.newPerDay),
    reviewsPerDay: num(form.reviewsPerDay),
  };
}

export class SettingsState {
  form = $state<SettingsForm>(toForm({ desiredRetention: 0.9, maximumInterval: 36500, learningSteps: [], relearningSteps: [], newPerDay: 20, reviewsPerDay: 200, interviewDate: null, fewerTaps: true, fsrsParameters: null }));
  /** A switch, kept apart from the text fields. */
  fewerTaps = $state(true);
  errors = $state<SettingsErrors>({});
  loaded = $state(false);
  saved = $state(false);
  persistence = $state<PersistenceStatus>('not-asked');
  #base: Settings | null = null;

  async load(): Promise<void> {
    const [settings, persistence] = await Promise.all([loadSettings(), persistenceStatus()]);
    this.#base = settings;
    this.form = toForm(settings);
    this.fewerTaps = settings.fewerTaps;
    this.persistence = persistence;
    this.loaded = true;
  }

  /** Saves when valid and returns true; otherwise shows the errors and stores nothing. */
  async save(): Promise<boolean> {
    this.saved = false;
    // Re-read so a field another screen owns (the interview date) is not overwritten with a stale value.
    const base = await loadSettings();
    const candidate = { ...fromForm($state.snapshot(this.form), base), fewerTaps: this.fewerTaps };
    this.errors = validateSettings(candidate);
    if (Object.keys(this.errors).length > 0) return false;
    await saveSettings(candidate);
    this.#base = candidate;
    this.saved = true;
    return true;
  }

  /** "Check the collection": null before the first run, then what the last run found and repaired. */
  checkResult = $state<{ lines: string[]; error?: string } | null>(null);
  checking = $state(false);

  async checkCollection(now: number): Promise<void> {
    this.checking = true;
    try {
      this.checkResult = { lines: describeReport(await checkAndRepairCollection(now, { repair: true })) };
    } catch (e) {
      this.checkResult = { lines: [], error: `The check could not finish and changed nothing (${e instanceof Error ? e.message : String(e)}).` };
    } finally {
      this.checking = false;
    }
  }
}
