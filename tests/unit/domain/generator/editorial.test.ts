// The editorial file: rewords, drops and additions keyed by card id, applied after generation.
import { describe, expect, it } from 'vitest';
import { addedCardId, applyEditorial, unwaived, type Editorial } from '../../../../src/lib/domain/generator/editorial';
import { FORMAT_VERSION, type Card, type Deck } from '../../../../src/lib/domain/model';

const cards: Card[] = [
  { id: 'keep', noteId: 'n1', kind: 'basic', tags: ['d'], prompt: 'Docker: what is a container?', answer: 'A process' },
  { id: 'fix', noteId: 'n1', kind: 'truefalse', tags: ['d'], statement: 'Stopping a container loses its data.', isTrue: true, explanation: 'The notes say so.' },
  { id: 'gone', kind: 'basic', tags: ['d'], prompt: 'Docker: what does the Pause step do?', answer: 'Pauses' },
];
const deck: Deck = { formatVersion: FORMAT_VERSION, id: 'd', title: 'D', description: '', tags: ['d'], source: 'notes.md', cards };

describe('applyEditorial', () => {
  const editorial: Editorial = {
    reword: { fix: { why: 'The notes overstate it.', isTrue: false, explanation: 'The writable layer survives until the container is removed.' } },
    drop: { gone: 'Tautology.' },
    add: { 'pause-vs-stop': { deck: 'd', why: 'The notes answer it, no card asked.', headingPath: ['Lifecycle'], line: 7, sibling: 'keep', card: { kind: 'basic', prompt: 'Docker: pause vs stop?', answer: 'Pause freezes the processes; stop ends them' } } },
  };
  const warnings: string[] = [];
  const [out] = applyEditorial([deck], editorial, warnings);

  it('rewords a card in place, keeping its id, note and progress key', () => {
    const fixed = out.cards.find((c) => c.id === 'fix');
    expect(fixed).toMatchObject({ id: 'fix', noteId: 'n1', isTrue: false, explanation: 'The writable layer survives until the container is removed.' });
  });

  it('drops a card and adds one with a stable id, provenance, tags and its sibling note', () => {
    expect(out.cards.map((c) => c.id)).toEqual(['keep', 'fix', addedCardId('pause-vs-stop')]);
    expect(out.cards[2]).toMatchObject({ noteId: 'n1', tags: ['d', 'lifecycle'], provenance: { source: 'notes.md', headingPath: ['Lifecycle'], line: 7 } });
    expect(warnings).toEqual([]);
  });

  it('warns about entries that name no card, fields the kind lacks, or give no reason', () => {
    const w: string[] = [];
    applyEditorial([deck], { reword: { nope: { why: 'x' }, keep: { why: '', statement: 'x' } }, drop: { gone: '' } }, w);
    expect(w).toEqual([
      'editorial: reword names the card nope, which no deck has.',
      'editorial: the reword of keep gives no reason.',
      'editorial: dropping gone gives no reason.',
      'editorial: keep is a basic card and has no "statement".',
    ]);
  });
});

describe('unwaived', () => {
  const finding = { deckId: 'd', cardId: 'keep', rule: 'long-prompt' as const, reason: 'long' };
  it('removes findings waived with a reason and reports waivers without reason or without a finding', () => {
    expect(unwaived([finding], { waive: { keep: { 'long-prompt': 'A command line is long.' } } })).toEqual({ findings: [], problems: [] });
    expect(unwaived([finding], { waive: { keep: { 'long-prompt': '' } } }).findings).toEqual([finding]);
    expect(unwaived([], { waive: { keep: { giveaway: 'x' } } }).problems).toEqual(['editorial: keep waives "giveaway", but that lint finds nothing there.']);
  });
});
