// One import from file to collection, as the import worker runs it (or the page itself where there are no workers):
// parse, plan against the collection, and on confirm write the plan in one read-write transaction. The parsed decks
// and the plan stay here; the page only ever gets the preview, so even 100,000 cards never cross to the main thread.
import { lintDecks, type LintFinding } from '../domain/deck-lint';
import { cardBack, cardFront, type Card, type Deck } from '../domain/model';
import { cardHtml, type FacesHtml } from '../io/card-html';
import type { MediaFile } from '../io/media';
import type { ImportBundle, Result } from '../io/result';
import { applyImport, keepChosen, planImport, type DuplicateChoice, type ImportOutcome, type ImportPlan, type UpdateLoss, type WriteControl } from './imports';
import { onOutboxWrite } from './sync-outbox';
import { estimateBytes, writeFailureMessage } from './storage-errors';

/** The preview's card checks look at this many cards at most, so a huge file's preview stays quick. */
export const CHECKED_CARDS = 5_000;
/** The preview lists this many cards an update would make poorer (and counts the rest). */
export const LOSSY_LISTED = 20;

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

/** Everything the preview shows, and nothing more: small whatever the file's size. */
export interface ImportPreview {
  source: string;
  decks: PreviewDeck[];
  totalCards: number;
  newCards: number;
  duplicates: number;
  /** The first five cards, with their faces as text, and as HTML rendered here (the page only sanitises it). */
  firstCards: { card: Card; front: string; back: string; html: FacesHtml }[];
  warnings: string[];
  images?: { imported: number; skipped: number };
  cardChecks: CardCheck[];
  /** Whether the file has more cards than the checks cover (they then cover the first CHECKED_CARDS). */
  checksPartial: boolean;
  /** Matched cards that "Update them" would change in kind or strip of fields: how many, and the first LOSSY_LISTED (all of them for a notes import). */
  lossy: number;
  lossyCards: { id: string; front: string; loses: UpdateLoss }[];
  /** A notes import only: every generated card, for the learner to keep, drop or edit before importing. */
  choice?: PreviewChoice;
}

/** What the card chooser needs from a notes import (a notes file is small: every card crosses to the page). */
export interface PreviewChoice {
  /** The generated decks, with every card. */
  decks: Deck[];
  /** The deck lints' findings on the first CHECKED_CARDS cards (the same ones cardChecks shows). */
  findings: LintFinding[];
  /** Ids of the planned cards that match a card already in the collection. */
  matched: string[];
  /** Each card's faces as inline HTML by card id, rendered here (the page only sanitises the rows in view). */
  html: Record<string, FacesHtml>;
}

/** The cards the learner left out or edited in the card chooser: plain arrays, so they can be posted to the worker. */
export interface ChosenCards {
  dropped: string[];
  /** Edited cards, each under its generated id. */
  edits: Card[];
}

export interface WriteRequest {
  choice: DuplicateChoice;
  /** The learner's names for the decks this import creates, by deck id (a deck that exists keeps its own). */
  titles: Record<string, string>;
  replaceRicher: boolean;
  now: number;
  /** A notes import: write only the kept cards, as edited (absent: every planned card). */
  chosen?: ChosenCards;
}

/** `cancelled`: Cancel aborted the write's transaction, so nothing was stored. */
export type WriteResult = { ok: true; outcome: ImportOutcome; queuedSync: boolean } | { ok: false; message: string; cancelled?: true };

export const WRITE_CANCELLED = 'Import cancelled. Nothing was changed.';

/** Cleans the SVG images a package brought (that needs a DOM, so the page does it); returns those kept. */
export type CleanImages = (svgs: MediaFile[]) => Promise<MediaFile[]>;

export class ImportSession {
  #plan: ImportPlan | null = null;

