// The import screen's state: pick → reading (progress, Cancel) → preview (decks, first cards, problems, duplicates)
// → importing (progress, Cancel: the transaction is aborted) → done. Nothing is written before confirm(); the write is one transaction. Reading, planning and writing
// all run in the import worker (import-client.ts): this class holds only the preview. A notes import previews every
// generated card to choose from (card-choice.svelte.ts); only the kept ones, as edited, are written.
import type { DuplicateChoice, ImportOutcome } from '../../lib/db/imports';
import type { FileLike } from '../../lib/io/open-file';
import type { Result } from '../../lib/io/result';
import type { ImportFrom, ImportJob, ImportPreview } from '../../lib/workers/import-client';
import { announceDecksChanged } from '../../lib/ui/collection-events';
import { loadFullMarkdown } from '../../lib/ui/markdown-lazy.svelte';
import { LOSSY_LISTED, type PreviewDeck } from '../../lib/db/import-session';
import { CardChoice } from './card-choice.svelte';

export { CHECKED_CARDS, type CardCheck, type PreviewDeck } from '../../lib/db/import-session';

export type Phase = 'pick' | 'reading' | 'preview' | 'importing' | 'done' | 'error';

/** How long work may run before the progress bar and Cancel appear (a moment). */
export const PROGRESS_DELAY_MS = 250;

export class ImportFlow {
  phase = $state<Phase>('pick');
  progress = $state(0);
  showProgress = $state(false);
  /** Cancel was pressed during the write; the worker is aborting its transaction. */
  cancelling = $state(false);
  error = $state<string | null>(null);
  preview = $state.raw<ImportPreview | null>(null);
  choice = $state<DuplicateChoice>('update');
  /** "Update them" also replaces cards that would change kind or lose fields (off: those keep what they have). */
  replaceRicher = $state(false);
  outcome = $state.raw<ImportOutcome | null>(null);
  /** The learner's names for the decks this import creates, by deck id. */
  titles = $state<Record<string, string>>({});
  /** For a notes import: every generated card, to keep, drop or edit before importing. */
  cards = $state.raw<CardChoice | null>(null);
  #job: ImportJob | null = null;
  /** Bumped by every read and every Cancel, so a read that was overtaken drops its answer. */
  #run = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** Ids of the notes import's cards already in the collection. */
  readonly #matched = $derived(new Set(this.preview?.choice?.matched ?? []));
  /** The decks as they would be written: with a notes import, counting only the ticked cards. */
  readonly decks = $derived.by((): PreviewDeck[] => {
    const decks = this.preview?.decks ?? [];
    const cards = this.cards;
    if (!cards) return decks;
    const kept = new Map<string, number>();
    for (const row of cards.rows) if (cards.isKept(row.id)) kept.set(row.deckId, (kept.get(row.deckId) ?? 0) + 1);
    return decks.map((d) => ({ ...d, cards: kept.get(d.id) ?? 0 }));
  });
  readonly totalCards = $derived(this.decks.reduce((n, d) => n + d.cards, 0));
  /** Cards already in the collection (the ticked ones, with a notes import): the duplicate choice is about these. */
  readonly duplicates = $derived.by((): number => {
    const cards = this.cards;
    if (!cards) return this.preview?.duplicates ?? 0;
    let n = 0;
    for (const id of this.#matched) if (cards.isKept(id)) n++;
    return n;
  });
  readonly newCards = $derived(this.cards ? this.totalCards - this.duplicates : (this.preview?.newCards ?? 0));
  readonly firstCards = $derived(this.preview?.firstCards ?? []);
  /** Whether the file has more cards than the preview checks (the checks then cover the first ones). */
  readonly checksPartial = $derived(this.preview?.checksPartial ?? false);
  /** What an interviewer would notice on the imported cards (the bundled decks' lints), before confirming. */
  readonly cardChecks = $derived(this.preview?.cardChecks ?? []);
  /** The matched cards that "Update them" would change in kind or strip of fields (the ticked ones, with a notes import). */
  readonly #lossyKept = $derived((this.preview?.lossyCards ?? []).filter(({ id }) => !this.cards || this.cards.isKept(id)));
  readonly lossy = $derived(this.cards ? this.#lossyKept.length : (this.preview?.lossy ?? 0));
  /** The first of them (LOSSY_LISTED at most), for the preview to list. */
  readonly lossyCards = $derived.by((): { front: string; change: string }[] =>
    this.#lossyKept.slice(0, LOSSY_LISTED).map(({ front, loses }) => {
      const kind = loses.from === loses.to ? '' : `${loses.from} card would become ${loses.to}`;
      const fields = loses.fields.length ? `would lose ${loses.fields.join(', ')}` : '';
      return { front, change: [kind, fields].filter(Boolean).join(' and ') };
    }),
  );

