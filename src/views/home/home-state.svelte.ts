// The deck list: every deck with its card count and today's new / learning / due counts.
import { updateBundledDecksIfStale } from '../../lib/db/bundled-check';
import { loadSettings } from '../../lib/db/settings';
import { countDoneToday } from '../../lib/db/today-counts';
import { byDeckTitle, listDecks, loadStudyStates } from '../../lib/db/study-data';
import type { DeckRecord } from '../../lib/db/db';
import { hasCardsInStudy, loadDeckCounts, loadDeckTotals, TOTALS_CAP } from '../../lib/db/deck-counts';
import { sumCounts } from '../../lib/domain/deck-tally';
import type { DeckCounts } from '../../lib/domain/queue';
import { todaysLimits } from '../../lib/domain/today-limits';

export interface DeckSummary {
  id: string;
  title: string;
  description: string;
  /** Cards in study (not suspended or retired); null until counted, after the list is shown. */
  cardCount: number | null;
  /** Set when the deck holds more cards than the totals count (cardCount is then the cap). */
  cardCountCapped?: true;
  counts: DeckCounts;
}

export class HomeState {
  decks = $state<DeckSummary[]>([]);
  total = $state<DeckCounts>({ new: 0, learning: 0, due: 0 });
  loading = $state(true);
  /** Nothing stored yet: the built-in decks are being written for the first time. */
  firstRun = $state(false);
  error = $state<string | null>(null);
  /** Set when the deck list has left the screen: a refresh under way reads no more. */
  #closed = false;

  close(): void {
    this.#closed = true;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Shows what is stored at once, then merges the bundled decks and refreshes if anything changed. */
  async load(now = Date.now()): Promise<void> {
    try {
      // The list's own reads first (they tell a first run too): one round of reads fewer before the counts.
      const stored = await this.refresh(now);
      this.firstRun = stored.length === 0;
      // The merge's code loads only when the stored decks are not this version's (bundled-check.ts).
      const reports = await updateBundledDecksIfStale(now, stored);
      if (stored.length === 0 || reports.some((r) => !r.unchanged)) await this.refresh(now);
    } catch (e) {
      this.error = `Could not load the decks: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.loading = false;
    }
  }

  /**
   * Today's counts first, from index ranges bounded by the day's limits (deck-counts.ts); then each deck's card
   * total, read from index keys up to a cap, so it never holds up the list.
   */
  async refresh(now = Date.now()): Promise<DeckRecord[]> {
    const [decks, settings, done] = await Promise.all([listDecks(), loadSettings(), countDoneToday(now)]);
    // With an interview date, the plan may raise today's new-card limit (study-limits.ts); only then are every
    // card's states read, as the plan needs them.
    const plan = settings.interviewDate ? { states: await loadStudyStates(null), ...done } : undefined;
    const limits = await todaysLimits(settings, now, plan);
    // A bundled deck this version no longer ships (all its cards retired) is not listed.
    const listed = [];
    for (const d of decks) if (!(d.origin === 'bundled' && d.bundleHash === undefined && !(await hasCardsInStudy(d.id)))) listed.push(d);
    const counts = await loadDeckCounts(listed.map((d) => d.id), limits, done, now);
    const known = new Map(this.decks.map((d) => [d.id, d]));
    this.decks = listed
      .map((d) => ({ id: d.id, title: d.title, description: d.description, cardCount: known.get(d.id)?.cardCount ?? null, cardCountCapped: known.get(d.id)?.cardCountCapped, counts: counts.get(d.id)! }))
      .sort(byDeckTitle);
    this.total = sumCounts([...counts.values()]);
    if (this.#closed) return decks;
    const totals = await loadDeckTotals(listed.map((d) => d.id), TOTALS_CAP, () => this.#closed);
    if (this.#closed) return decks;
    this.decks = this.decks.map((d) => ({ ...d, cardCount: totals.get(d.id)?.inStudy ?? 0, cardCountCapped: totals.get(d.id)?.capped || undefined }));
    return decks;
  }
}
