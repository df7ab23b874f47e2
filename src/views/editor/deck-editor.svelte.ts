// The deck editor's state: the deck, its cards with search/tag/kind/suspended filters, and the card form.
import { addCards, cardsOfDeck, deleteCard, editCardAddingSiblings, getDeck, newCardId, renameDeck, setSuspended } from '../../lib/db/editor';
import { clozeCards } from '../../lib/domain/cloze';
import type { CardRecord, DeckRecord } from '../../lib/db/db';
import { cardOfRecord } from '../../lib/db/records';
import type { Card, CardKind } from '../../lib/domain/model';
import { cardOfDraft, draftOf, emptyDraft, searchText, type CardDraft, type DraftErrors } from './card-draft';

export type StatusFilter = 'all' | 'active' | 'suspended';

export class DeckEditor {
  readonly deckId: string;
  deck = $state.raw<DeckRecord | null>(null);
  missing = $state(false);
  cards = $state.raw<CardRecord[]>([]);
  query = $state('');
  tag = $state('');
  kind = $state<CardKind | ''>('');
  status = $state<StatusFilter>('all');
  /** Card being edited: null = none open, '' = a new card. */
  editing = $state<string | null>(null);
  draft = $state<CardDraft>(emptyDraft());
  errors = $state<DraftErrors>({});
  message = $state<string | null>(null);

  constructor(deckId: string) {
    this.deckId = deckId;
  }

  readonly tags = $derived([...new Set(this.cards.flatMap((c) => c.tags))].sort());
  /** Each card's searchable text, built once per load of the deck rather than on every keystroke. */
  readonly #searchIndex = $derived(this.cards.map((c) => searchText(c)));
  readonly visible = $derived.by(() => {
    const q = this.query.trim().toLowerCase();
    const index = this.#searchIndex;
    return this.cards.filter(
      (c, i) =>
        (!q || index[i].includes(q)) &&
        (!this.tag || c.tags.includes(this.tag)) &&
        (!this.kind || c.kind === this.kind) &&
        (this.status === 'all' || (this.status === 'suspended') === (c.suspended === 1)),
    );
  });
  /** The card as the learner will see it, while the form is valid. */
  readonly preview = $derived.by(() => {
    const result = cardOfDraft(this.draft, this.editing || 'preview');
    return result.card;
  });

  async load(): Promise<void> {
    const deck = await getDeck(this.deckId);
    this.deck = deck ?? null;
    this.missing = !deck;
    this.cards = deck ? (await cardsOfDeck(this.deckId)).filter((c) => !c.retired) : [];
  }

  async rename(title: string, description: string, now: number): Promise<void> {
    if (!title.trim()) {
      this.message = 'A deck needs a title.';
      return;
    }
    await renameDeck(this.deckId, { title, description }, now);
    await this.load();
    this.message = 'Deck details saved.';
  }

  startNew(kind: CardKind = this.draft.kind): void {
    this.editing = '';
    this.draft = emptyDraft(kind);
    this.errors = {};
  }

  startEdit(cardId: string): void {
    const record = this.cards.find((c) => c.id === cardId);
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
      // not after: whatever is typed while the card is written belongs to the next card and must not be wiped.
      const submitted = this.draft;
      this.draft = { ...emptyDraft(submitted.kind), tags: submitted.tags };
      try {
        await addCards(this.deckId, cards.map((c) => ({ ...c, id: '' })), now);
      } catch (error) {
        this.draft = submitted;
        throw error;
      }
      this.message = `${cards.length > 1 ? 'Cards' : 'Card'} added${gaps}.`;
    } else {
      const [edited, ...siblings] = cards;
      await editCardAddingSiblings(this.editing, edited, siblings, now);
      this.message = `Card saved${gaps}.`;
      this.editing = null;
    }
    this.errors = {};
    await this.load();
    return true;
  }

  async remove(cardId: string): Promise<void> {
    await deleteCard(cardId);
    if (this.editing === cardId) this.editing = null;
    this.message = 'Card deleted.';
    await this.load();
  }

  async setSuspended(cardId: string, suspended: boolean, now: number): Promise<void> {
    await setSuspended([cardId], suspended, now);
    this.message = suspended ? 'Card suspended: it will not come up in study.' : 'Card unsuspended.';
    await this.load();
  }
}
