// Class decks in the collection. What the learner chose lives in the settings table, one row per class, so device
// sync carries it to their other devices (and a backup keeps it):
// - classDeck.owner.<id>: a deck this collection published, with its owner key (only its holder can publish versions);
// - classDeck.subscription.<id>: a class this collection follows, and whether it shares anonymous progress.
// What a version did to the cards is derived on each device from the server's copy, like a built-in deck update: the
// merge is local-only (not sent through sync). The version a device has merged is marked on the class deck's record
// (its bundleHash, which sync leaves to each device and a backup keeps with the cards it describes); the notice of what
// it brought lives in the device table (classDeck.local.<id>). A version merges through the rule built-in decks use
// (applyDeckUpdate), in one transaction with both.
import { classDeckId, type CardProgress } from '../domain/class-deck';
import type { DeckUpdatePlan } from '../domain/deck-update';
import { cardFront, type Deck } from '../domain/model';
import { db } from './db';
import { SUBSCRIPTION_PREFIX } from './class-subscriptions';
import { applyDeckUpdate } from './deck-update';
import { markLocalOnly } from './sync-outbox';

const OWNER = 'classDeck.owner.';
const SUBSCRIPTION = SUBSCRIPTION_PREFIX;
const LOCAL = 'classDeck.local.';

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
  /** Already in another deck of the collection (an earlier import of the same deck): they stay there, not updated. */
  foreign?: string[];
  seen: boolean;
}

/** The collection's choice, synced: the class followed and the sharing choice. */
interface SubscriptionRow {
  classId: string;
  deckId: string;
  title: string;
  subscribedAt: number;
  /** Present while the student shares anonymous progress (off by default). */
  sharing: ProgressSharing | null;
}

/** This device's side: what the last version merged here brought. */
interface LocalRow {
  title: string;
  checkedAt: number;
  /** The instructor unpublished the class: no more updates, the cards stay. */
  unpublished: boolean;
  notice: ClassUpdateNotice | null;
}

/** A followed class as the screens see it. `version`: the version merged into this device's collection (0: none). */
export type ClassSubscription = SubscriptionRow & LocalRow & { version: number };

/** The deck record's mark of the class version merged into it. */
const VERSION_MARK = 'class-version:';
const versionMark = (version: number) => `${VERSION_MARK}${version}`;

async function mergedVersion(deckId: string): Promise<number> {
  const mark = (await db.decks.get(deckId))?.bundleHash;
  const version = mark?.startsWith(VERSION_MARK) ? Number(mark.slice(VERSION_MARK.length)) : 0;
  return Number.isSafeInteger(version) && version > 0 ? version : 0;
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

function isSubscription(v: unknown): v is SubscriptionRow {
  const s = v as SubscriptionRow;
  return !!s && typeof s.classId === 'string' && typeof s.deckId === 'string';
}

async function localRow(classId: string, title: string): Promise<LocalRow> {
  const value = (await db.device.get(LOCAL + classId))?.value as LocalRow | undefined;
  return value && typeof value.checkedAt === 'number' ? value : { title, checkedAt: 0, unpublished: false, notice: null };
}

async function saveLocal(classId: string, local: LocalRow): Promise<void> {
  await db.device.put({ key: LOCAL + classId, value: JSON.parse(JSON.stringify(local)) });
}

async function withLocal(row: SubscriptionRow): Promise<ClassSubscription> {
  return { ...row, ...(await localRow(row.classId, row.title)), version: await mergedVersion(row.deckId) };
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
  const rows = (await db.settings.where('key').startsWith(SUBSCRIPTION).toArray()).map((r) => r.value).filter(isSubscription);
  return Promise.all(rows.map(withLocal));
}

export async function subscription(classId: string): Promise<ClassSubscription | null> {
  const value = (await db.settings.get(SUBSCRIPTION + classId))?.value;
  return isSubscription(value) ? withLocal(value) : null;
}

async function saveSubscription(sub: SubscriptionRow): Promise<void> {
  const { classId, deckId, title, subscribedAt, sharing } = sub;
  await db.settings.put({ key: SUBSCRIPTION + classId, value: JSON.parse(JSON.stringify({ classId, deckId, title, subscribedAt, sharing })) });
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
  foreign: plan.foreign,
  seen,
});

