// Class decks between the collection and the server: an instructor publishes a deck and its later versions; a student
// previews a class link, subscribes, and receives versions on every check. Answers from the server are parsed by
// io/class-deck.ts (the import validator); every collection write is one transaction in db/class-decks.ts. Server
// faults never touch the collection: a failed check changes nothing and says why.
import { classDeckId, isClassId, progressSince, type ClassFigures } from './domain/class-deck';
import { toBase64Url } from './io/share-link';
import { parseClassFigures, parseClassInfo, parseClassVersion, parseVersionList, publishLimitProblem, type ClassInfo, type VersionEntry } from './io/class-deck';
import type { Result } from './io/result';
import { decksForExport } from './db/editor';
import {
  cardFronts,
  forgetPublishedClass,
  markChecked,
  mergeClassVersion,
  publishedClass,
  recordReported,
  savePublishedClass,
  setSharing,
  subscribeToClass,
  subscription,
  subscriptions,
  unreportedAnswers,
  unsubscribeFromClass,
  type ClassSubscription,
  type ClassUpdateNotice,
  type PublishedClass,
} from './db/class-decks';

const API = '/api/classes';
const PROTOCOL = '1';

export const NO_SERVER = 'Class decks need the Drydock server, and this copy of the app is running without one. Your decks and study are not affected.';
const UNREACHABLE = 'The class server could not be reached. Check the connection and try again; nothing was changed.';

/** A random secret: the owner key of a published class, or a student's progress token (256 bits, base64url). */
export function newSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export function classUrl(base: string, classId: string): string {
  return `${base.split('#')[0]}#/class/${classId}`;
}

interface Answer {
  status: number;
  text: string;
  json: unknown;
}

async function call(method: string, path: string, options: { key?: string; body?: unknown } = {}): Promise<Result<Answer, string>> {
  const headers: Record<string, string> = { 'X-Drydock-Protocol': PROTOCOL };
  if (options.key) headers.Authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), cache: 'no-store' });
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // A static host answers /api/… with its own page, or 404: there is no Drydock server behind this app.
    return { ok: false, error: NO_SERVER };
  }
  if (!response.headers.get('X-Drydock-Protocol')) return { ok: false, error: NO_SERVER };
  return { ok: true, value: { status: response.status, text, json } };
}

/** The server's own words for a refusal (they are written for people), or a plain fallback. */
function refusal(answer: Answer): string {
  const message = (answer.json as { message?: unknown } | undefined)?.message;
  if (answer.status === 429) return 'The class server is busy with this link. Try again in a minute; nothing was changed.';
  if (typeof message === 'string' && message.length < 600) return message;
  return answer.status >= 500 ? 'The class server had a problem. Try again later; nothing was changed.' : `The class server refused the request (${answer.status}). Nothing was changed.`;
}

// ---- Instructor -------------------------------------------------------------------------------------------------

async function deckToPublish(deckId: string, note: string): Promise<Result<{ deck: unknown; note: string; title: string }, string>> {
  const [deck] = await decksForExport([deckId]);
  if (!deck) return { ok: false, error: 'This deck no longer exists.' };
  const body = { deck, note: note.trim() };
  const problem = publishLimitProblem(deck, JSON.stringify(body));
  return problem ? { ok: false, error: problem } : { ok: true, value: { ...body, title: deck.title } };
}

/** Publishes a deck as a new class; the owner key is made here and kept in the collection's settings. */
export async function publishDeck(deckId: string, note: string, now: number): Promise<Result<PublishedClass, string>> {
  const body = await deckToPublish(deckId, note);
  if (!body.ok) return body;
  const ownerKey = newSecret();
  const answer = await call('POST', '', { key: ownerKey, body: { deck: body.value.deck, note: body.value.note } });
  if (!answer.ok) return answer;
  const classId = (answer.value.json as { class?: unknown } | undefined)?.class;
  if (answer.value.status !== 201 || !isClassId(classId)) return { ok: false, error: refusal(answer.value) };
  const published: PublishedClass = { classId, deckId, ownerKey, title: body.value.title, version: 1, publishedAt: now };
  await savePublishedClass(published);
  return { ok: true, value: published };
}

