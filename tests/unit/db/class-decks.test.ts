import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { db, type CardRecord } from '../../../src/lib/db/db';
import { mergeBundledDeck } from '../../../src/lib/db/bundled';
import { mergeClassVersion, savePublishedClass, subscribeToClass, subscription, unsubscribeFromClass } from '../../../src/lib/db/class-decks';
import { answerCard } from '../../../src/lib/db/study';
import { classDeckId } from '../../../src/lib/domain/class-deck';
import type { BasicCard, Deck } from '../../../src/lib/domain/model';

const NOW = new Date(2026, 10, 2, 9, 0, 0).getTime();
const CLASS = 'abcdefghijklmnopqrstuvwxyz234567';

const card = (id: string, text: string): BasicCard => ({ id, kind: 'basic', tags: [], prompt: `Q ${id}`, answer: text });
const deckOf = (id: string, cards: BasicCard[]): Deck => ({ formatVersion: 1, id, title: 'Compose', description: '', tags: [], source: 'tests', cards });

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

/** Cards and states without the deck id, which differs between a built-in deck and a class deck by construction. */
async function collection() {
  const cards = (await db.cards.orderBy('id').toArray()).map(({ deckId: _d, ...c }) => c);
  const states = (await db.states.orderBy('cardId').toArray()).map(({ deckId: _d, ...s }) => s);
  const reviews = (await db.reviews.orderBy('id').toArray()).map(({ deckId: _d, id: _i, uid: _u, ...r }) => r);
  return { cards, states, reviews };
}

// Versions of a deck over ids c0..c5, each card present or not and with one of three texts; between versions the
// learner answers and edits cards.
const version = fc.array(fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }), { minLength: 6, maxLength: 6 });
const learner = fc.array(fc.record({ card: fc.nat(5), action: fc.constantFrom('good', 'again', 'edit') }), { maxLength: 6 });
const history = fc.array(fc.tuple(version, learner), { minLength: 2, maxLength: 4 });
type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

const cardsOf = (v: (string | null)[]) => v.flatMap((text, i) => (text === null ? [] : [card(`c${i}`, text)]));

async function play(steps: Of<typeof history>, merge: (cards: BasicCard[], n: number, now: number) => Promise<unknown>, deckId: string) {
  for (const [n, [v, actions]] of steps.entries()) {
    const now = NOW + n * 86_400_000;
    await merge(cardsOf(v), n + 1, now);
    for (const [k, a] of actions.entries()) {
      const row = await db.cards.get(`c${a.card}`);
      if (!row || row.deckId !== deckId || row.retired) continue;
      if (a.action === 'edit') await db.cards.put({ ...row, answer: `mine ${k}`, editedAt: now + k } as CardRecord);
      else await answerCard({ cardId: row.id, rating: a.action === 'good' ? 3 : 1, now: now + k, durationMs: 1, source: 'study' });
    }
  }
  return collection();
}

describe('class deck updates keep the built-in deck rule', () => {
  it('a class deck and a built-in deck given the same versions and the same answers and edits end up identical', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (steps) => {
        await Promise.all(db.tables.map((t) => t.clear()));
        const bundled = await play(steps, (cards, _n, now) => mergeBundledDeck(deckOf('compose', cards), now), 'compose');
        await Promise.all(db.tables.map((t) => t.clear()));
        const classDeck = await play(
          steps,
          (cards, n, now) => {
            const v = { classId: CLASS, version: n, note: '', deck: deckOf('compose', cards) };
            return n === 1 ? subscribeToClass(v, null, now) : mergeClassVersion(v, now);
          },
          classDeckId(CLASS),
        );
        expect(classDeck).toEqual(bundled);
      }),
      { numRuns: 40 },
    );
  });
});

