// The deck editor's state: the deck, its cards with search/tag/kind/suspended filters, and the card form.
// A deck of 100,000 cards opens without reading them all: the first page of cards in deck order is all the first paint
// waits for. After it, the deck's ids are read from the index (keys only) to size the list, rows scrolled to are read
// by id, and the search index is built from the rest of the deck one page at a time, so no task holds the main thread
// for long. Until it is complete a search looks in the cards read so far, and the view says so. A search over more
// than a few thousand cards runs in slices (lib/ui/slices.ts) that give the thread back between them; a newer
// keystroke makes an older search stale, so typing never waits for a scan of 100,000 cards.
import { addCards, cardIdsOfDeckFrom, cardsById, cardsOfDeckFrom, deleteCard, editCardAddingSiblings, getDeck, newCardId, renameDeck, setSuspended } from '../../lib/db/editor';
import { clozeCards } from '../../lib/domain/cloze';
import type { CardRecord, DeckRecord } from '../../lib/db/db';
import { cardOfRecord } from '../../lib/db/records';
import { cardFront, type Card, type CardKind } from '../../lib/domain/model';
import { filterInSlices, Latest } from '../../lib/ui/slices';
import { cardOfDraft, draftOf, emptyDraft, searchText, type CardDraft, type DraftErrors } from './card-draft';

export type StatusFilter = 'all' | 'active' | 'suspended';

/** What the list shows of a card and what search and the filters look at; the full card is read when it is edited. */
export interface CardRow {
  id: string;
  kind: CardKind;
  tags: string[];
  suspended: boolean;
  edited: boolean;
  front: string;
  /** Lower-case front, back and tags. */
  text: string;
}

/** Cards read before the first paint (the whole of most decks), and per page after it while the search index is built. */
const FIRST_PAGE = 500;
const PAGE = 500;
/** Ids read per page when the deck is sized (keys only: one request of 100,000 was a long task). */
const ID_PAGE = 10_000;
/** While the index is built, filtered results are refreshed at most this often (each refresh filters every card read). */
const REFRESH_MS = 250;
/** Up to this many cards a search runs at once (a millisecond or two); beyond, in slices. */
const SEARCH_AT_ONCE = 5_000;

interface Filters {
  q: string;
  tag: string;
  kind: CardKind | '';
  status: StatusFilter;
}

/** Whether a card's row passes the filters (`q` lower-case and trimmed). */
function passes(c: CardRow | undefined, { q, tag, kind, status }: Filters): c is CardRow {
  return !!c && (!q || c.text.includes(q)) && (!tag || c.tags.includes(tag)) && (!kind || c.kind === kind) && (status === 'all' || (status === 'suspended') === c.suspended);
}

/** Where the page after `page` starts: its last order, passing over the cards of that order already read. */
function nextPage(page: { order: number }[], from: number, skip: number): { from: number; skip: number } {
  const last = page[page.length - 1].order;
  return { from: last, skip: (last === from ? skip : 0) + page.filter((c) => c.order === last).length };
}

const afterPaint = () =>
  new Promise<void>((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(resolve, 0)) : setTimeout(resolve, 0)));

export class DeckEditor {
  readonly deckId: string;
  readonly #first: number;
  readonly #page: number;
  readonly #atOnce: number;
  readonly #idPage: number;
  deck = $state.raw<DeckRecord | null>(null);
  missing = $state(false);
  /** The deck's cards in order, by id (retired cards left out once they are read). */
  ids = $state.raw<string[]>([]);
  /** False while `ids` holds only the cards read so far (a big deck just opened). */
  counted = $state(true);
  /** True while the search index is being built; `indexed` cards are in it so far. */
  indexing = $state(false);
  indexed = $state(0);
  query = $state('');
  tag = $state('');
  kind = $state<CardKind | ''>('');
  status = $state<StatusFilter>('all');
  /** Card being edited: null = none open, '' = a new card. */
  editing = $state<string | null>(null);
  draft = $state<CardDraft>(emptyDraft());
  errors = $state<DraftErrors>({});
  message = $state<string | null>(null);
  /** True while a sliced search runs; `visible` then still holds the previous search's result. */
  searching = $state(false);

