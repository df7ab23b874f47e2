// Class decks in the collection. Both sides live in the settings table, one row per class, so device sync carries them
// to the learner's other devices (and a backup keeps them):
// - classDeck.owner.<id>: a deck this collection published, with its owner key (only its holder can publish versions);
// - classDeck.subscription.<id>: a class this collection follows, the version it has, and the last update's notice.
// A version merges through the rule built-in decks use (applyDeckUpdate), in one transaction with its subscription row.
import { classDeckId, type CardProgress } from '../domain/class-deck';
import type { DeckUpdatePlan } from '../domain/deck-update';
import { cardFront, type Deck } from '../domain/model';
import { db } from './db';
import { applyDeckUpdate } from './deck-update';

const OWNER = 'classDeck.owner.';
const SUBSCRIPTION = 'classDeck.subscription.';

export interface PublishedClass {
  classId: string;
  deckId: string;
  /** The secret that lets this collection publish new versions; the server keeps only its hash. */
  ownerKey: string;
  title: string;
  version: number;
  publishedAt: number;
}

/** What the last update brought, kept until the student has seen the notice. Card ids, in deck order. */
export interface ClassUpdateNotice {
  version: number;
  note: string;
  added: string[];
  changed: string[];
  retired: string[];
  /** Changed by the instructor but left as the student edited them. */
  skipped: string[];
  seen: boolean;
}

export interface ClassSubscription {
  classId: string;
  deckId: string;
  title: string;
  /** The version merged into the collection. */
  version: number;
  subscribedAt: number;
  checkedAt: number;
  /** The instructor unpublished the class: no more updates, the cards stay. */
  unpublished: boolean;
  /** Present while the student shares anonymous progress (off by default). */
  sharing: ProgressSharing | null;
  notice: ClassUpdateNotice | null;
}

export interface ProgressSharing {
  /** A random token naming this student's share to the server only, so the class counts each student once. */
  token: string;
  /** Answers up to this time (epoch ms) have been reported. */
  reportedUpTo: number;
  /** Cards reported before: each adds one to a card's student count once. */
  reportedCards: string[];
}

function isPublished(v: unknown): v is PublishedClass {
  const p = v as PublishedClass;
  return !!p && typeof p.classId === 'string' && typeof p.deckId === 'string' && typeof p.ownerKey === 'string' && typeof p.version === 'number';
}

function isSubscription(v: unknown): v is ClassSubscription {
  const s = v as ClassSubscription;
  return !!s && typeof s.classId === 'string' && typeof s.deckId === 'string' && typeof s.version === 'number';
}

export async function publishedClasses(): Promise<PublishedClass[]> {
  const rows = await db.settings.where('key').startsWith(OWNER).toArray();
  return rows.map((r) => r.value).filter(isPublished);
}

export async function publishedClass(classId: string): Promise<PublishedClass | null> {
  const value = (await db.settings.get(OWNER + classId))?.value;
  return isPublished(value) ? value : null;
}

export async function savePublishedClass(published: PublishedClass): Promise<void> {
  await db.settings.put({ key: OWNER + published.classId, value: { ...published } });
}

/** After unpublishing: the key is of no more use. */
export async function forgetPublishedClass(classId: string): Promise<void> {
  await db.settings.delete(OWNER + classId);
}

export async function subscriptions(): Promise<ClassSubscription[]> {
  const rows = await db.settings.where('key').startsWith(SUBSCRIPTION).toArray();
  return rows.map((r) => r.value).filter(isSubscription);
}

export async function subscription(classId: string): Promise<ClassSubscription | null> {
  const value = (await db.settings.get(SUBSCRIPTION + classId))?.value;
  return isSubscription(value) ? value : null;
}

async function saveSubscription(sub: ClassSubscription): Promise<void> {
  await db.settings.put({ key: SUBSCRIPTION + sub.classId, value: JSON.parse(JSON.stringify(sub)) });
}

export interface ClassVersionToMerge {
  classId: string;
  version: number;
  note: string;
  deck: Deck;
}

const noticeOf = (v: ClassVersionToMerge, plan: DeckUpdatePlan, seen: boolean): ClassUpdateNotice => ({
  version: v.version,
  note: v.note,
  added: plan.added,
  changed: plan.changed,
  retired: plan.retired,
  skipped: plan.skippedEdited,
  seen,
});

