// Bundled decks (decks/*.deck.json) go into IndexedDB on first run and are merged in place when a new app
// version ships changed decks. Matched by card id: new cards are added, edited cards change content and keep
// their FSRS state, cards gone from the deck are retired (hidden, history kept), never deleted.
// Cards the learner edited locally (editedAt set) keep the learner's content and are never retired.
// The card-by-card rule is domain/deck-update.ts, shared with class decks.
import { db, type DeckRecord } from './db';
import { applyDeckUpdate } from './deck-update';
import { markLocalOnly } from './sync-outbox';
import { canonicalJson } from '../domain/deck-update';
import { stableId } from '../domain/ids';
import { FORMAT_VERSION, type Card, type Deck } from '../domain/model';

export interface MergeReport {
  deckId: string;
  /** The bundle matched the last merge: nothing was read or written. */
  unchanged: boolean;
  added: number;
  updated: number;
  retired: number;
  /** Retired cards that came back in this version. */
  restored: number;
  /** Changed in the bundle but left alone because the learner edited them. */
  keptLocalEdits: number;
}

export { canonicalJson };

export function bundleHash(deck: Deck): string {
  return stableId(canonicalJson(deck));
}

/** `hash` identifies the bundle's content; by default a hash of the deck itself. */
export async function mergeBundledDeck(deck: Deck, now: number, hash = bundleHash(deck)): Promise<MergeReport> {
  const report: MergeReport = { deckId: deck.id, unchanged: false, added: 0, updated: 0, retired: 0, restored: 0, keptLocalEdits: 0 };
  await db.transaction('rw', db.decks, db.cards, db.states, async (tx) => {
    // Every device merges the same bundle itself: nothing here is sent to other devices.
    markLocalOnly(tx);
    const existingDeck = await db.decks.get(deck.id);
    if (existingDeck?.bundleHash === hash) {
      report.unchanged = true;
      return;
    }
    const deckRecord: DeckRecord = {
      id: deck.id,
      title: deck.title,
      description: deck.description,
      tags: [...deck.tags],
      source: deck.source,
      origin: 'bundled',
      bundleHash: hash,
      createdAt: existingDeck?.createdAt ?? now,
      updatedAt: now,
    };
    await db.decks.put(deckRecord);

    const plan = await applyDeckUpdate(deck.id, deck.cards, now);
    Object.assign(report, { added: plan.added.length, updated: plan.changed.length, retired: plan.retired.length, restored: plan.revived.length, keptLocalEdits: plan.skippedEdited.length });
  });
  return report;
}

/**
 * A bundled deck the app no longer ships: its cards are retired like cards removed from a deck (history kept,
 * learner-edited cards left alone) and the deck record stays, so a later version can bring it back with progress.
 */
export async function retireBundledDeck(deckId: string, now: number): Promise<number> {
  return db.transaction('rw', db.decks, db.cards, db.states, async (tx) => {
    markLocalOnly(tx);
    const deck = await db.decks.get(deckId);
    if (!deck || deck.origin !== 'bundled') return 0;
    const gone = (await db.cards.where('deckId').equals(deckId).toArray()).filter((c) => c.retired === 0 && c.editedAt === undefined);
    const states = await db.states.bulkGet(gone.map((c) => c.id));
    await db.cards.bulkPut(gone.map((c) => ({ ...c, retired: 1 as const, updatedAt: now })));
    await db.states.bulkPut(states.filter((s) => !!s).map((s) => ({ ...s!, inactive: 1 as const })));
    // Forget the hash so the deck is merged in full if it ever ships again.
    await db.decks.put({ ...deck, bundleHash: undefined, updatedAt: now });
    return gone.length;
  });
}

function isDeck(value: unknown): value is Deck {
  const deck = value as Deck;
  return (
    !!deck &&
    deck.formatVersion === FORMAT_VERSION &&
    typeof deck.id === 'string' &&
    typeof deck.title === 'string' &&
    Array.isArray(deck.cards) &&
    deck.cards.every((c: Card) => c && typeof c.id === 'string' && typeof c.kind === 'string')
  );
}