  /** The rows read so far, by id. Not reactive itself: `#version` changes when it does. */
  #rows = new Map<string, CardRow>();
  #version = $state(0);
  #tagCounts = new Map<string, number>();
  #retired = new Set<string>();
  #reading = new Set<string>();
  /** Cards this editor wrote or deleted, with the write's sequence number: a page read before it must not undo it. */
  #written = new Map<string, number>();
  #writes = 0;
  #deleted = new Set<string>();
  /** A new load stops the index build of the one before. */
  #generation = 0;
  #idsRead: Promise<void> = Promise.resolve();
  #indexBuilt: Promise<void> = Promise.resolve();
  /** The last sliced search's result; null since the filters were last cleared (the whole deck was shown). */
  #found = $state.raw<string[] | null>(null);
  #searches = new Latest();
  #searched: Promise<void> = Promise.resolve();
  readonly #stopSearching: () => void;

  /**
   * `first` and `page`: cards read before the first paint and per page after it; `idPage`: ids per page when sizing
   * the deck; `atOnce`: the most cards a search runs in one go (tests use small numbers).
   */
  constructor(deckId: string, { first = FIRST_PAGE, page = PAGE, idPage = ID_PAGE, atOnce = SEARCH_AT_ONCE }: { first?: number; page?: number; idPage?: number; atOnce?: number } = {}) {
    this.deckId = deckId;
    this.#idPage = idPage;
    this.#first = first;
    this.#page = page;
    this.#atOnce = atOnce;
    // A big deck's search starts whenever the filters or the rows change (stop() ends this).
    this.#stopSearching = $effect.root(() => {
      $effect(() => {
        const rows = this.filtering ? this.#ordered : [];
        if (rows.length > this.#atOnce) this.#searched = this.#search(this.#filters, rows);
        else {
          this.#searches.cancel();
          this.searching = false;
          if (!this.filtering) this.#found = null;
        }
      });
    });
  }

  /** A card's row, or undefined while it has not been read. */
  row(id: string): CardRow | undefined {
    void this.#version;
    return this.#rows.get(id);
  }

  readonly tags = $derived.by(() => {
    void this.#version;
    return [...this.#tagCounts.keys()].sort();
  });
  readonly filtering = $derived(!!this.query.trim() || !!this.tag || !!this.kind || this.status !== 'all');
  /** The rows in the order of `ids` (undefined where not read yet): looked up once per change, not per keystroke. */
  readonly #ordered = $derived.by(() => {
    void this.#version;
    return this.ids.map((id) => this.#rows.get(id));
  });
  readonly #filters = $derived<Filters>({ q: this.query.trim().toLowerCase(), tag: this.tag, kind: this.kind, status: this.status });
  /**
   * Ids of the cards that pass the filters, in deck order; while the index is built, of the cards read so far. A big
   * deck's come from the sliced search: until it answers, the previous result stays.
   */
  readonly visible = $derived.by(() => {
    if (!this.filtering) return this.ids;
    const rows = this.#ordered;
    if (rows.length > this.#atOnce) return this.#found ?? this.ids;
    const filters = this.#filters;
    const out: string[] = [];
    for (const c of rows) if (passes(c, filters)) out.push(c.id);
    return out;
  });

  /** Filters the rows in slices; a newer search (or stop()) makes this one stale, and its result is dropped. */
  async #search(filters: Filters, rows: (CardRow | undefined)[]): Promise<void> {
    const stale = this.#searches.take();
    this.searching = true;
    const found = await filterInSlices(rows, (c) => passes(c, filters), { stale });
    // A search that ended within its first slice answers a microtask later: a newer one may have started meanwhile.
    if (found === null || stale()) return;
    this.#found = found.map((c) => c!.id);
    this.searching = false;
  }

  /** Resolves once the latest search has answered (at once when the deck is searched in one go). */
  async searched(): Promise<void> {
    for (let search = this.#searched; ; search = this.#searched) {
      await search;
      if (search === this.#searched) return;
    }
  }

  /** The card as the learner will see it, while the form is valid. */
  readonly preview = $derived.by(() => {
    const result = cardOfDraft(this.draft, this.editing || 'preview');
    return result.card;
  });

  async load(): Promise<void> {
    const generation = ++this.#generation;
    const since = this.#writes;
    // The first page is all the first paint needs (and the whole of most decks); the rest is read after it.
    const [deck, first] = await Promise.all([getDeck(this.deckId), cardsOfDeckFrom(this.deckId, -Infinity, 0, this.#first)]);
    if (generation !== this.#generation) return;
    this.#rows.clear();
    this.#tagCounts.clear();
    this.#retired.clear();
    this.deck = deck ?? null;
    this.missing = !deck;
    this.ids = deck ? first.map((c) => c.id) : [];
    this.#store(deck ? first : [], since);
    this.indexed = this.ids.length;
    this.#version++;
    if (!deck || first.length < this.#first) {
      this.counted = true;
      this.indexing = false;
      return;
    }
    this.counted = false;
    this.indexing = true;
    const next = nextPage(first, -Infinity, 0);
    const painted = afterPaint();
    this.#idsRead = painted.then(() => this.#count(generation));
    const built = painted.then(() => this.#buildIndex(generation, next.from, next.skip));
    this.#indexBuilt = Promise.all([this.#idsRead, built]).then(() => {});
  }

  /**
   * Reads every id of the deck (keys only, a page per task): the list gets its full length, and rows far down can be
   * read by id.
   */
  async #count(generation: number): Promise<void> {
    const since = this.#writes;
    try {
      const ids: string[] = [];
      for (let from = -Infinity, skip = 0; ; ) {
        const page = await cardIdsOfDeckFrom(this.deckId, from, skip, this.#idPage);
        if (generation !== this.#generation || this.counted) return;
        for (const { id } of page) ids.push(id);
        if (page.length < this.#idPage) break;
        ({ from, skip } = nextPage(page, from, skip));
      }
      // A card added or deleted in the meantime may be missing or still there: read them again.
      if (this.#writes !== since) return this.#count(generation);
      this.ids = ids.filter((id) => !this.#retired.has(id));
      this.counted = true;
    } catch (error) {
      this.message = `The cards could not be counted: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Resolves once every card is in the search index (at once for a deck that fits in the first page). */
  indexBuilt(): Promise<void> {
    return this.#indexBuilt;
  }

  /** Stops reading the deck (the editor was closed): a 100,000-card deck would otherwise go on being read for seconds. */
  stop(): void {
    this.#generation++;
    this.#searches.cancel();
    this.#stopSearching();
  }

  /** Resolves once `ids` holds every card of the deck (a card linked to may be far down a big deck). */
  idsRead(): Promise<void> {
    return this.#idsRead;
  }

  /** Reads the rows of these cards if they have not been read (the rows in view, as the list scrolls). */
  async ensureRows(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.#rows.has(id) && !this.#reading.has(id) && !this.#retired.has(id));
    if (missing.length) await this.#read(missing);
  }

  async #read(ids: string[]): Promise<void> {
    for (const id of ids) this.#reading.add(id);
    const since = this.#writes;
    try {
      const cards = await cardsById(ids);
      this.#store(cards.filter((c) => c !== undefined), since);
      this.#version++;
    } catch (error) {
      this.message = `The cards could not be read: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      for (const id of ids) this.#reading.delete(id);
    }
  }

  /** Reads the rest of the deck in pages, in order, into the search index; each page is one short task. */
  async #buildIndex(generation: number, from: number, skip: number): Promise<void> {
    let refreshed = performance.now();
    try {
      for (;;) {
        const since = this.#writes;
        const page = await cardsOfDeckFrom(this.deckId, from, skip, this.#page);
        if (generation !== this.#generation) return;
        // Until every id is read, the list grows by each page.
        if (!this.counted) this.ids = [...this.ids, ...page.filter((c) => !c.retired && !this.#deleted.has(c.id)).map((c) => c.id)];
        this.indexed += this.#store(page, since);
        if (page.length < this.#page) break;
        ({ from, skip } = nextPage(page, from, skip));
        if (performance.now() - refreshed > REFRESH_MS) {
          refreshed = performance.now();
          this.#version++;
        }
      }
    } catch (error) {
      this.message = `The cards could not be read for search: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (generation !== this.#generation) return;
    this.counted = true;
    this.indexing = false;
    this.#version++;
    // The ordered rows are made now, in the idle time after the build, rather than on the first keystroke.
    void this.#ordered;
  }

  /**
   * Puts cards read from the database into the rows, unless this editor wrote them after the read began (`since`);
   * gives how many were stored. Retired cards leave the list.
   */
  #store(cards: CardRecord[], since: number): number {
    let stored = 0;
    let retired = false;
    for (const record of cards) {
      if ((this.#written.get(record.id) ?? -1) > since) continue;
      this.#drop(record.id);
      if (record.retired) {
        this.#retired.add(record.id);
        retired = true;
        continue;
      }
      const card = cardOfRecord(record);
      const row: CardRow = { id: record.id, kind: record.kind, tags: record.tags, suspended: record.suspended === 1, edited: !!record.editedAt, front: cardFront(card), text: searchText(card) };
      for (const t of row.tags) this.#tagCounts.set(t, (this.#tagCounts.get(t) ?? 0) + 1);
      this.#rows.set(record.id, row);
      stored++;
    }
    if (retired) this.ids = this.ids.filter((id) => !this.#retired.has(id));
    return stored;
  }

  #drop(id: string): void {
    const old = this.#rows.get(id);
    if (!old) return;
    this.#rows.delete(id);
    for (const t of old.tags) {
      const n = (this.#tagCounts.get(t) ?? 0) - 1;
      if (n > 0) this.#tagCounts.set(t, n);
      else this.#tagCounts.delete(t);
    }
  }

  /**
   * After a write: re-reads the cards it changed or added. Added cards go to the end of the list (a card is added after
   * the deck's last), deleted ones leave it; the deck's ids are not read again, which at 100,000 cards takes a while.
   */
  async #refresh({ changed = [], added = [], deleted = [] }: { changed?: string[]; added?: string[]; deleted?: string[] }): Promise<void> {
    const write = ++this.#writes;
    const touched = [...changed, ...added];
    for (const id of [...touched, ...deleted]) this.#written.set(id, write);
    for (const id of deleted) {
      this.#drop(id);
      this.#deleted.add(id);
    }
    const cards = await cardsById(touched);
    const gone = new Set(deleted);
    cards.forEach((card, i) => {
      if (card) return;
      this.#drop(touched[i]);
      gone.add(touched[i]);
    });
    this.#store(cards.filter((c) => c !== undefined), write);
    let ids = gone.size ? this.ids.filter((id) => !gone.has(id)) : this.ids;
    // Until every id is read, the index build appends the added cards when it reaches the end of the deck.
    // The deck may have been sized after the write, with the added cards already in it.
    if (this.counted) ids = [...ids, ...added.filter((id) => !gone.has(id) && !this.#retired.has(id) && !ids.includes(id))];
    this.ids = ids;
    if (!this.indexing) this.indexed = this.ids.length;
    this.#version++;
  }

  async rename(title: string, description: string, now: number): Promise<void> {
    if (!title.trim()) {
      this.message = 'A deck needs a title.';
      return;
    }
    await renameDeck(this.deckId, { title, description }, now);
    this.deck = (await getDeck(this.deckId)) ?? null;
    this.message = 'Deck details saved.';
  }

  startNew(kind: CardKind = this.draft.kind): void {
    this.editing = '';
    this.draft = emptyDraft(kind);
    this.errors = {};
  }

  async startEdit(cardId: string): Promise<void> {
    const [record] = await cardsById([cardId]);
    if (!record) return;
    this.editing = cardId;
    this.draft = draftOf(cardOfRecord(record));
    this.errors = {};
  }

  close(): void {
    this.editing = null;
    this.errors = {};
  }

  async save(now: number): Promise<boolean> {
    if (this.editing === null) return false;
    const result = cardOfDraft($state.snapshot(this.draft) as CardDraft, this.editing);
    if (!result.card) {
      this.errors = result.errors;
      return false;
    }
    // A cloze with c1…cN is one card per gap, sharing a note, as in Anki.
    const cards: Card[] = result.card.kind === 'cloze' ? clozeCards(result.card, newCardId(this.deckId, now)) : [result.card];
    const gaps = cards.length > 1 ? `, one per gap (${cards.length} cards)` : '';
    if (this.editing === '') {
      // The form stays open for the next card, of the same kind and with the same tags. It is cleared before the write,
      // not after: whatever is typed while the card is written belongs to the next card and must not be wiped. So are
      // its errors: a refusal of that next card, submitted meanwhile, must still show when this write ends.
      const submitted = this.draft;
      this.draft = { ...emptyDraft(submitted.kind), tags: submitted.tags };
      this.errors = {};
      let added: string[];
      try {
        added = await addCards(this.deckId, cards.map((c) => ({ ...c, id: '' })), now);
      } catch (error) {
        this.draft = submitted;
        throw error;
      }
      this.message = `${cards.length > 1 ? 'Cards' : 'Card'} added${gaps}.`;
      await this.#refresh({ added });
    } else {
      const id = this.editing;
      const [edited, ...siblings] = cards;
      const added = await editCardAddingSiblings(id, edited, siblings, now);
      this.message = `Card saved${gaps}.`;
      this.editing = null;
      this.errors = {};
      await this.#refresh({ changed: [id], added });
    }
    return true;
  }

  async remove(cardId: string): Promise<void> {
    await deleteCard(cardId);
    if (this.editing === cardId) this.editing = null;
    this.message = 'Card deleted.';
    await this.#refresh({ deleted: [cardId] });
  }

  async setSuspended(cardId: string, suspended: boolean, now: number): Promise<void> {
    await setSuspended([cardId], suspended, now);
    this.message = suspended ? 'Card suspended: it will not come up in study.' : 'Card unsuspended.';
    await this.#refresh({ changed: [cardId] });
  }
}
