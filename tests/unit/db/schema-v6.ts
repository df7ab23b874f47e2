// Version 6's schema exactly as released: the upgrade tests open a database with it, write rows as that version did,
// then open the current DrydockDB on it.
export const V6_STORES = {
  decks: 'id, origin',
  cards: 'id, deckId, *tags, kind, [deckId+order]',
  states: 'cardId, deckId, due, state, [deckId+inactive+due], [deckId+inactive+state], [inactive+due]',
  reviews: '++id, cardId, deckId, review, [cardId+review], [deckId+review], &uid',
  settings: 'key',
  media: 'id, deckId',
  snapshots: '++id, createdAt',
  device: 'key',
  outbox: '++seq',
  clocks: 'key',
  conflicts: '++id, at',
};