  /** Reads the file (through `read`) and plans it against the collection; nothing is written. */
  async open(read: () => Promise<Result<ImportBundle>>, cleanImages: CleanImages): Promise<Result<ImportPreview>> {
    const result = await read();
    if (!result.ok) return result;
    const bundle = result.value;
    const media = await cleaned(bundle.media ?? [], cleanImages);
    this.#plan = await planImport(bundle.decks, media);
    return { ok: true, value: previewOf(bundle, this.#plan) };
  }

  /**
   * Writes the planned import in one transaction; a failure (the storage quota, say) writes nothing and says why.
   * `control.signal` is Cancel: it aborts the transaction, and nothing is stored (unless it was already committing).
   */
  async write(request: WriteRequest, control: WriteControl = {}): Promise<WriteResult> {
    const plan = this.#plan;
    if (!plan) return { ok: false, message: 'There is nothing to import. Nothing was changed.' };
    let queuedSync = false;
    const stop = onOutboxWrite(() => (queuedSync = true));
    try {
      const kept = request.chosen ? keepChosen(plan, new Set(request.chosen.dropped), new Map(request.chosen.edits.map((c) => [c.id, c]))) : plan;
      if (request.chosen && kept.decks.every((d) => d.cards.length === 0)) return { ok: false, message: 'No card is ticked, so there is nothing to import. Nothing was changed.' };
      const outcome = await applyImport(named(kept, request.titles), request.choice, request.now, 'imported', request.replaceRicher, control);
      this.#plan = null;
      return { ok: true, outcome, queuedSync };
    } catch (e) {
      if (control.signal?.aborted) return { ok: false, message: WRITE_CANCELLED, cancelled: true };
      return { ok: false, message: await writeFailureMessage('this import', e, estimateBytes(plan.decks.map((d) => d.deck))) };
    } finally {
      stop();
    }
  }
}

async function cleaned(media: MediaFile[], cleanImages: CleanImages): Promise<MediaFile[]> {
  const svgs = media.filter((m) => m.type === 'image/svg+xml');
  if (svgs.length === 0) return media;
  const kept = new Map((await cleanImages(svgs)).map((m) => [m.id, m]));
  return media.flatMap((m) => (m.type !== 'image/svg+xml' ? [m] : kept.has(m.id) ? [kept.get(m.id)!] : []));
}

/** The plan with the names given in the preview; a deck that already exists keeps its own. */
function named(plan: ImportPlan, titles: Record<string, string>): ImportPlan {
  const titled = (d: ImportPlan['decks'][number]) => {
    const title = titles[d.deck.id]?.trim();
    return d.exists || !title ? d : { ...d, deck: { ...d.deck, title } };
  };
  return { ...plan, decks: plan.decks.map(titled) };
}

export function previewOf(bundle: ImportBundle, plan: ImportPlan): ImportPreview {
  const decks = plan.decks.map((p) => ({ id: p.deck.id, title: p.deck.title, cards: p.deck.cards.length, exists: p.exists }));
  const totalCards = decks.reduce((n, d) => n + d.cards, 0);
  const lossy = plan.decks.flatMap((d) => d.cards).filter((c) => c.loses);
  // The lints run once: the card checks show them, and a notes import's card chooser ranks its cards by them.
  const findings = lintDecks(checkedDecks(bundle.decks));
  return {
    source: bundle.source,
    decks,
    totalCards,
    newCards: plan.newCards,
    duplicates: plan.duplicates,
    firstCards: bundle.decks
      .flatMap((d) => d.cards.slice(0, 5))
      .slice(0, 5)
      .map((card) => {
        const front = cardFront(card);
        const back = cardBack(card);
        return { card, front, back, html: { front: cardHtml(front), back: back ? cardHtml(back) : '' } };
      }),
    warnings: bundle.warnings,
    ...(bundle.images ? { images: bundle.images } : {}),
    cardChecks: cardChecks(bundle, findings),
    checksPartial: totalCards > CHECKED_CARDS,
    lossy: lossy.length,
    // A notes import lists them all: which of them are written depends on the cards the learner ticks.
    lossyCards: (bundle.format === 'notes' ? lossy : lossy.slice(0, LOSSY_LISTED)).map(({ card, loses }) => ({ id: card.id, front: cardFront(card), loses: loses! })),
    ...(bundle.format === 'notes'
      ? { choice: { decks: bundle.decks, findings, matched: plan.decks.flatMap((d) => d.cards.filter((c) => c.match).map((c) => c.card.id)), html: inlineFaces(bundle.decks) } }
      : {}),
  };
}

/** Every card's faces as inline HTML, as the card chooser's rows show them. */
function inlineFaces(decks: Deck[]): Record<string, FacesHtml> {
  const html: Record<string, FacesHtml> = {};
  for (const card of decks.flatMap((d) => d.cards)) html[card.id] = { front: cardHtml(cardFront(card), true), back: cardHtml(cardBack(card), true) };
  return html;
}

/** The first CHECKED_CARDS cards, in their decks: what the preview's checks look at. */
function checkedDecks(decks: Deck[]): Deck[] {
  let room = CHECKED_CARDS;
  return decks.map((d) => {
    const cards = d.cards.slice(0, room);
    room -= cards.length;
    return { ...d, cards };
  });
}

/** What an interviewer would notice on the imported cards (the bundled decks' lints), as the card checks list them. */
function cardChecks(bundle: ImportBundle, findings: LintFinding[]): CardCheck[] {
  const subjects = new Map<string, string>(checkedDecks(bundle.decks).flatMap((d) => [[d.id, d.title] as const, ...d.cards.map((c) => [c.id, cardFront(c)] as const)]));
  return findings.map((f) => ({ subject: subjects.get(f.cardId) ?? f.cardId, reason: f.reason }));
}