async function mergeVersion(deckId: string, v: ClassVersionToMerge, now: number): Promise<DeckUpdatePlan> {
  const existing = await db.decks.get(deckId);
  await db.decks.put({
    id: deckId,
    title: v.deck.title,
    description: v.deck.description,
    tags: [...v.deck.tags],
    source: v.deck.source || 'class link',
    origin: 'imported',
    bundleHash: versionMark(v.version),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
  return applyDeckUpdate(deckId, v.deck.cards, now);
}

/**
 * Subscribes and merges the first version. Two transactions, in this order: the subscription (synced, so the
 * learner's other devices follow the class too), then the merge (derived on each device). Should the merge fail, the
 * next check merges the version; subscribing again (another device did first) just merges.
 */
export async function subscribeToClass(v: ClassVersionToMerge, sharing: ProgressSharing | null, now: number): Promise<ClassSubscription> {
  await db.transaction('rw', db.settings, db.device, db.decks, async () => {
    if (!(await subscription(v.classId))) await saveSubscription({ classId: v.classId, deckId: classDeckId(v.classId), title: v.deck.title, subscribedAt: now, sharing });
  });
  await mergeClassVersion(v, now);
  return (await subscription(v.classId))!;
}

/**
 * Merges a newer version into a followed class's deck on this device, in one local-only transaction with the record of
 * the merged version. An older or equal version, or a class no longer followed, changes nothing.
 */
export async function mergeClassVersion(v: ClassVersionToMerge, now: number): Promise<ClassUpdateNotice | null> {
  return db.transaction('rw', [db.decks, db.cards, db.states, db.settings, db.device], async (tx) => {
    // Each device merges the version it fetched itself, as with built-in decks: nothing here is sent through sync.
    markLocalOnly(tx);
    const sub = await subscription(v.classId);
    if (!sub || v.version <= sub.version) return null;
    const plan = await mergeVersion(sub.deckId, v, now);
    const notice = noticeOf(v, plan, false);
    // The first merge on a device is the subscription itself (or a device joining): not news, unless edits were kept.
    const shown = sub.version > 0 || plan.skippedEdited.length > 0 || plan.foreign.length > 0 ? notice : null;
    await saveLocal(v.classId, { title: v.deck.title, checkedAt: now, unpublished: false, notice: shown });
    return shown;
  });
}

export async function markChecked(classId: string, now: number, unpublished = false): Promise<void> {
  await db.transaction('rw', db.settings, db.device, db.decks, async () => {
    const sub = await subscription(classId);
    if (sub) await saveLocal(classId, { title: sub.title, checkedAt: now, unpublished: sub.unpublished || unpublished, notice: sub.notice });
  });
}

/** The notice is shown once: after this it stays in the deck's class panel only. */
export async function markNoticeSeen(classId: string): Promise<void> {
  await db.transaction('rw', db.settings, db.device, db.decks, async () => {
    const sub = await subscription(classId);
    if (sub?.notice && !sub.notice.seen) await saveLocal(classId, { title: sub.title, checkedAt: sub.checkedAt, unpublished: sub.unpublished, notice: { ...sub.notice, seen: true } });
  });
}

/** Stops updates. The deck, its cards and their progress stay, as an ordinary imported deck. */
export async function unsubscribeFromClass(classId: string): Promise<void> {
  await db.transaction('rw', db.settings, db.device, async () => {
    await db.settings.delete(SUBSCRIPTION + classId);
    await db.device.delete(LOCAL + classId);
  });
}

export async function setSharing(classId: string, sharing: ProgressSharing | null): Promise<void> {
  await db.transaction('rw', db.settings, db.device, db.decks, async () => {
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
  await db.transaction('rw', db.settings, db.device, db.decks, async () => {
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
