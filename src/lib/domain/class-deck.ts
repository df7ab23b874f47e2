// Class decks: shapes and rules both the app and the server use. A class is named by an unguessable id in its link
// (#/class/<id>); the server keeps its versions, and, only from students who opt in, per-card counts without names.

/** 160 random bits in lowercase base32: unguessable, and usable inside a deck id. */
export const CLASS_ID_PATTERN = /^[a-z2-7]{32}$/;

/** Fewer students sharing than this and the class's figures stay hidden, so no one student can be picked out. */
export const MIN_COHORT = 5;

/** Letters in an instructor's note on a version. */
export const MAX_NOTE_CHARS = 500;

export const isClassId = (value: unknown): value is string => typeof value === 'string' && CLASS_ID_PATTERN.test(value);

/** The subscribed deck's id in a student's collection: the same on each of their devices, so sync never doubles it. */
export const classDeckId = (classId: string) => `class-${classId}`;

/** What an update changed, as the student's notice says it. */
export interface UpdateCounts {
  added: number;
  changed: number;
  retired: number;
  skipped: number;
}

export function updateHeadline(version: number, counts: UpdateCounts): string {
  const parts = [
    counts.added > 0 ? `${counts.added} new card${counts.added === 1 ? '' : 's'}` : '',
    counts.changed > 0 ? `${counts.changed} changed` : '',
    counts.retired > 0 ? `${counts.retired} removed` : '',
  ].filter(Boolean);
  return `Updated to version ${version}: ${parts.length ? parts.join(', ') : 'no card changes'}`;
}

/** One card's share of a student's answers, counted since the last report. */
export interface CardProgress {
  card: string;
  reviews: number;
  again: number;
  /** The first report of this card from this student: the card's student count goes up by one. */
  first: boolean;
}

export interface AnswerForProgress {
  cardId: string;
  /** 1 Again … 4 Easy. */
  rating: number;
  /** When it was answered (epoch ms). */
  review: number;
}

/**
 * Counts answers after `after` per card of the class. `reported` holds the cards this student reported before, so each
 * student adds one to a card's student count once.
 */
export function progressSince(answers: readonly AnswerForProgress[], classCards: ReadonlySet<string>, after: number, reported: ReadonlySet<string>): CardProgress[] {
  const byCard = new Map<string, CardProgress>();
  for (const answer of answers) {
    if (answer.review <= after || !classCards.has(answer.cardId)) continue;
    let entry = byCard.get(answer.cardId);
    if (!entry) byCard.set(answer.cardId, (entry = { card: answer.cardId, reviews: 0, again: 0, first: !reported.has(answer.cardId) }));
    entry.reviews++;
    if (answer.rating === 1) entry.again++;
  }
  return [...byCard.values()].sort((a, b) => a.card.localeCompare(b.card));
}

/** A card's figures across the class, as the instructor sees them. */
export interface CardFigures {
  card: string;
  /** Students who reviewed it. */
  students: number;
  reviews: number;
  again: number;
}

export interface ClassFigures {
  /** Students sharing progress. */
  students: number;
  minimum: number;
  /** False while fewer than `minimum` students share: `cards` is then empty. */
  shown: boolean;
  /** Most missed first (share of reviews answered Again), only cards at least `minimum` students reviewed. */
  cards: (CardFigures & { againShare: number })[];
}

/** The minimum-cohort rule: no figures for a class, or for a card, that fewer than `minimum` students share. */
export function classFigures(rows: readonly CardFigures[], students: number, minimum = MIN_COHORT, limit = 50): ClassFigures {
  if (students < minimum) return { students, minimum, shown: false, cards: [] };
  const cards = rows
    .filter((r) => r.students >= minimum && r.reviews > 0)
    .map((r) => ({ ...r, againShare: r.again / r.reviews }))
    .sort((a, b) => b.againShare - a.againShare || b.reviews - a.reviews || a.card.localeCompare(b.card))
    .slice(0, limit);
  return { students, minimum, shown: true, cards };
}
