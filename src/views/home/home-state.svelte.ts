// The deck list: every deck with its card count and today's new / learning / due counts.
import { updateBundledDecks } from '../../lib/db/bundled';
import { loadSettings } from '../../lib/db/settings';
import { countDoneToday } from '../../lib/db/study';
import { byDeckTitle, listDecks, loadStudyStates, type StudyState } from '../../lib/db/study-data';
import { deckCounts, type DeckCounts } from '../../lib/domain/queue';
import { todaysLimits } from '../../lib/domain/today-limits';

export interface DeckSummary {
  id: string;
  title: string;
  description: string;
  /** Cards in study (not suspended or retired). */
  cardCount: number;
  counts: DeckCounts;
}

export class HomeState {
  decks = $state<DeckSummary[]>([]);
  total = $state<DeckCounts>({ new: 0, learning: 0, due: 0 });
  loading = $state(true);
  /** Nothing stored yet: the built-in decks are being written for the first time. */
  firstRun = $state(false);
  error = $state<string | null>(null);

  /** Shows what is stored at once, then merges the bundled decks and refreshes if anything changed. */
  async load(now = Date.now()): Promise<void> {
    try {
      const stored = await listDecks();
      this.firstRun = stored.length === 0;
      if (stored.length > 0) await this.refresh(now);
      const reports = await updateBundledDecks(now);
      if (stored.length === 0 || reports.some((r) => !r.unchanged)) await this.refresh(now);
    } catch (e) {
      this.error = `Could not load the decks: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.loading = false;
    }
  }

  async refresh(now = Date.now()): Promise<void> {
    const [decks, states, settings, done] = await Promise.all([listDecks(), loadStudyStates(null), loadSettings(), countDoneToday(now)]);
    // With an interview date, the plan may raise today's new-card limit (study-limits.ts).
    const limits = await todaysLimits(settings, now, { states, newDoneToday: done.newDoneToday, reviewsDoneToday: done.reviewsDoneToday });
    const byDeck = new Map<string, StudyState[]>();
    for (const s of states) {
      const list = byDeck.get(s.deckId) ?? [];
      list.push(s);
      byDeck.set(s.deckId, list);
    }
    const countsFor = (list: StudyState[]) => deckCounts({ states: list, ...done, now, ...limits });
    this.decks = decks
      // A bundled deck this version no longer ships (all its cards retired) is not listed.
      .filter((d) => !(d.origin === 'bundled' && d.bundleHash === undefined && !(byDeck.get(d.id) ?? []).some((s) => s.inactive === 0)))
      .map((d) => {
        const list = byDeck.get(d.id) ?? [];
        return { id: d.id, title: d.title, description: d.description, cardCount: list.filter((s) => s.inactive === 0).length, counts: countsFor(list) };
      })
      .sort(byDeckTitle);
    this.total = countsFor(states);
  }
}