export async function publishNewVersion(classId: string, note: string, now: number): Promise<Result<PublishedClass, string>> {
  const published = await publishedClass(classId);
  if (!published) return { ok: false, error: 'This collection does not hold the owner key of that class.' };
  const body = await deckToPublish(published.deckId, note);
  if (!body.ok) return body;
  const answer = await call('POST', `/${classId}/versions`, { key: published.ownerKey, body: { deck: body.value.deck, note: body.value.note } });
  if (!answer.ok) return answer;
  const version = (answer.value.json as { version?: unknown } | undefined)?.version;
  if (answer.value.status !== 201 || !Number.isSafeInteger(version)) return { ok: false, error: refusal(answer.value) };
  const next = { ...published, title: body.value.title, version: version as number, publishedAt: now };
  await savePublishedClass(next);
  return { ok: true, value: next };
}

export async function versionHistory(classId: string): Promise<Result<VersionEntry[], string>> {
  const answer = await call('GET', `/${classId}/versions`);
  if (!answer.ok) return answer;
  return answer.value.status === 200 ? parseVersionList(answer.value.json) : { ok: false, error: refusal(answer.value) };
}

/** Stops the class on the server (students keep their cards) and forgets the owner key. */
export async function unpublish(classId: string): Promise<Result<null, string>> {
  const published = await publishedClass(classId);
  if (!published) return { ok: false, error: 'This collection does not hold the owner key of that class.' };
  const answer = await call('DELETE', `/${classId}`, { key: published.ownerKey });
  if (!answer.ok) return answer;
  // Already unpublished (from another device): the key is of no more use either way.
  if (answer.value.status !== 204 && answer.value.status !== 410) return { ok: false, error: refusal(answer.value) };
  await forgetPublishedClass(classId);
  return { ok: true, value: null };
}

export interface MissedCard {
  card: string;
  /** The card's front in the instructor's deck, or its id when the card is gone from it. */
  front: string;
  againShare: number;
  reviews: number;
  students: number;
}

export async function classProgress(classId: string): Promise<Result<ClassFigures & { missed: MissedCard[] }, string>> {
  const published = await publishedClass(classId);
  if (!published) return { ok: false, error: 'This collection does not hold the owner key of that class.' };
  const answer = await call('GET', `/${classId}/progress`, { key: published.ownerKey });
  if (!answer.ok) return answer;
  if (answer.value.status !== 200) return { ok: false, error: refusal(answer.value) };
  const figures = parseClassFigures(answer.value.json);
  if (!figures.ok) return figures;
  const fronts = await cardFronts(figures.value.cards.map((c) => c.card));
  const missed = figures.value.cards.map((c, i) => ({
    card: c.card,
    front: fronts[i],
    againShare: c.againShare,
    reviews: c.reviews,
    students: c.students,
  }));
  return { ok: true, value: { ...figures.value, missed } };
}

// ---- Student ----------------------------------------------------------------------------------------------------

export async function previewClass(classId: string): Promise<Result<ClassInfo, string>> {
  if (!isClassId(classId)) return { ok: false, error: 'This class link is damaged: the part after #/class/ should be 32 letters and digits. Ask your instructor for the link again.' };
  const answer = await call('GET', `/${classId}`);
  if (!answer.ok) return answer;
  if (answer.value.status !== 200) return { ok: false, error: refusal(answer.value) };
  const info = parseClassInfo(answer.value.json);
  return info.ok && info.value.classId !== classId ? { ok: false, error: refusal(answer.value) } : info;
}

async function fetchVersion(classId: string, version: number) {
  const answer = await call('GET', `/${classId}/versions/${version}`);
  if (!answer.ok) return answer;
  if (answer.value.status !== 200) return { ok: false as const, error: refusal(answer.value) };
  const parsed = await parseClassVersion(answer.value.text);
  if (!parsed.ok) return { ok: false as const, error: parsed.error.message };
  if (parsed.value.classId !== classId || parsed.value.version !== version) return { ok: false as const, error: 'The class server sent another version than asked for. Nothing was changed.' };
  return parsed;
}

/** Subscribes to the newest version. With `share`, anonymous progress goes to the instructor from the next check. */
export async function subscribe(classId: string, share: boolean, now: number): Promise<Result<ClassSubscription, string>> {
  const info = await previewClass(classId);
  if (!info.ok) return info;
  const version = await fetchVersion(classId, info.value.version);
  if (!version.ok) return version;
  const sharing = share ? { token: newSecret(), reportedUpTo: 0, reportedCards: [] } : null;
  const sub = await subscribeToClass({ classId, version: version.value.version, note: version.value.note, deck: version.value.deck }, sharing, now);
  if (share) await reportProgress(sub);
  return { ok: true, value: sub };
}

export interface CheckOutcome {
  /** Classes that moved to a new version in this check. */
  updated: { classId: string; notice: ClassUpdateNotice }[];
  /** Problems in words, one per class that could not be checked. */
  errors: string[];
}

