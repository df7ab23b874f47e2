// Choosing the cards of a notes import: every generated card, worst-scored first, with the checks' reasons in plain
// words. A card a check flags starts unchecked; keep, drop and edit happen here, before anything is written. Only
// the kept cards (as edited) are written: selection() goes with the write to the import worker, which applies keepChosen
// to its plan, under the generator's ids, so progress survives a later re-import.
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { lintCard, type LintFinding, type LintRule } from '../../lib/domain/deck-lint';
import { cardBack, cardFront, type Card, type ClozeCard, type Deck } from '../../lib/domain/model';
import type { ChosenCards } from '../../lib/db/import-session';
import type { FacesHtml } from '../../lib/io/card-html';

/** How much each check counts against a card: giving the answer away or asking another card's question is worst. */
const SEVERITY: Partial<Record<LintRule, number>> = {
  giveaway: 3,
  'duplicate-prompt': 3,
  repeat: 3,
  'answer-repeats-prompt': 2,
  'label-answer': 2,
  fragment: 2,
  'heading-dependence': 2,
  'choice-options': 1,
  'long-prompt': 1,
};
/** A check added later counts as a middling one until it is given a weight. */
const DEFAULT_SEVERITY = 2;

/** A headline for the checks whose details alone do not say what is wrong with the card. */
const HEADLINES: Partial<Record<LintRule, string>> = {
  giveaway: 'Gives the answer away',
  fragment: 'Reads like a cut-off sentence',
  'long-prompt': 'Long question',
};

export interface Reason {
  rule: LintRule;
  /** "Gives the answer away: the question says “start”, …" */
  text: string;
}

export interface ChoiceRow {
  id: string;
  deckId: string;
  /** The card as generated, before any edit. */
  card: Card;
  reasons: Reason[];
  /** Sum of the reasons' weights; 0 for a card no check flagged. */
  score: number;
}

/** The two texts a learner edits on a card of each kind; the other fields stay as generated. */
export interface EditLabels {
  front: string;
  back: string;
  backRequired: boolean;
}

export function editLabels(kind: Card['kind']): EditLabels {
  switch (kind) {
    case 'basic':
      return { front: 'Question', back: 'Answer', backRequired: true };
    case 'typed':
      return { front: 'Question', back: 'Accepted answers (one per line)', backRequired: true };
    case 'cloze':
      return { front: 'Sentence with hidden words', back: 'Explanation (optional)', backRequired: false };
    case 'choice':
      return { front: 'Question', back: 'Explanation (optional)', backRequired: false };
    case 'truefalse':
      return { front: 'Statement', back: 'Explanation (optional)', backRequired: false };
  }
}

function editTexts(card: Card): { front: string; back: string } {
  switch (card.kind) {
    case 'basic':
      return { front: card.prompt, back: card.answer };
    case 'typed':
      return { front: card.prompt, back: card.answers.join('\n') };
    case 'cloze':
      return { front: card.text, back: card.explanation ?? '' };
    case 'choice':
    case 'truefalse':
      return { front: card.kind === 'choice' ? card.prompt : card.statement, back: card.explanation };
  }
}

/** The card with the two texts replaced, or the message saying what is missing. */
export function editedCard(card: Card, front: string, back: string): { card: Card; error: null } | { card: null; error: string } {
  const f = front.trim();
  const b = back.trim();
  const lines = b.split('\n').map((s) => s.trim()).filter(Boolean);
  if (!f) return { card: null, error: card.kind === 'truefalse' ? 'Write the statement; it cannot be empty.' : card.kind === 'cloze' ? 'Write the sentence; it cannot be empty.' : 'Write the question; it cannot be empty.' };
  const optional = b ? { explanation: b } : {};
  switch (card.kind) {
    case 'basic':
      return b ? { card: { ...card, prompt: f, answer: b }, error: null } : { card: null, error: 'Write the answer; it cannot be empty.' };
    case 'typed':
      return lines.length ? { card: { ...card, prompt: f, answers: lines }, error: null } : { card: null, error: 'Write at least one accepted answer.' };
    case 'cloze': {
      if (!/\{\{c\d+::[\s\S]+?\}\}/.test(f)) return { card: null, error: 'Wrap the hidden words like {{c1::this}}.' };
      const cloze: ClozeCard = { ...card, text: f, ...optional };
      if (!b) delete cloze.explanation;
      return { card: cloze, error: null };
    }
    case 'choice':
      return { card: { ...card, prompt: f, explanation: b }, error: null };
    case 'truefalse':
      return { card: { ...card, statement: f, explanation: b }, error: null };
  }
}

/** A finding's reason in a learner's words: a headline, then the detail, which names no card id. */
function plainReason(finding: LintFinding, ids: ReadonlySet<string>): string {
  const detail = finding.reason
    .replace(/\bcard ([\w-]+)( \(another note\))?/g, (whole, id: string) => (ids.has(id) ? 'another card' : whole))
    .replace(/\bprompt(?=\b|’)/g, 'question');
  const headline = HEADLINES[finding.rule];
  return headline ? `${headline}: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}` : detail;
}

