import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cardOfStored, canonicalJson, planDeckUpdate, type StoredCard, type StoredStateFlags } from '../../../src/lib/domain/deck-update';
import type { BasicCard } from '../../../src/lib/domain/model';

const NOW = 1_800_000_000_000;
const card = (id: string, text: string): BasicCard => ({ id, kind: 'basic', tags: [], prompt: `Q ${id} ${text}`, answer: text });

// A collection holding a deck: each of ids c0..c7 is absent, in the deck (maybe edited, retired, suspended) or in
// another deck; a new version holds some of the ids, each with text that may differ.
const slot = fc.record({
  where: fc.constantFrom('absent', 'deck', 'deck', 'other'),
  text: fc.constantFrom('a', 'b'),
  edited: fc.boolean(),
  retired: fc.boolean(),
  suspended: fc.boolean(),
  hasState: fc.boolean(),
  inVersion: fc.boolean(),
  versionText: fc.constantFrom('a', 'b', 'c'),
});
const scenario = fc.array(slot, { minLength: 8, maxLength: 8 });
type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

function build(slots: Of<typeof scenario>) {
  const stored = new Map<string, StoredCard>();
  const states = new Map<string, StoredStateFlags>();
  slots.forEach((s, i) => {
    const id = `c${i}`;
    if (s.where === 'absent') return;
    stored.set(id, { ...card(id, s.text), deckId: s.where === 'deck' ? 'deck' : 'other', order: i, suspended: s.suspended ? 1 : 0, retired: s.retired ? 1 : 0, ...(s.edited ? { editedAt: 5 } : {}), createdAt: 1, updatedAt: 2 });
    if (s.hasState) states.set(id, { noteId: id, inactive: s.retired || s.suspended ? 1 : 0 });
  });
  const cards = slots.flatMap((s, i) => (s.inVersion ? [card(`c${i}`, s.versionText)] : []));
  return { stored, states, cards };
}

describe('planDeckUpdate: the one rule for built-in and class deck updates', () => {
  it('adds new cards, changes unedited ones, keeps edited ones, retires what is gone and never deletes', () => {
    fc.assert(
      fc.property(scenario, (slots) => {
        const { stored, states, cards } = build(slots);
        const plan = planDeckUpdate({ deckId: 'deck', cards, stored, states, now: NOW });
        const after = new Map(stored);
        for (const row of plan.cards) after.set(row.id, row);
        for (const [i, s] of slots.entries()) {
          const id = `c${i}`;
          const before = stored.get(id);
          const row = after.get(id);
          if (s.where === 'other') {
            expect(row).toBe(before);
            if (s.inVersion) expect(plan.foreign).toContain(id);
            continue;
          }
          if (s.inVersion) {
            // In the new version: present and active in the deck.
            expect(row).toMatchObject({ deckId: 'deck', retired: 0 });
            const wanted = card(id, s.versionText);
            if (before?.editedAt !== undefined) {
              expect(cardOfStored(row!)).toEqual(cardOfStored(before));
              expect(plan.skippedEdited.includes(id)).toBe(s.text !== s.versionText);
            } else expect(canonicalJson(cardOfStored(row!))).toBe(canonicalJson(wanted));
            expect(plan.added.includes(id)).toBe(!before);
            expect(plan.changed.includes(id)).toBe(!!before && before.editedAt === undefined && s.text !== s.versionText);
            expect(plan.revived.includes(id)).toBe(!!before && before.retired === 1);
            // Progress: an existing state is never replaced by a fresh one.
            if (states.has(id)) expect(plan.states.some((w) => w.cardId === id && w.create)).toBe(false);
            else expect(plan.states.some((w) => w.cardId === id && w.create)).toBe(true);
            if (before) expect(row!.suspended).toBe(before.suspended);
          } else if (before) {
            // Gone from the version: retired unless the learner edited it; the row and its state stay.
            expect(row!.retired).toBe(before.editedAt !== undefined ? before.retired : 1);
            expect(plan.retired.includes(id)).toBe(before.retired === 0 && before.editedAt === undefined);
            if (plan.retired.includes(id) && states.has(id)) expect(plan.states).toContainEqual({ cardId: id, create: false, noteId: id, inactive: 1 });
            expect(cardOfStored(row!)).toEqual(cardOfStored(before));
          } else expect(row).toBeUndefined();
        }
        // Nothing outside the deck and the version is written.
        for (const row of plan.cards) expect(row.deckId === 'deck').toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is a no-op for the version already merged', () => {
    fc.assert(
      fc.property(scenario, (slots) => {
        const { stored, states, cards } = build(slots);
        const first = planDeckUpdate({ deckId: 'deck', cards, stored, states, now: NOW });
        const after = new Map(stored);
        for (const row of first.cards) after.set(row.id, row);
        const afterStates = new Map(states);
        for (const w of first.states) afterStates.set(w.cardId, { noteId: w.noteId, inactive: w.create ? 0 : w.inactive });
        const again = planDeckUpdate({ deckId: 'deck', cards, stored: after, states: afterStates, now: NOW + 1 });
        expect(again.cards).toEqual([]);
        expect(again.added.length + again.changed.length + again.retired.length + again.revived.length).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