/** One class: the newest version merged when newer, then progress reported when the student shares it. */
export async function checkClass(sub: ClassSubscription, now: number): Promise<Result<ClassUpdateNotice | null, string>> {
  if (sub.unpublished) return { ok: true, value: null };
  const answer = await call('GET', `/${sub.classId}`);
  if (!answer.ok) return answer;
  if (answer.value.status === 410) {
    await markChecked(sub.classId, now, true);
    return { ok: true, value: null };
  }
  if (answer.value.status !== 200) return { ok: false, error: refusal(answer.value) };
  const info = parseClassInfo(answer.value.json);
  if (!info.ok) return info;
  let notice: ClassUpdateNotice | null = null;
  if (info.value.version > sub.version) {
    const version = await fetchVersion(sub.classId, info.value.version);
    if (!version.ok) return version;
    notice = await mergeClassVersion({ classId: sub.classId, version: version.value.version, note: version.value.note, deck: version.value.deck }, now);
  } else await markChecked(sub.classId, now);
  const current = await subscription(sub.classId);
  if (current?.sharing) await reportProgress(current);
  return { ok: true, value: notice };
}

let checking: Promise<CheckOutcome> | null = null;

/** Every subscribed class; concurrent calls share one run. Call on start, on every sync and on "Check for updates". */
export function checkClassUpdates(now = Date.now()): Promise<CheckOutcome> {
  checking ??= (async () => {
    const outcome: CheckOutcome = { updated: [], errors: [] };
    for (const sub of await subscriptions()) {
      const result = await checkClass(sub, now);
      if (!result.ok) outcome.errors.push(`"${sub.title}": ${result.error}`);
      else if (result.value) outcome.updated.push({ classId: sub.classId, notice: result.value });
    }
    return outcome;
  })().finally(() => (checking = null));
  return checking;
}

let checkedOnStart: Promise<CheckOutcome> | null = null;

/** The first check of this app start; later calls share it. Makes no request when the collection follows no class. */
export function checkClassUpdatesOnStart(): Promise<CheckOutcome> {
  checkedOnStart ??= checkClassUpdates();
  return checkedOnStart;
}

/** Sends the answers given since the last report, per card only. Failure is quiet: the next check sends them. */
export async function reportProgress(sub: ClassSubscription): Promise<boolean> {
  if (!sub.sharing || sub.unpublished) return false;
  const { answers, classCards } = await unreportedAnswers(sub);
  const cards = progressSince(answers, classCards, sub.sharing.reportedUpTo, new Set(sub.sharing.reportedCards));
  const upTo = answers.reduce((max, a) => Math.max(max, a.review), sub.sharing.reportedUpTo);
  const answer = await call('POST', `/${sub.classId}/progress`, { key: sub.sharing.token, body: { cards } });
  if (!answer.ok || answer.value.status !== 200) return false;
  await recordReported(sub.classId, sub.sharing.token, upTo, cards);
  return true;
}

/** Turns sharing on (a fresh token) or off (the server stops counting this student). */
export async function setProgressSharing(classId: string, on: boolean): Promise<Result<null, string>> {
  const sub = await subscription(classId);
  if (!sub) return { ok: false, error: 'You no longer follow this class.' };
  if (on && !sub.sharing) {
    // Answers given before turning it on stay private: reporting starts now.
    const sharing = { token: newSecret(), reportedUpTo: Date.now(), reportedCards: [] };
    await setSharing(classId, sharing);
    await reportProgress({ ...sub, sharing });
  } else if (!on && sub.sharing) {
    await setSharing(classId, null);
    const answer = await call('DELETE', `/${classId}/progress`, { key: sub.sharing.token });
    if (!answer.ok || answer.value.status !== 204) return { ok: false, error: 'Sharing is off on this device, but the class server could not be told. Your earlier counts stay anonymous.' };
  }
  return { ok: true, value: null };
}

/** Before a class deck is deleted: stop following its class, so no later version brings the deck back. */
export async function unsubscribeDeck(deckId: string): Promise<void> {
  const sub = (await subscriptions()).find((s) => s.deckId === deckId);
  if (sub) await unsubscribe(sub.classId);
}

/** Stops updates; the deck, its cards and their progress stay. */
export async function unsubscribe(classId: string): Promise<void> {
  const sub = await subscription(classId);
  if (sub?.sharing) await call('DELETE', `/${classId}/progress`, { key: sub.sharing.token });
  await unsubscribeFromClass(classId);
}

export { classDeckId };
