// Tables → cards. A comparison table ("Feature | Containers | VMs", or under an "X vs Y" heading)
// yields one card per row comparing the subjects; an entity table ("Network Type | Purpose") yields a
// card per cell, and multiple-choice cards whose distractors are the other rows of the same table.

import type { Card } from '../../model.ts';
import { basicCard, choiceCard, headingPhrase, inNote, subjectOf, trueFalseCard } from '../cards.ts';
import { isTitleLike } from '../outline.ts';
import { cellText, decapitalize, sentenceCase } from '../text.ts';
import { nonNull, originAt, type Rule } from '../visit.ts';

const ATTRIBUTE_HEADER = /^(feature|property|aspect|attribute|criteri(a|on)|characteristic|dimension|comparison|point)s?$/i;

export const tableRule: Rule = (visit) => {
  const { node } = visit;
  if (node.type !== 'table' || !node.header || !node.rows) return [];
  const header = node.header.map(cellText);
  const rows = node.rows.map((r) => ({ line: r.line, raw: r.cells.join('|'), cells: header.map((_, i) => cellText(r.cells[i] ?? '')) }));
  const usable = rows.filter((r) => r.cells[0] !== '' && r.cells.slice(1).some((c) => c !== ''));
  if (header.length < 2 || usable.length === 0) return [];
  const heading = visit.ctx.headingPath[visit.ctx.headingPath.length - 1] ?? '';
  const comparison = ATTRIBUTE_HEADER.test(header[0]) || /\bvs\b|🆚/i.test(heading);
  return comparison ? comparisonCards(visit, header, usable) : entityCards(visit, header, usable);
};

type Row = { line: number; raw: string; cells: string[] };

function comparisonCards(visit: Parameters<Rule>[0], header: string[], rows: Row[]): Card[] {
  const subjects = header.slice(1);
  const cards: Card[] = [];
  const label = subjects.length === 1 ? subjects[0] : subjects.join(' vs ');
  for (const row of rows) {
    const attribute = decapitalize(sentenceCase(row.cells[0]));
    const values = row.cells.slice(1);
    const o = (rule: string) => originAt(visit, row.line, rule, header.join('|'), row.raw);
    const answer = subjects.length === 1 ? values[0] : subjects.map((s, i) => `${s}: ${values[i] || '—'}`).join('; ');
    const prompt = subjects.length === 1 ? `${subjectOf(visit.ctx) || label}: ${attribute}?` : `${label}: ${attribute}?`;
    cards.push(basicCard(o('table-compare'), prompt, answer));
    if (subjects.length === 2 && values[0] && values[1] && values[0].toLowerCase() !== values[1].toLowerCase()) {
      // Half the statements are true, half swap the values; which one is fixed by the fact itself.
      const swap = row.raw.length % 2 === 1;
      // Both values in one claim ("scaling is “Slow” for VMs and “Very fast” for containers"): the reader judges the
      // pairing, which is the distinction the table draws, instead of one cell read aloud.
      const [mine, theirs] = swap ? [values[0], values[1]] : [values[1], values[0]];
      const statement = `${label}: ${attribute} is “${mine}” for ${subjects[1]} and “${theirs}” for ${subjects[0]}`;
      cards.push(trueFalseCard(o('table-compare-tf'), statement, !swap, answer));
    }
    if (subjects.length >= 3) {
      for (let i = 0; i < subjects.length; i++) {
        const value = values[i];
        if (!value || values.filter((v) => v.toLowerCase() === value.toLowerCase()).length > 1) continue;
        const card = choiceCard(
          inNote(originAt(visit, row.line, 'table-compare-choice', header.join('|'), row.raw, subjects[i]), header.join('|'), row.raw),
          `${label}: which one has ${attribute} “${value}”?`,
          subjects[i],
          subjects.filter((_, j) => j !== i),
          answer,
        );
        if (card) cards.push(card);
      }
    }
  }
  return cards;
}

function entityCards(visit: Parameters<Rule>[0], header: string[], rows: Row[]): Card[] {
  const previous = visit.siblings[visit.index - 1];
  const caption = previous && previous.children.length === 0 && isTitleLike(previous.text) && previous.type === 'bullet' ? headingPhrase(previous.text) : '';
  const subject = caption || subjectOf(visit.ctx) || headingPhrase(header[0]);
  const keyName = decapitalize(sentenceCase(header[0]));
  const cards: Card[] = [];
  for (const row of rows) {
    const key = row.cells[0];
    for (let col = 1; col < header.length; col++) {
      const value = row.cells[col];
      if (!value) continue;
      // The row is the fact; its cells are siblings.
      const o = inNote(originAt(visit, row.line, 'table-cell', header.join('|'), row.raw, header[col]), header.join('|'), row.raw);
      cards.push(basicCard(o, `${subject} — ${key}: ${decapitalize(sentenceCase(header[col]))}?`, value));
    }
  }
  if (rows.length < 3) return cards;
  for (let col = 1; col < header.length; col++) {
    const column = rows.map((r) => r.cells[col].toLowerCase());
    for (const row of rows) {
      const value = row.cells[col];
      if (!value || column.filter((v) => v === value.toLowerCase()).length > 1) continue;
      const others = rows.filter((r) => r !== row).map((r) => r.cells[0]);
      const card = choiceCard(
        inNote(originAt(visit, row.line, 'table-choice', header.join('|'), row.raw, header[col]), header.join('|'), row.raw),
        `${subject}: which ${keyName} has ${decapitalize(sentenceCase(header[col]))} “${value}”?`,
        row.cells[0],
        rotate(others, row.raw.length),
        `${row.cells[0]}: ${header.slice(1).map((h, i) => `${decapitalize(h)} ${row.cells[i + 1]}`).join(', ')}`,
      );
      if (card) cards.push(card);
    }
  }
  return nonNull(cards);
}

/** A deterministic choice of which siblings serve as distractors when there are more than needed. */
export function rotate<T>(items: T[], seed: number): T[] {
  if (items.length === 0) return items;
  const k = seed % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
