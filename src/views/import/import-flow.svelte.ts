// The import screen's state: pick → reading (progress, Cancel) → preview (decks, first cards, problems, duplicates)
// → importing → done. Nothing is written before confirm(); the write is one transaction. A notes import previews every
// generated card to choose from (card-choice.svelte.ts); only the kept ones are written.
import type { ImportBundle } from '../../lib/io/result';
import type { FileLike } from '../../lib/io/open-file';
import type { DuplicateChoice, ImportOutcome, ImportPlan } from '../../lib/db/imports';
import type { LintFinding } from '../../lib/domain/deck-lint';
import { cardBack, cardFront, type Card, type Deck } from '../../lib/domain/model';
import { CardChoice } from './card-choice.svelte';

export type Phase = 'pick' | 'reading' | 'preview' | 'importing' | 'done' | 'error';

/** A deck lint finding as the preview shows it: the card's front (or the deck's title) and the reason. */
export interface CardCheck {
  subject: string;
  reason: string;
}

export interface PreviewDeck {
  id: string;
  title: string;
  cards: number;
  exists: boolean;
}

/** The preview's card checks look at this many cards at most, so a huge file's preview stays quick. */
export const CHECKED_CARDS = 5_000;

/** How long work may run before the progress bar and Cancel appear (a moment). */
export const PROGRESS_DELAY_MS = 250;

export class ImportFlow {
  phase = $state<Phase>('pick');
  progress = $state(0);
  showProgress = $state(false);
  error = $state<string | null>(null);
  bundle = $state.raw<ImportBundle | null>(null);
  plan = $state.raw<ImportPlan | null>(null);
  choice = $state<DuplicateChoice>('update');
  /** "Update them" also replaces cards that would change kind or lose fields (off: those keep what they have). */
  replaceRicher = $state(false);
  outcome = $state.raw<ImportOutcome | null>(null);
  /** The learner's names for the decks this import creates, by deck id. */
  titles = $state<Record<string, string>>({});
  /** The deck lints' findings on the previewed cards (the first CHECKED_CARDS of them). */
  findings = $state.raw<LintFinding[]>([]);
  /** For a notes import: every generated card, to keep, drop or edit before importing. */
  cards = $state.raw<CardChoice | null>(null);
  #controller: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** The plan as it would be written: with a notes import, only the kept cards, as edited. */
  readonly chosen = $derived.by((): ImportPlan | null => (this.plan && this.cards ? this.cards.apply(this.plan) : this.plan));

  readonly decks = $derived.by((): PreviewDeck[] =>
    (this.chosen?.decks ?? []).map((p) => ({ id: p.deck.id, title: p.deck.title, cards: p.deck.cards.length, exists: p.exists })),
  );
  readonly totalCards = $derived(this.decks.reduce((n, d) => n + d.cards, 0));
  /** Cards that "Update them" would change to another kind or strip of fields, for the preview to list. */
  readonly lossyCards = $derived.by((): { front: string; change: string }[] =>
    (this.chosen?.decks ?? []).flatMap((d) => d.cards).flatMap(({ card, loses }) => {
      if (!loses) return [];
      const kind = loses.from === loses.to ? '' : `${loses.from} card would become ${loses.to}`;
      const fields = loses.fields.length ? `would lose ${loses.fields.join(', ')}` : '';
      return [{ front: cardFront(card), change: [kind, fields].filter(Boolean).join(' and ') }];
    }),
  );
  readonly firstCards = $derived.by((): { card: Card; front: string; back: string }[] =>
    (this.bundle?.decks ?? []).flatMap((d) => d.cards).slice(0, 5).map((card) => ({ card, front: cardFront(card), back: cardBack(card) })),
  );

  /** Whether the file has more cards than the preview checks (the checks then cover the first ones). */
  readonly checksPartial = $derived((this.bundle?.decks ?? []).reduce((n, d) => n + d.cards.length, 0) > CHECKED_CARDS);
  /** What an interviewer would notice on the imported cards (the bundled decks' lints), before confirming. */
  readonly cardChecks = $derived.by((): CardCheck[] => {
    const subjects = new Map<string, string>((this.bundle?.decks ?? []).flatMap((d) => [[d.id, d.title] as const, ...d.cards.map((c) => [c.id, cardFront(c)] as const)]));
    return this.findings.map((f) => ({ subject: subjects.get(f.cardId) ?? f.cardId, reason: f.reason }));
  });

