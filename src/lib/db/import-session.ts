// One import from file to collection, as the import worker runs it (or the page itself where there are no workers):
// parse, plan against the collection, and on confirm write the plan in one read-write transaction. The parsed decks
// and the plan stay here; the page only ever gets the preview, so even 100,000 cards never cross to the main thread.
import { lintDecks } from '../domain/deck-lint';
import { cardBack, cardFront, type Card } from '../domain/model';
import type { MediaFile } from '../io/media';
import type { ImportBundle, Result } from '../io/result';
import { applyImport, planImport, type DuplicateChoice, type ImportOutcome, type ImportPlan, type UpdateLoss } from './imports';
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
  /** The first five cards, with their faces as text. */
  firstCards: { card: Card; front: string; back: string }[];
  warnings: string[];
  images?: { imported: number; skipped: number };
  cardChecks: CardCheck[];
  /** Whether the file has more cards than the checks cover (they then cover the first CHECKED_CARDS). */
  checksPartial: boolean;
  /** Matched cards that "Update them" would change in kind or strip of fields: how many, and the first LOSSY_LISTED. */
  lossy: number;
  lossyCards: { front: string; loses: UpdateLoss }[];
}

export interface WriteRequest {
  choice: DuplicateChoice;
  /** The learner's names for the decks this import creates, by deck id (a deck that exists keeps its own). */
  titles: Record<string, string>;
  replaceRicher: boolean;
  now: number;
}

export type WriteResult = { ok: true; outcome: ImportOutcome; queuedSync: boolean } | { ok: false; message: string };

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

  /** Writes the planned import in one transaction; a failure (the storage quota, say) writes nothing and says why. */
  async write(request: WriteRequest): Promise<WriteResult> {
    const plan = this.#plan;
    if (!plan) return { ok: false, message: 'There is nothing to import. Nothing was changed.' };
    let queuedSync = false;
    const stop = onOutboxWrite(() => (queuedSync = true));
    try {
      const outcome = await applyImport(named(plan, request.titles), request.choice, request.now, 'imported', request.replaceRicher);
      this.#plan = null;
      return { ok: true, outcome, queuedSync };
    } catch (e) {
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
  return {
    source: bundle.source,
    decks,
    totalCards,
    newCards: plan.newCards,
    duplicates: plan.duplicates,
    firstCards: bundle.decks.flatMap((d) => d.cards.slice(0, 5)).slice(0, 5).map((card) => ({ card, front: cardFront(card), back: cardBack(card) })),
    warnings: bundle.warnings,
    ...(bundle.images ? { images: bundle.images } : {}),
    cardChecks: cardChecks(bundle),
    checksPartial: totalCards > CHECKED_CARDS,
    lossy: lossy.length,
    lossyCards: lossy.slice(0, LOSSY_LISTED).map(({ card, loses }) => ({ front: cardFront(card), loses: loses! })),
  };
}

/** What an interviewer would notice on the imported cards (the bundled decks' lints), on the first CHECKED_CARDS. */
function cardChecks(bundle: ImportBundle): CardCheck[] {
  let room = CHECKED_CARDS;
  const decks = bundle.decks.map((d) => {
    const cards = d.cards.slice(0, room);
    room -= cards.length;
    return { ...d, cards };
  });
  const subjects = new Map<string, string>(decks.flatMap((d) => [[d.id, d.title] as const, ...d.cards.map((c) => [c.id, cardFront(c)] as const)]));
  return lintDecks(decks).map((f) => ({ subject: subjects.get(f.cardId) ?? f.cardId, reason: f.reason }));
}
