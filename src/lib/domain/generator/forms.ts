// Which forms of a fact a deck keeps. The rules offer every form they can make (basic, typed, choice,
// true/false, cloze); an interviewer asks a fact once or twice, so per note this keeps the recall forms and
// at most one recognition form, drops forms that give themselves away, and balances true and false.

import { fragmentReason, giveawayReason, stemGiveawayReason, TRUE_SHARE } from '../deck-lint.ts';
import { cardBack, cardFront, type Card, type TrueFalseCard } from '../model.ts';
import { contentWords } from './text.ts';

const noteOf = (card: Card) => card.noteId ?? card.id;

/** Cards made from explicit card markup (`::`, `#card`, `==cloze==`…). */
export const markedCards = new WeakSet<Card>();

/** A cloze blank that hides an example value or name ("frontend-net", "8080", `/data`) rather than the idea. */
export function blanksExample(card: Card): boolean {
  if (card.kind !== 'cloze') return false;
  return [...card.text.matchAll(/\{\{c\d+::(.*?)(?:::.*?)?\}\}/g)].some(({ 1: hidden, index }) => {
    const before = card.text.slice(0, index).toLowerCase();
    return /\d/.test(hidden) || /`/.test(hidden) || /^[a-z0-9]+([-_/.][a-z0-9]+)+$/.test(hidden) || /\b(e\.g\.?|eg|example|such as|like|named|called)[\s:,(]*$/.test(before);
  });
}

/** The words a card shows on both sides, computed once per card. */
const shownWords = new WeakMap<Card, Set<string>>();
function wordsOf(card: Card): Set<string> {
  let words = shownWords.get(card);
  if (!words) shownWords.set(card, (words = new Set(contentWords(`${cardFront(card)} ${cardBack(card)}`))));
  return words;
}

/** Whether most of the card's words already appear on one of `others` (front and back), so it adds nothing. */
const answerWords = new WeakMap<Card, string[]>();
function restates(card: Card, others: Card[]): boolean {
  let mine = answerWords.get(card);
  if (!mine) answerWords.set(card, (mine = [...new Set(contentWords(card.kind === 'truefalse' ? card.statement : cardBack(card)))]));
  const words = mine;
  if (words.length === 0) return true;
  return others.some((o) => {
    const theirs = wordsOf(o);
    return words.filter((w) => theirs.has(w)).length / words.length >= 0.8;
  });
}

/**
 * The card gives itself away (by a word of the prompt, or by a stem or short form its description shares with
 * the right option only: "temporary files" → `/tmp`) or reads as a fragment: the deck lint's own tests.
 */
const flaws = new WeakMap<Card, boolean>();
function flawed(card: Card, vetted: ReadonlySet<string>): boolean {
  if (vetted.has(card.id)) return false;
  let flaw = flaws.get(card);
  if (flaw === undefined) flaws.set(card, (flaw = fragmentReason(cardFront(card)) !== null || giveawayReason(card) !== null || stemGiveawayReason(card) !== null));
  return flaw;
}

/** Another basic card of the note gives the same answer with more to it ("Create — defined but not running"). */
function saidBetter(card: Card, basics: Card[]): boolean {
  const at = basics.indexOf(card);
  const length = cardBack(card).length;
  return basics.some((o, i) => i !== at && (cardBack(o).length > length || (cardBack(o).length === length && i < at)) && restates(card, [o]));
}

interface NoteForms {
  keep: Card[];
  /** A statement that could replace the note's choice card, for balancing true and false. */
  spareStatement?: TrueFalseCard;
  choice?: Card;
}

function chooseInNote(cards: Card[], nonCloze: () => Card[], vetted: ReadonlySet<string>): NoteForms {
  // Typed cards stay even when flawed: a command is asked for by name, and the deck lint reports the prompt.
  const basics = cards.filter((c) => c.kind === 'basic');
  const recall = cards.filter((c) => c.kind === 'typed' || (c.kind === 'basic' && !(flawed(c, vetted) && cards.length > 1) && !saidBetter(c, basics)));
  // A typed card already asks "which command does X"; a choice among commands would ask it again.
  const hasTyped = cards.some((c) => c.kind === 'typed');
  const choices = cards.filter((c) => c.kind === 'choice' && !hasTyped && !flawed(c, vetted));
  const fullChoice = choices.find((c) => c.kind === 'choice' && c.options.length >= 4);
  const statement = cards.find((c): c is TrueFalseCard => c.kind === 'truefalse' && !flawed(c, vetted));
  // One recognition form: a 4-option choice, else a statement, else a short choice when nothing else asks the fact.
  const recognition = fullChoice ?? statement ?? (recall.length ? undefined : choices[0]);
  const keep = [...recall, ...(recognition ? [recognition] : [])];
  if (keep.length === 0) {
    // A cloze is kept only as the sole form of its fact, and only when it hides the idea and says something new.
    const cloze = cards.find((c) => c.kind === 'cloze' && !blanksExample(c) && !flawed(c, vetted) && !restates(c, nonCloze().filter((o) => noteOf(o) !== noteOf(c))));
    if (cloze) keep.push(cloze);
  }
  const order = new Map(cards.map((c, i) => [c, i]));
  keep.sort((a, b) => order.get(a)! - order.get(b)!);
  return { keep, spareStatement: recognition === fullChoice && statement ? statement : undefined, choice: fullChoice };
}

/**
 * Per note, the forms that test the fact best (see the file comment), then true/false balance for the deck:
 * first by asking a fact as a statement instead of a choice where that adds the missing side, then by dropping
 * statements of the larger side whose fact keeps another card. What cannot be balanced is left to the lint.
 */
/** `vetted`: ids of cards an editor rewrote (decks/editorial.json), so their generated text's flaws do not count. */
export function chooseForms(cards: Card[], vetted: ReadonlySet<string> = new Set()): Card[] {
  const byNote = new Map<string, Card[]>();
  for (const card of cards) {
    const group = byNote.get(noteOf(card));
    if (group) group.push(card);
    else byNote.set(noteOf(card), [card]);
  }
  let nonCloze: Card[] | undefined;
  const notes = [...byNote.values()].map((group) => chooseInNote(group, () => (nonCloze ??= cards.filter((c) => c.kind !== 'cloze')), vetted));
  // Cards the note-taker marked are kept as written: they chose the form.
  const kept = new Set([...notes.flatMap((n) => n.keep), ...cards.filter((c) => markedCards.has(c))]);
  const statements = [...kept].filter((c): c is TrueFalseCard => c.kind === 'truefalse');
  const tally = { all: statements.length, true: statements.filter((c) => c.isTrue).length };
  const share = () => tally.true / (tally.all || 1);
  const balanced = () => tally.all >= TRUE_SHARE.from && share() >= TRUE_SHARE.min && share() <= TRUE_SHARE.max;
  const swaps = notes.filter((n) => n.spareStatement && n.choice).sort((a, b) => (a.spareStatement!.id < b.spareStatement!.id ? -1 : 1));
  for (const note of swaps) {
    if (balanced()) break;
    const statement = note.spareStatement!;
    // The first statement may be either; after that, only the side that is short.
    if (tally.all > 0 && statement.isTrue !== share() < TRUE_SHARE.min) continue;
    kept.delete(note.choice!);
    kept.add(statement);
    tally.all++;
    if (statement.isTrue) tally.true++;
  }
  const left = new Map<string, number>();
  for (const c of kept) left.set(noteOf(c), (left.get(noteOf(c)) ?? 0) + 1);
  const spares = [...kept].filter((c): c is TrueFalseCard => c.kind === 'truefalse').sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const spare of spares) {
    if (tally.all < TRUE_SHARE.from || (share() >= TRUE_SHARE.min && share() <= TRUE_SHARE.max)) break;
    if (spare.isTrue !== share() > TRUE_SHARE.max || left.get(noteOf(spare))! <= 1) continue;
    kept.delete(spare);
    left.set(noteOf(spare), left.get(noteOf(spare))! - 1);
    tally.all--;
    if (spare.isTrue) tally.true--;
  }
  return cards.filter((c) => kept.has(c));
}