export class CardChoice {
  /** Every card, worst first; the order is fixed when the preview opens, so rows do not jump while choosing. */
  readonly rows: ChoiceRow[];
  /** Deck-wide findings (true/false balance, telltale wording): about no card in particular, so they uncheck none. */
  readonly deckNotes: string[];
  readonly flagged: number;
  /** Ids of the cards left out. */
  readonly dropped = new SvelteSet<string>();
  /** Edited cards by id, and their reasons after the edit. */
  readonly edits = new SvelteMap<string, Card>();
  readonly editedReasons = new SvelteMap<string, Reason[]>();

  editing = $state<string | null>(null);
  front = $state('');
  back = $state('');
  editError = $state<string | null>(null);

  /** Every card id of the import, to tell a card id in a finding's text from other words. */
  #ids: ReadonlySet<string>;
  /** The cards' faces as the import worker rendered them (HTML to sanitise), by id. */
  #html: Readonly<Record<string, FacesHtml>>;

  /** `html`: each card's faces rendered off the main thread (ImportPreview's choice.html); the page then only sanitises them. */
  constructor(decks: Deck[], findings: LintFinding[], html: Readonly<Record<string, FacesHtml>> = {}) {
    this.#html = html;
    const deckTitles = new Map(decks.map((d) => [d.id, d.title]));
    const ids = new Set(decks.flatMap((d) => d.cards.map((c) => c.id)));
    this.#ids = ids;
    const byCard = new Map<string, LintFinding[]>();
    const notes: string[] = [];
    for (const f of findings) {
      if (deckTitles.has(f.cardId) && f.cardId === f.deckId) notes.push(`${deckTitles.get(f.deckId)}: ${plainReason(f, ids)}`);
      else byCard.set(f.cardId, [...(byCard.get(f.cardId) ?? []), f]);
    }
    this.deckNotes = notes;
    const rows = decks.flatMap((d) =>
      d.cards.map((card): ChoiceRow => {
        const found = byCard.get(card.id) ?? [];
        return { id: card.id, deckId: d.id, card, reasons: found.map((f) => ({ rule: f.rule, text: plainReason(f, ids) })), score: found.reduce((n, f) => n + (SEVERITY[f.rule] ?? DEFAULT_SEVERITY), 0) };
      }),
    );
    // Stable: cards of one score keep the notes' order.
    this.rows = rows.map((row, i) => ({ row, i })).sort((a, b) => b.row.score - a.row.score || a.i - b.i).map(({ row }) => row);
    this.flagged = rows.filter((r) => r.score > 0).length;
    for (const row of rows) if (row.score > 0) this.dropped.add(row.id);
  }

  get keptCount(): number {
    return this.rows.length - this.dropped.size;
  }

  cardOf(row: ChoiceRow): Card {
    return this.edits.get(row.id) ?? row.card;
  }

  /** The row's faces as rendered by the worker; undefined once edited (the edit renders on the page). */
  htmlOf(row: ChoiceRow): FacesHtml | undefined {
    return this.edits.has(row.id) ? undefined : this.#html[row.id];
  }

  reasonsOf(row: ChoiceRow): Reason[] {
    return this.editedReasons.get(row.id) ?? row.reasons;
  }

  isKept(id: string): boolean {
    return !this.dropped.has(id);
  }

  setKept(id: string, keep: boolean): void {
    if (keep) this.dropped.delete(id);
    else this.dropped.add(id);
  }

  keepAll(): void {
    this.dropped.clear();
  }

  /** Unchecks every card a check flagged (edited ones included: their reasons are the ones now shown). */
  dropFlagged(): void {
    for (const row of this.rows) if (this.reasonsOf(row).length > 0) this.dropped.add(row.id);
  }

  startEdit(id: string): void {
    const row = this.rows.find((r) => r.id === id);
    if (!row) return;
    const texts = editTexts(this.cardOf(row));
    this.editing = id;
    this.front = texts.front;
    this.back = texts.back;
    this.editError = null;
  }

  cancelEdit(): void {
    this.editing = null;
    this.editError = null;
  }

  /**
   * Keeps the edited texts (refused, with a message, when a required one is empty) and checks the card: editing a card
   * is choosing it. The card's own checks run again; a repeat of another card still stands unless the front changed.
   */
  saveEdit(): boolean {
    const row = this.rows.find((r) => r.id === this.editing);
    if (!row) return false;
    const result = editedCard(this.cardOf(row), this.front, this.back);
    if (!result.card) {
      this.editError = result.error;
      return false;
    }
    const frontChanged = cardFront(result.card) !== cardFront(row.card);
    const crossCard = row.reasons.filter((r) => !frontChanged && (r.rule === 'duplicate-prompt' || r.rule === 'repeat'));
    const own = lintCard(result.card, row.deckId).map((f) => ({ rule: f.rule, text: plainReason(f, this.#ids) }));
    this.edits.set(row.id, result.card);
    this.editedReasons.set(row.id, [...own, ...crossCard]);
    this.dropped.delete(row.id);
    this.editing = null;
    this.editError = null;
    return true;
  }

  /** What was left out and edited, as plain values: they are posted to the import worker, which writes only the kept cards. */
  selection(): ChosenCards {
    return { dropped: [...this.dropped], edits: [...this.edits.values()].map((card) => $state.snapshot(card) as Card) };
  }
}

/** The front and back a row shows. */
export const rowTexts = (card: Card) => ({ front: cardFront(card), back: cardBack(card) });
