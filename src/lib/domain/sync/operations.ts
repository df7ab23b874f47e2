// What one device tells the others. Every change to the collection becomes one operation, written to the outbox in
// the same transaction as the change. Reviews are immutable facts merged by union; card, deck and setting versions
// are whole records resolved last-writer-wins by their hybrid logical clock. Study states are never sent: each
// device derives them by replaying a card's reviews.

export const OP_FORMAT = 1;

/** One answer. Its `review` id is made on the device and never changes, so merging is a union. */
export interface ReviewOp {
  type: 'review';
  review: ReviewFact;
}

export interface ReviewFact {
  uid: string;
  cardId: string;
  deckId: string;
  rating: 1 | 2 | 3 | 4;
  /** Epoch ms of the answer. */
  at: number;
  durationMs: number;
  source: 'study' | 'mock';
}

/** Removes one review everywhere: an undo, or a review a restore or a repair took out. */
export interface UnreviewOp {
  type: 'unreview';
  uid: string;
  cardId: string;
}

export type EntityKind = 'card' | 'deck' | 'setting';

/** A whole record version, or its deletion (`value: null`). */
export interface VersionOp {
  type: 'version';
  entity: EntityKind;
  key: string;
  /** Formatted HLC of this version. */
  hlc: string;
  /** The clock of the version this one replaced on the writing device ('' when it had none): tells an overwrite from a concurrent edit. */
  base: string;
  value: Record<string, unknown> | null;
}

export type SyncOpBody = ReviewOp | UnreviewOp | VersionOp;

export type SyncOp = SyncOpBody & {
  /** Unique id of this operation (the server's idempotency key). */
  id: string;
  /** Device that made it. */
  device: string;
  format: typeof OP_FORMAT;
};

export const entityKey = (entity: EntityKind, key: string) => `${entity}:${key}`;