async function mergeVersion(sub: ClassSubscription, v: ClassVersionToMerge, now: number): Promise<DeckUpdatePlan> {
  const existing = await db.decks.get(sub.deckId);
  await db.decks.put({
    id: sub.deckId,
    title: v.deck.title,
    description: v.deck.description,
    tags: [...v.deck.tags],
    source: v.deck.source || 'class link',
    origin: 'imported',
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
  return applyDeckUpdate(sub.deckId, v.deck.cards, now);
}

/**
 * Subscribes and merges the first version, in one transaction: the deck, its cards and the subscription all land or
 * none does. Subscribing again (another device did first) just merges.
 */
export async function subscribeToClass(v: ClassVersionToMerge, sharing: ProgressSharing | null, now: number): Promise<ClassSubscription> {
  return db.transaction('rw', [db.decks, db.cards, db.states, db.settings], async () => {
    const current = await subscription(v.classId);
    if (current) {
      await mergeClassVersion(v, now);
      return (await subscription(v.classId))!;
    }
    const sub: ClassSubscription = {
      classId: v.classId,
      deckId: classDeckId(v.classId),
      title: v.deck.title,
      version: v.version,
      subscribedAt: now,
      checkedAt: now,
      unpublished: false,
      sharing,
      notice: null,
    };
    const plan = await mergeVersion(sub, v, now);
    // Cards the student already had (an earlier import of the same deck) are not news, but skipped ones are worth a word.
    sub.notice = plan.skippedEdited.length > 0 ? noticeOf(v, plan, false) : null;
    await saveSubscription(sub);
    return sub;
  });
}

/** Merges a newer version into a subscribed deck; an older or equal version, or no subscription, changes nothing. */
export async function mergeClassVersion(v: ClassVersionToMerge, now: number): Promise<ClassUpdateNotice | null> {
  return db.transaction('rw', [db.decks, db.cards, db.states, db.settings], async () => {
    const sub = await subscription(v.classId);
    if (!sub || v.version <= sub.version) return null;
    const plan = await mergeVersion(sub, v, now);
    const notice = noticeOf(v, plan, false);
    await saveSubscription({ ...sub, title: v.deck.title, version: v.version, checkedAt: now, unpublished: false, notice });
    return notice;
  });
}

export async function markChecked(classId: string, now: number, unpublished = false): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const sub = await subscription(classId);
    if (sub) await saveSubscription({ ...sub, checkedAt: now, unpublished: sub.unpublished || unpublished });
  });
}

/** The notice is shown once: after this it stays in the deck's class details only. */
export async function markNoticeSeen(classId: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const sub = await subscription(classId);
    if (sub?.notice && !sub.notice.seen) await saveSubscription({ ...sub, notice: { ...sub.notice, seen: true } });
  });
}

/** Stops updates. The deck, its cards and their progress stay, as an ordinary imported deck. */
export async function unsubscribeFromClass(classId: string): Promise<void> {
  await db.settings.delete(SUBSCRIPTION + classId);
}

export async function setSharing(classId: string, sharing: ProgressSharing | null): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const sub = await subscription(classId);
    if (sub) await saveSubscription({ ...sub, sharing });
  });
}

/** The answers on the class's cards not reported yet, and the time they run up to. */
export async function unreportedAnswers(sub: ClassSubscription): Promise<{ answers: { cardId: string; rating: number; review: number }[]; classCards: Set<string> }> {
  return db.transaction('r', db.cards, db.reviews, async () => {
    const classCards = new Set((await db.cards.where('deckId').equals(sub.deckId).primaryKeys()) as string[]);
    const after = sub.sharing?.reportedUpTo ?? Infinity;
    const answers = (await db.reviews.where('[deckId+review]').between([sub.deckId, after], [sub.deckId, Infinity], false, true).toArray()).map((r) => ({
      cardId: r.cardId,
      rating: r.rating,
      review: r.review,
    }));
    return { answers, classCards };
  });
}

/** After the server took a report: later reports start after it. */
export async function recordReported(classId: string, token: string, upTo: number, reported: readonly CardProgress[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const sub = await subscription(classId);
    // Sharing was turned off (or restarted under a new token) meanwhile: nothing to record.
    if (!sub?.sharing || sub.sharing.token !== token) return;
    const cards = new Set(sub.sharing.reportedCards);
    for (const r of reported) cards.add(r.card);
    await saveSubscription({ ...sub, sharing: { ...sub.sharing, reportedUpTo: Math.max(upTo, sub.sharing.reportedUpTo), reportedCards: [...cards].sort() } });
  });
}

/** The fronts of these cards (the id when a card is gone), for the update's list. */
export async function cardFronts(ids: readonly string[]): Promise<string[]> {
  const cards = await db.cards.bulkGet([...ids]);
  return cards.map((c, i) => (c ? cardFront(c) : ids[i]));
}

/** Classes with an update the student has not seen yet. */
export async function unseenNotices(): Promise<ClassSubscription[]> {
  return (await subscriptions()).filter((s) => s.notice && !s.notice.seen);
}