  async openFile(file: FileLike): Promise<void> {
    await this.#read({ file });
  }

  async openShare(payload: string): Promise<void> {
    await this.#read({ share: payload });
  }

  async #read(from: ImportFrom): Promise<void> {
    this.#close();
    this.phase = 'reading';
    this.error = null;
    this.preview = null;
    this.cards = null;
    this.outcome = null;
    this.progress = 0;
    this.#startProgressTimer();
    // The preview renders the first cards as Markdown: the renderer loads (and compiles) while the worker reads, so
    // the preview's own paint is only its rendering.
    void loadFullMarkdown();
    const run = ++this.#run;
    try {
      const { startImport } = await import('../../lib/workers/import-client');
      if (run !== this.#run) return;
      const job = startImport(from, (p) => {
        if (run === this.#run) this.progress = p;
      });
      this.#job = job;
      const result: Result<ImportPreview> = await job.preview;
      if (run !== this.#run) return;
      if (!result.ok) {
        if (result.error.code !== 'cancelled') this.#fail(result.error.message);
        return;
      }
      const choice = result.value.choice;
      this.cards = choice ? new CardChoice(choice.decks, choice.findings, choice.html) : null;
      this.preview = result.value;
      this.titles = Object.fromEntries(result.value.decks.map((d) => [d.id, d.title]));
      this.choice = 'update';
      this.replaceRicher = false;
      this.phase = 'preview';
    } catch (e) {
      if (run === this.#run) this.#fail(`Something went wrong while reading the file (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`);
    } finally {
      if (run === this.#run) this.#stopProgressTimer();
    }
  }

  /**
   * Stops reading (the screen goes back to the picker with a note), or lets go of a preview. During the write, aborts
   * its transaction: confirm() then goes back to the picker with the same note (or to done, if it had committed).
   */
  cancel(): void {
    if (this.phase === 'importing') {
      this.cancelling = true;
      this.#job?.cancelWrite();
      return;
    }
    this.#close();
    this.#stopProgressTimer();
    if (this.phase === 'reading') {
      this.phase = 'pick';
      this.error = 'Import cancelled. Nothing was changed.';
    }
  }

  /**
   * The screen closes: a read or a preview is let go, but a write under way finishes and is stored, since the learner
   * pressed Import and may well leave for the Library at once (only the Cancel button cancels a write).
   */
  leave(): void {
    if (this.phase !== 'importing') this.cancel();
  }

  async confirm(now: number): Promise<void> {
    const job = this.#job;
    if (this.phase !== 'preview' || !job || this.cards?.editing || this.totalCards === 0) return;
    this.phase = 'importing';
    this.progress = 0;
    this.cancelling = false;
    this.#startProgressTimer();
    try {
      const chosen = this.cards?.selection();
      const written = await job.write({ choice: this.choice, titles: $state.snapshot(this.titles), replaceRicher: this.replaceRicher, now, ...(chosen ? { chosen } : {}) });
      if (!written.ok && written.cancelled) {
        this.phase = 'pick';
        this.error = written.message;
        this.preview = null;
        this.cards = null;
        return;
      }
      if (!written.ok) return this.#fail(written.message);
      this.outcome = written.outcome;
      this.phase = 'done';
      announceDecksChanged();
    } catch (e) {
      this.#fail(`This import could not be saved (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`);
    } finally {
      if (this.#job === job) this.#job = null;
      this.cancelling = false;
      this.#stopProgressTimer();
    }
  }

  reset(): void {
    this.cancel();
    this.phase = 'pick';
    this.error = null;
    this.preview = null;
    this.cards = null;
    this.outcome = null;
  }

  #close(): void {
    this.#run++;
    this.#job?.close();
    this.#job = null;
  }

  #fail(message: string): void {
    this.error = message;
    this.phase = 'error';
  }

  #startProgressTimer(): void {
    this.showProgress = false;
    this.#timer = setTimeout(() => (this.showProgress = true), PROGRESS_DELAY_MS);
  }

  #stopProgressTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.showProgress = false;
  }
}