describe('subscribing, updating and unsubscribing', () => {
  it('keeps progress on a fixed card, adds new ones, keeps the student’s edit and lists what it skipped', async () => {
    await subscribeToClass({ classId: CLASS, version: 1, note: 'first', deck: deckOf('compose', [card('a', 'one'), card('b', 'two'), card('c', 'three')]) }, null, NOW);
    const deckId = classDeckId(CLASS);
    expect(await db.cards.where('deckId').equals(deckId).count()).toBe(3);
    const receipt = await answerCard({ cardId: 'a', rating: 3, now: NOW + 1, durationMs: 1, source: 'study' });
    const b = (await db.cards.get('b'))!;
    await db.cards.put({ ...b, answer: 'my words', editedAt: NOW + 2 } as CardRecord);

    const notice = await mergeClassVersion(
      { classId: CLASS, version: 2, note: 'fixed a', deck: deckOf('compose', [card('a', 'one, fixed'), card('b', 'two, fixed'), card('d', 'four'), card('e', 'five')]) },
      NOW + 10,
    );
    expect(notice).toMatchObject({ version: 2, added: ['d', 'e'], changed: ['a'], retired: ['c'], skipped: ['b'], seen: false });
    expect(await db.cards.get('a')).toMatchObject({ answer: 'one, fixed', retired: 0 });
    expect(await db.states.get('a')).toEqual(receipt.next);
    expect(await db.cards.get('b')).toMatchObject({ answer: 'my words' });
    expect(await db.cards.get('c')).toMatchObject({ retired: 1 });
    expect((await subscription(CLASS))!.version).toBe(2);

    // The same version again (another device merged it first) changes nothing.
    expect(await mergeClassVersion({ classId: CLASS, version: 2, note: '', deck: deckOf('compose', [card('a', 'x')]) }, NOW + 20)).toBeNull();
    expect(await db.cards.get('a')).toMatchObject({ answer: 'one, fixed' });

    await unsubscribeFromClass(CLASS);
    expect(await subscription(CLASS)).toBeNull();
    expect(await db.cards.where('deckId').equals(deckId).count()).toBe(5);
    expect(await db.reviews.count()).toBe(1);
    // After unsubscribing, later versions no longer reach the deck.
    expect(await mergeClassVersion({ classId: CLASS, version: 3, note: '', deck: deckOf('compose', [card('a', 'changed again')]) }, NOW + 30)).toBeNull();
    expect(await db.cards.get('a')).toMatchObject({ answer: 'one, fixed' });
  });

  it('in a sync space, the subscription travels to the other devices while each device merges versions itself', async () => {
    await db.device.put({ key: 'sync', value: { code: 'c', space: 's'.repeat(22), deviceId: 'd'.repeat(22), deviceName: 'Phone', joinedAt: NOW } });
    await subscribeToClass({ classId: CLASS, version: 1, note: '', deck: deckOf('compose', [card('a', 'one'), card('b', 'two')]) }, null, NOW);
    await mergeClassVersion({ classId: CLASS, version: 2, note: '', deck: deckOf('compose', [card('a', 'one, fixed')]) }, NOW + 1);
    const ops = (await db.outbox.toArray()).map((r) => r.op).map((op) => (op.type === 'version' ? `${op.entity}:${op.key}` : op.type));
    expect(ops).toEqual([`setting:classDeck.subscription.${CLASS}`]);
    // The version merged here is marked on this device's deck record (which sync leaves to each device), not synced.
    expect((await db.decks.get(classDeckId(CLASS)))?.bundleHash).toBe('class-version:2');
    expect((await db.settings.get(`classDeck.subscription.${CLASS}`))?.value).not.toHaveProperty('version');
    expect((await subscription(CLASS))!.version).toBe(2);

    // An instructor's owner key is a setting too: sync gives it to the learner's other devices.
    await savePublishedClass({ classId: CLASS, deckId: 'user-compose', ownerKey: 'k'.repeat(43), title: 'Compose', version: 1, publishedAt: NOW });
    const last = (await db.outbox.toArray()).at(-1)!.op;
    expect(last).toMatchObject({ type: 'version', entity: 'setting', key: `classDeck.owner.${CLASS}`, value: { value: { ownerKey: 'k'.repeat(43) } } });
  });

  it('leaves cards already in another deck (an earlier import of the same deck) where they are, and says so', async () => {
    await mergeBundledDeck(deckOf('imported-earlier', [card('a', 'one')]), NOW);
    const sub = await subscribeToClass({ classId: CLASS, version: 1, note: '', deck: deckOf('compose', [card('a', 'one'), card('b', 'two')]) }, null, NOW);
    expect(sub.notice).toMatchObject({ foreign: ['a'], added: ['b'] });
    expect(await db.cards.get('a')).toMatchObject({ deckId: 'imported-earlier' });
  });

  it('a deck gone from the collection (deleted, or a restore without it) counts as no version merged, so the next check brings it back', async () => {
    await subscribeToClass({ classId: CLASS, version: 3, note: '', deck: deckOf('compose', [card('a', 'one')]) }, null, NOW);
    await db.decks.delete(classDeckId(CLASS));
    expect((await subscription(CLASS))!.version).toBe(0);
    await mergeClassVersion({ classId: CLASS, version: 3, note: '', deck: deckOf('compose', [card('a', 'one')]) }, NOW + 1);
    expect(await db.decks.get(classDeckId(CLASS))).toMatchObject({ bundleHash: 'class-version:3' });
  });

  it('writes nothing when a version fails part-way', async () => {
    await subscribeToClass({ classId: CLASS, version: 1, note: '', deck: deckOf('compose', [card('a', 'one')]) }, null, NOW);
    const bad = deckOf('compose', [card('a', 'changed'), { id: undefined } as unknown as BasicCard]);
    await expect(mergeClassVersion({ classId: CLASS, version: 2, note: '', deck: bad }, NOW + 1)).rejects.toThrow();
    expect(await db.cards.get('a')).toMatchObject({ answer: 'one' });
    expect((await subscription(CLASS))!.version).toBe(1);
  });
});
