// Screen state for the interview line on the home screen: the date, the countdown, the predicted recall on the day
// against the target, and the daily plan. The plan is computed off the main thread (it reads every card's state).
import { loadSettings, saveSettings } from '../../lib/db/settings';
import { computeInterviewPlan } from '../../lib/workers/stats-client';
import type { InterviewPlan } from '../../lib/domain/interview-plan';
import type { Settings } from '../../lib/domain/settings';
import { dayOf, dayOfIso, isoOfDay, localZone, type TimeZone } from '../../lib/domain/stats/days';

export type PlanLoader = (now: number, zone: TimeZone) => Promise<InterviewPlan | null>;

const pct = (v: number) => `${Math.round(v * 100)}%`;
/**
 * Predicted recall to one decimal: it is a mean over every card, so one answer moves it by a fraction of a percent,
 * and a whole percent would hide an Again.
 */
const recallPct = (v: number) => `${(Math.round(v * 1000) / 10).toFixed(1)}%`;

export class InterviewState {
  settings = $state.raw<Settings | null>(null);
  plan = $state.raw<InterviewPlan | null>(null);
  loading = $state(true);
  error = $state('');
  /** The date input's value while editing. */
  draft = $state('');

  constructor(
    private readonly loadPlan: PlanLoader = computeInterviewPlan,
    private readonly zone: TimeZone = localZone(),
  ) {}

  get date(): string | null {
    return this.settings?.interviewDate ?? null;
  }

  async load(now = Date.now()): Promise<void> {
    this.loading = true;
    this.error = '';
    try {
      this.settings = await loadSettings();
      this.draft = this.settings.interviewDate ?? '';
      this.plan = this.settings.interviewDate ? await this.loadPlan(now, this.zone) : null;
    } catch (e) {
      this.error = `Could not work out the interview plan: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.loading = false;
    }
  }

  /** The earliest date the input accepts: today. */
  minDate(now = Date.now()): string {
    return isoOfDay(dayOf(this.zone)(now));
  }

  async setDate(iso: string, now = Date.now()): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(dayOfIso(iso))) {
      this.error = 'Choose a date for the interview.';
      return;
    }
    if (iso < this.minDate(now)) {
      this.error = 'The interview date must be today or later.';
      return;
    }
    await this.save(iso, now);
  }

  async clear(now = Date.now()): Promise<void> {
    await this.save(null, now);
  }

  private async save(interviewDate: string | null, now: number): Promise<void> {
    this.error = '';
    try {
      const current = this.settings ?? (await loadSettings());
      await saveSettings({ ...current, interviewDate });
      await this.load(now);
    } catch (e) {
      this.error = `Could not save the interview date: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** "Interview in 9 days — predicted recall 74.3%, target 90%". */
  get countdown(): string {
    const p = this.plan;
    if (!p) return '';
    const recall = `predicted recall ${recallPct(p.predictedRecall)}, target ${pct(p.target)}`;
    if (p.daysLeft < 0) return 'Your interview date has passed.';
    if (p.daysLeft === 0) return `Interview today — ${recall}. Good luck!`;
    if (p.daysLeft === 1) return `Interview tomorrow — ${recall}`;
    return `Interview in ${p.daysLeft} days — ${recall}`;
  }

  /**
   * The pace until the day, then today's offer: "About 38 new cards and 62 reviews a day until then, plus about 68
   * extra taps for learning steps; 340 new cards to meet. Today: 97 new cards to study, up to 20 per deck."
   * `newShownToday` is the home screen's Study all count (what study will really show, siblings kept apart); today's
   * offer is never more than that, and is left out until it is known.
   */
  dailyPlan(newShownToday: number | null = null): string {
    const p = this.plan;
    if (!p || p.daysLeft <= 0) return '';
    if (p.cards === 0) return 'Add a deck to get a study plan for the interview.';
    if (p.answersPerDay === 0) return 'Nothing left to plan: every card is studied and nothing falls due before the interview.';
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    const work = p.newPace > 0 ? `${count(p.newPace, 'new card')} and ${count(p.reviewsPerDay, 'review')}` : count(p.reviewsPerDay, 'review');
    let first = `About ${work} a day until then`;
    if (p.learningTapsPerDay > 0) first += `, plus about ${count(p.learningTapsPerDay, 'extra tap')} for learning steps`;
    const parts = [first];
    if (p.newLeft > 0) parts.push(`${count(p.newLeft, 'new card')} to meet`);
    if (p.daysLeft === 1) parts.push("today's reviews include the cards due on the interview day");
    let text = `${parts.join('; ')}.`;
    if (p.newLeft > 0 && newShownToday !== null) {
      text += ` Today: ${count(Math.min(p.newPerDay, newShownToday), 'new card')} to study, up to ${p.newLimit} per deck.`;
    }
    return text;
  }
}
