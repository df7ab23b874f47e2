// The library screen's state: decks with counts, new/delete, export in three formats, share links, backup and restore.
import { createDeck, decksForExport, deleteDeck } from '../../lib/db/editor';
import { byDeckTitle, listDecks } from '../../lib/db/study-data';
import { loadDeckTotals, TOTALS_CAP } from '../../lib/db/deck-counts';
import type { DeckRecord } from '../../lib/db/db';
import { applyRestore, makeBackupFile, pendingRestore, type PendingRestore } from '../../lib/db/backup-file';
import { recordBackupDownload } from '../../lib/db/backup-reminder';
import { parseBackup } from '../../lib/io/backup';
import { writeDeckJson } from '../../lib/io/deck-json';
import { writeCsv } from '../../lib/io/csv';
import { encodeShareLink, shareUrl } from '../../lib/io/share-link';
import { MAX_BACKUP_FILE_BYTES } from '../../lib/io/limits';
import { formatBytes } from '../../lib/io/result';
import { decodeUtf8, type FileLike } from '../../lib/io/open-file';
import { slugify } from '../../lib/domain/ids';
import { localIsoDate } from '../../lib/domain/day';
import { dismissedBundledDecks, restoreDismissedBundledDecks, updateBundledDecks } from '../../lib/db/bundled';

export type ExportFormat = 'json' | 'csv-kinds' | 'csv' | 'apkg';

/** The export choices, each with what the format keeps and what it cannot, shown under the format picker. */
export const EXPORT_FORMATS: { value: ExportFormat; label: string; keeps: string }[] = [
  { value: 'json', label: 'Drydock JSON', keeps: 'Keeps everything: every card kind with all its fields, card and note ids, tags and where each fact came from.' },
  {
    value: 'csv-kinds', label: 'CSV with card kinds',
    keeps: 'Keeps every card kind, its explanation, options and accepted answers, card and note ids and tags (columns kind, explanation, options, id, note). Cannot keep where a fact came from in your notes.',
  },
  {
    value: 'csv', label: 'CSV (front, back, tags)',
    keeps: 'For spreadsheets and other apps: each card as its question and answer text. Cloze cards keep their {{c1::…}} text; choice, typed and true/false cards, explanations and ids do not come back.',
  },
  {
    value: 'apkg', label: 'Anki package (.apkg)',
    keeps: 'Opens in Anki with a note type per kind: Cloze, typed answer, choice, true/false and basic with an explanation. Importing it back into Drydock gives the same cards with all their fields, and the images they show. Cannot keep your review progress.',
  },
];

/** A deck as the Library lists it: its cards (retired ones left out) and how many are suspended, null until counted. */
export interface LibraryDeck {
  deck: DeckRecord;
  cards: number | null;
  suspended: number;
  /** Set when the deck holds more cards than the totals count (cards is then the cap). */
  capped?: true;
}

export interface Download {
  name: string;
  blob: Blob;
}


export class LibraryState {
  decks = $state.raw<LibraryDeck[]>([]);
  loaded = $state(false);
  selected = $state<string[]>([]);
  exportFormat = $state<ExportFormat>('json');
  status = $state<string | null>(null);
  error = $state<string | null>(null);
  share = $state<{ deckId: string; url?: string; message?: string } | null>(null);
  confirmingDelete = $state<string | null>(null);
  restore = $state.raw<PendingRestore | null>(null);
  busy = $state(false);
  /** How many built-in decks the learner deleted (they stay deleted until brought back). */
  dismissedBuiltIn = $state(0);
  /** Set when the Library has left the screen: its totals stop, as the deck list's do, so the next screen's reads do not wait. */
  #closed = false;

  close(): void {
    this.#closed = true;
  }