// Only the URLs are in the initial JS; each deck file is fetched (from the service-worker cache once installed).
const bundledUrls = import.meta.glob('/decks/*.deck.json', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

async function fetchDeckText(url: string): Promise<string> {
  if (url.startsWith('data:')) {
    // Vite may inline a very small file; the CSP forbids fetching data: URLs.
    const comma = url.indexOf(',');
    const body = url.slice(comma + 1);
    return url.slice(0, comma).endsWith(';base64') ? new TextDecoder().decode(Uint8Array.from(atob(body), (c) => c.charCodeAt(0))) : decodeURIComponent(body);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
  return response.text();
}

/** Deck files whose fetch started ahead of the merge (prefetchBundledDecks), by URL; the merge takes each once. */
const early = new Map<string, Promise<string>>();

/** Fetched side by side, read one at a time: a failure is reported when the merge reaches that deck, not before. */
function startFetch(url: string): Promise<string> {
  const text = fetchDeckText(url);
  text.catch(() => undefined);
  return text;
}

function deckText(url: string): Promise<string> {
  const text = early.get(url) ?? startFetch(url);
  early.delete(url);
  return text;
}

/**
 * Starts fetching every shipped deck file now. A first visit (no database yet) calls this at start, so the files
 * download beside the screen's own code instead of after the first database read; the merge then uses them.
 */
export function prefetchBundledDecks(): void {
  for (const url of Object.values(bundledUrls)) if (!early.has(url)) early.set(url, startFetch(url));
}

/** Lets the page paint and respond between decks: the first-run merge is the heaviest work at start-up. */
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

const DISMISSED_KEY = 'dismissedBundledDecks';

/** Ids of built-in decks the learner deleted. */
export async function dismissedBundledDecks(): Promise<string[]> {
  const value = (await db.settings.get(DISMISSED_KEY))?.value;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Called inside the deck-deletion transaction (which includes db.settings). */
export async function dismissBundledDeck(deckId: string): Promise<void> {
  const ids = new Set(await dismissedBundledDecks());
  ids.add(deckId);
  await db.settings.put({ key: DISMISSED_KEY, value: [...ids].sort() });
}

/** Brings every deleted built-in deck back, fresh, on the next merge. */
export async function restoreDismissedBundledDecks(): Promise<void> {
  await db.settings.delete(DISMISSED_KEY);
  updating = null;
}

let updating: Promise<MergeReport[]> | null = null;

/** Merges every bundled deck once per app start. Later calls share the first run. */
export function updateBundledDecks(now = Date.now()): Promise<MergeReport[]> {
  updating ??= (async () => {
    const reports: MergeReport[] = [];
    const dismissed = new Set(await dismissedBundledDecks());
    const files = Object.entries(bundledUrls)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, url]) => ({ path, fileId: path.split('/').pop()!.replace(/\.deck\.json$/, ''), url }));
    const shipsDecks = files.length > 0;
    // Every file is requested at once (one round trip instead of one per deck); the decks merge in order.
    const texts = new Map(files.filter((f) => !dismissed.has(f.fileId)).map((f) => [f.fileId, deckText(f.url)]));
    for (const { path, fileId } of files) {
      const pending = texts.get(fileId);
      if (!pending) continue;
      // decks/<deck-id>.deck.json: an unchanged file is recognised by its text alone, without parsing it.
      const text = await pending;
      const hash = stableId(text);
      if ((await db.decks.get(fileId))?.bundleHash === hash) {
        reports.push({ deckId: fileId, unchanged: true, added: 0, updated: 0, retired: 0, restored: 0, keptLocalEdits: 0 });
        continue;
      }
      let deck: unknown;
      try {
        deck = JSON.parse(text);
      } catch {
        deck = null;
      }
      if (!isDeck(deck)) {
        console.error(`Skipping ${path}: not a deck in format ${FORMAT_VERSION}.`);
        continue;
      }
      reports.push(await mergeBundledDeck(deck, now, hash));
      await yieldToPage();
    }
    // Only when this build ships decks at all: an empty list must never retire a whole collection.
    if (shipsDecks) {
      const shipped = new Set([...reports.map((r) => r.deckId), ...dismissed]);
      for (const deck of await db.decks.where('origin').equals('bundled').toArray()) {
        if (!shipped.has(deck.id) && deck.bundleHash !== undefined) await retireBundledDeck(deck.id, now);
      }
    }
    return reports;
  })();
  updating.catch(() => (updating = null));
  return updating;
}