  async openFile(file: FileLike): Promise<void> {
    await this.#read(async (signal) => (await import('../../lib/io/parse-client')).parseDeckFile(file, { signal, onProgress: (p) => (this.progress = p) }));
  }

  async openShare(payload: string): Promise<void> {
    await this.#read(async () => (await import('../../lib/io/share-link')).decodeShareLink(payload));
  }

  async #read(parse: (signal: AbortSignal) => Promise<import('../../lib/io/result').Result<ImportBundle>>): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    this.phase = 'reading';
    this.error = null;
    this.bundle = null;
    this.plan = null;
    this.findings = [];
    this.cards = null;
    this.outcome = null;
    this.progress = 0;
    this.#startProgressTimer();
    try {
      const result = await parse(controller.signal);
      if (controller.signal.aborted || this.#controller !== controller) return;
      if (!result.ok) return this.#fail(result.error.message);
      // The collection lookup and the card checks (a worker) run side by side.
      const [{ planImport }, { lintOffPage }] = await Promise.all([import('../../lib/db/imports'), import('./lint-client')]);
      const [plan, findings] = await Promise.all([planImport(result.value.decks, result.value.media), lintOffPage(checkedCards(result.value.decks), controller.signal)]);
      if (controller.signal.aborted) return;
      this.findings = findings;
      this.cards = result.value.format === 'notes' ? new CardChoice(result.value.decks, findings) : null;
      this.bundle = result.value;
      this.plan = plan;
      this.titles = Object.fromEntries(plan.decks.map((d) => [d.deck.id, d.deck.title]));
      this.choice = 'update';
      this.replaceRicher = false;
      this.phase = 'preview';
    } catch (e) {
      this.#fail(`Something went wrong while reading the file (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`);
    } finally {
      this.#stopProgressTimer();
      if (this.#controller === controller) this.#controller = null;
    }
  }

  /** Stops reading; the screen goes back to the picker with a note. */
  cancel(): void {
    if (!this.#controller) return;
    this.#controller.abort();
    this.#controller = null;
    this.#stopProgressTimer();
    if (this.phase === 'reading') {
      this.phase = 'pick';
      this.error = 'Import cancelled. Nothing was changed.';
    }
  }

  async confirm(now: number): Promise<void> {
    const plan = this.chosen;
    if (this.phase !== 'preview' || !plan || this.cards?.editing || this.totalCards === 0) return;
    this.phase = 'importing';
    this.#startProgressTimer();
    try {
      const { applyImport } = await import('../../lib/db/imports');
      this.outcome = await applyImport(this.#named(plan), this.choice, now, 'imported', this.replaceRicher);
      this.phase = 'done';
    } catch (e) {
      const { estimateBytes, writeFailureMessage } = await import('../../lib/db/storage-errors');
      this.#fail(await writeFailureMessage('this import', e, estimateBytes(plan.decks.map((d) => d.deck))));
    } finally {
      this.#stopProgressTimer();
    }
  }

  /** The plan with the names given in the preview; a deck that already exists keeps its own. */
  #named(plan: ImportPlan): ImportPlan {
    const titled = (d: ImportPlan['decks'][number]) => {
      const title = this.titles[d.deck.id]?.trim();
      return d.exists || !title ? d : { ...d, deck: { ...d.deck, title } };
    };
    return { ...plan, decks: plan.decks.map(titled) };
  }

  reset(): void {
    this.cancel();
    this.phase = 'pick';
    this.error = null;
    this.bundle = null;
    this.plan = null;
    this.findings = [];
    this.cards = null;
    this.outcome = null;
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

/** The first CHECKED_CARDS cards, in their decks: what the preview's checks look at. */
function checkedCards(decks: Deck[]): Deck[] {
  let room = CHECKED_CARDS;
  return decks.map((d) => {
    const cards = d.cards.slice(0, room);
    room -= cards.length;
    return { ...d, cards };
  });
}