  async load(): Promise<void> {
    // A first visit may land here before Home: the built-in decks are merged first (once per app start).
    await updateBundledDecks().catch(() => undefined);
    // The list first, then each deck's totals, read from index keys up to a cap.
    const known = new Map(this.decks.map((d) => [d.deck.id, d]));
    const decks = (await listDecks()).sort(byDeckTitle);
    this.decks = decks.map((deck) => known.get(deck.id) ?? { deck, cards: null, suspended: 0 });
    const totals = await loadDeckTotals(decks.map((d) => d.id), TOTALS_CAP, () => this.#closed);
    if (this.#closed) return;
    this.decks = decks.map((deck) => {
      const t = totals.get(deck.id);
      return { deck, cards: t?.cards ?? 0, suspended: t?.suspended ?? 0, ...(t?.capped ? { capped: true as const } : {}) };
    });
    this.dismissedBuiltIn = (await dismissedBundledDecks()).length;
    this.selected = this.selected.filter((id) => this.decks.some((d) => d.deck.id === id));
    this.loaded = true;
  }

  async create(title: string, now: number): Promise<string | null> {
    if (!title.trim()) {
      this.error = 'Give the new deck a title.';
      return null;
    }
    this.error = null;
    const id = await createDeck(title, now);
    await this.load();
    return id;
  }

  async remove(deckId: string): Promise<void> {
    const title = this.decks.find((d) => d.deck.id === deckId)?.deck.title ?? 'The deck';
    // A class deck: stop following the class first, or its next version would bring the deck back.
    if (deckId.startsWith('class-')) await (await import('../../lib/class-decks')).unsubscribeDeck(deckId);
    await deleteDeck(deckId);
    this.confirmingDelete = null;
    if (this.share?.deckId === deckId) this.share = null;
    await this.load();
    this.status = `"${title}" was deleted.`;
  }

  async bringBackBuiltIn(): Promise<void> {
    await restoreDismissedBundledDecks();
    await this.load();
    this.status = 'The built-in decks are back, starting fresh.';
  }

  toggle(deckId: string, on: boolean): void {
    this.selected = on ? [...new Set([...this.selected, deckId])] : this.selected.filter((id) => id !== deckId);
  }

  async exportSelected(now: number): Promise<Download | null> {
    const ids = this.decks.map((d) => d.deck.id).filter((id) => this.selected.includes(id));
    if (ids.length === 0) {
      this.error = 'Select at least one deck to export.';
      return null;
    }
    this.error = null;
    this.busy = true;
    try {
      const decks = await decksForExport(ids);
      const base = decks.length === 1 ? slugify(decks[0].title) || 'deck' : `drydock-decks-${localIsoDate(now)}`;
      let download: Download;
      if (this.exportFormat === 'json') download = { name: `${base}.json`, blob: new Blob([writeDeckJson(decks)], { type: 'application/json' }) };
      else if (this.exportFormat === 'csv' || this.exportFormat === 'csv-kinds') {
        const csv = writeCsv(decks, ',', { kinds: this.exportFormat === 'csv-kinds' });
        download = { name: `${base}.csv`, blob: new Blob(['\uFEFF' + csv], { type: 'text/csv' }) };
      }
      else {
        const { writeApkg } = await import('../../lib/io/apkg-write');
        const { mediaOfDecks } = await import('../../lib/db/media');
        const bytes = await writeApkg(decks, now, await mediaOfDecks(decks));
        download = { name: `${base}.apkg`, blob: new Blob([bytes as BlobPart], { type: 'application/octet-stream' }) };
      }
      const cards = decks.reduce((n, d) => n + d.cards.length, 0);
      this.status = `Exported ${decks.length === 1 ? `"${decks[0].title}"` : `${decks.length} decks`} (${cards} cards) as ${download.name}.`;
      return download;
    } catch (e) {
      this.error = `The export failed (${e instanceof Error ? e.message : String(e)}).`;
      return null;
    } finally {
      this.busy = false;
    }
  }

  async makeShareLink(deckId: string, base: string): Promise<void> {
    const [deck] = await decksForExport([deckId]);
    if (!deck) return;
    const link = await encodeShareLink(deck);
    this.share = link.ok ? { deckId, url: shareUrl(base, link.value) } : { deckId, message: link.error };
  }

  async backup(now: number): Promise<Download> {
    const { name, blob, counts } = await makeBackupFile(now);
    await recordBackupDownload(now);
    this.status = `Backup made: ${counts.decks} decks, ${counts.cards} cards, ${counts.reviews} reviews.`;
    return { name, blob };
  }

  /** Reads a backup and shows what it would replace; nothing changes until confirmRestore(). */
  async openRestore(file: FileLike, now: number): Promise<void> {
    this.error = null;
    this.restore = null;
    if (file.size > MAX_BACKUP_FILE_BYTES) {
      this.error = `"${file.name}" is ${formatBytes(file.size)}; the limit for a backup is ${formatBytes(MAX_BACKUP_FILE_BYTES)}. Nothing was changed.`;
      return;
    }
    const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()), file.name);
    const parsed = text.ok ? await parseBackup(text.value, file.name, now) : text;
    if (!parsed.ok) {
      this.error = parsed.error.message;
      return;
    }
    this.restore = await pendingRestore(file.name, parsed.value);
  }

  async confirmRestore(): Promise<void> {
    const pending = this.restore;
    if (!pending) return;
    this.busy = true;
    try {
      const outcome = await applyRestore(pending);
      if (outcome.ok) {
        this.restore = null;
        this.status = outcome.status;
        await this.load();
      } else this.error = outcome.error;
    } finally {
      this.busy = false;
    }
  }
}
