import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDecks } from '../../../../src/lib/domain/generator';
import { checkTypedAnswer } from '../../../../src/lib/domain/answer-check';
import { cardBack, cardFront, type Card } from '../../../../src/lib/domain/model';
import { validateDeck } from '../../../../src/lib/io/validate-deck';
import { readGrouping, readNotes, NOTES_NAME } from './bundled';

const MARKDOWN_NOTES = `# Kubernetes basics

A Pod is the smallest deployable unit in Kubernetes.

## Objects
- Deployment: keeps a set of identical Pods running
- Service: gives Pods a stable address
- ConfigMap: holds configuration as key-value pairs

## Commands
- \`kubectl get pods\` — lists the Pods in the current namespace
- \`kubectl delete pod my-app\` — deletes a Pod
- \`kubectl logs my-app\` — prints a Pod's logs

| Feature | Deployment | StatefulSet |
| --- | --- | --- |
| Pod names | Random | Stable |
| Storage | Shared | Per Pod |

Q: What restarts a crashed container?
A: The kubelet, following the Pod's restart policy.

## Common mistakes
- Saying a Service runs containers
- Using latest tags in production

# Empty section

# Helm
- Helm packages Kubernetes manifests as charts (templates plus values)
`;

const all = (decks: { cards: Card[] }[]) => decks.flatMap((d) => d.cards);
const fronts = (cards: Card[]) => cards.map(cardFront);

describe('generateDecks on ordinary Markdown notes', () => {
  const { decks, warnings } = generateDecks(MARKDOWN_NOTES, { source: 'k8s.md' });
  const cards = all(decks);

  it('makes one deck per top-level heading and skips sections without cards', () => {
    expect(decks.map((d) => d.id)).toEqual(['kubernetes-basics', 'helm']);
    expect(decks.every((d) => d.formatVersion === 1 && d.source === 'k8s.md' && d.tags.includes(d.id))).toBe(true);
    expect(warnings.filter((w) => /could not be read/.test(w))).toEqual([]);
  });

  it('turns headings into tags and provenance', () => {
    const command = cards.find((c) => c.kind === 'typed' && c.answers[0] === 'kubectl get pods');
    expect(command?.tags).toEqual(expect.arrayContaining(['kubernetes-basics', 'commands']));
    expect(command?.provenance).toEqual({ source: 'k8s.md', headingPath: ['Kubernetes basics', 'Commands'], line: 11 });
  });

  it('asks for commands as typed cards, and not again as a choice among the same commands', () => {
    const typed = cards.find((c) => c.kind === 'typed' && c.answers[0] === 'kubectl delete pod my-app');
    expect(typed && cardFront(typed)).toMatch(/deletes a Pod/);
    expect(cards.filter((c) => c.kind === 'choice' && /lists the Pods/.test(c.prompt))).toEqual([]);
  });

  it('makes comparison cards from a table, Q/A cards, definition cards and trap cards', () => {
    expect(cards.some((c) => cardFront(c) === 'Deployment vs StatefulSet: pod names?' && cardBack(c) === 'Deployment: Random; StatefulSet: Stable')).toBe(true);
    expect(cards.some((c) => /what restarts a crashed container/i.test(cardFront(c)) && /kubelet/.test(cardBack(c)))).toBe(true);
    expect(cards.some((c) => /what is a Pod\?/i.test(cardFront(c)))).toBe(true);
    const traps = cards.filter((c) => c.kind === 'truefalse' && c.tags.includes('common-mistakes'));
    expect(traps.map((t) => t.kind === 'truefalse' && t.isTrue)).toEqual([false, false]);
    expect(fronts(traps)).toEqual(expect.arrayContaining(['A Service runs containers.']));
  });

  it('makes term: definition bullets into cards, and a cloze for examples in brackets', () => {
    expect(cards.some((c) => /Service/.test(cardFront(c)) && /stable address/.test(cardBack(c)))).toBe(true);
    expect(cards.some((c) => c.kind === 'cloze' && /\{\{c1::templates plus values\}\}/.test(c.text))).toBe(true);
  });
});

describe('generateDecks on the bundled notes', () => {
  const notes = readNotes();
  const grouping = readGrouping()[NOTES_NAME];

  it('is deterministic', () => {
    const a = generateDecks(notes, { source: NOTES_NAME, grouping });
    const b = generateDecks(notes, { source: NOTES_NAME, grouping });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('keeps card ids when unrelated parts of the notes change, and changes them for a changed fact', () => {
    const before = all(generateDecks(notes, { source: NOTES_NAME, grouping }).decks);
    const edited = `A new first line.\n\n${notes}`.replace('| Startup time | Seconds              | Minutes                       |', '| Startup time | Milliseconds | Minutes |');
    const after = all(generateDecks(edited, { source: NOTES_NAME, grouping }).decks);
    const afterIds = new Set(after.map((c) => c.id));
    const lost = before.filter((c) => !afterIds.has(c.id));
    expect(lost.length).toBeGreaterThan(0);
    // Other facts keep their ids; the true/false balance may now ask one of them in its other form.
    const askedStill = new Set(after.map((c) => c.noteId));
    expect(lost.filter((c) => !/startup time/i.test(JSON.stringify(c)) && !askedStill.has(c.noteId))).toEqual([]);
    expect(lost.filter((c) => /startup time/i.test(JSON.stringify(c))).length).toBeGreaterThan(0);
  });

  it('without a grouping makes one deck per top-level section that has cards', () => {
    const { decks } = generateDecks(notes, { source: NOTES_NAME });
    const titles = decks.map((d) => d.title);
    expect(titles).toContain('Docker Networking');
    expect(titles).not.toContain('Docker Compose');
    expect(decks.every((d) => d.cards.length > 0)).toBe(true);
  });

  it('gives a sub-section to the deck that names its path, over the deck of its parent', () => {
    const { decks } = generateDecks(notes, { source: NOTES_NAME, grouping });
    const lifecycle = decks.find((d) => d.id === 'container-lifecycle')!;
    expect(lifecycle.cards.every((c) => /lifecycle/i.test(c.provenance?.headingPath.join(' ') ?? ''))).toBe(true);
    const vms = decks.find((d) => d.id === 'containers-vs-vms')!;
    expect(vms.cards.some((c) => /lifecycle/i.test(c.provenance?.headingPath.join(' ') ?? ''))).toBe(false);
  });

  it('puts sections the grouping does not name into decks of their own, with a warning', () => {
    const { decks, warnings } = generateDecks(notes, { source: NOTES_NAME, grouping: { decks: [grouping!.decks[0]] } });
    expect(decks[0].id).toBe(grouping!.decks[0].id);
    expect(decks.length).toBeGreaterThan(1);
    expect(warnings.some((w) => /No deck in the grouping takes/.test(w))).toBe(true);
  });

  it('makes every typed card accept its own answer', () => {
    for (const card of all(generateDecks(notes, { source: NOTES_NAME }).decks)) {
      if (card.kind === 'typed') expect(checkTypedAnswer(card.answers[0], card.answers).correct, card.prompt).toBe(true);
    }
  });
});

describe('generateDecks on any input', () => {
  it('never throws and returns well-formed decks', () => {
    const pieces = fc.constantFrom('#', '# H', '## S', '###', '🔷 T', '🔄 S', '1️⃣ ', '❌ ', '✅ Answer: ', '❓ Q?', '| a | b |', '| --- | --- |', '```', '🔗 docker run x', '- ', 'Q: ', 'A: ', '  ', ':', '→', '(', ')', '{{c1::', '}}', '\n', 'FROM x', 'text');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string(), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 60 }), (parts) => {
        const { decks, warnings } = generateDecks(parts.join(''), { source: 'fuzz.md' });
        expect(Array.isArray(warnings)).toBe(true);
        const seen = new Set<string>();
        for (const deck of decks) {
          expect(deck.cards.length).toBeGreaterThan(0);
          for (const card of deck.cards) expect(cardFront(card).length).toBeGreaterThan(0);
          // The in-app import runs generated decks through the same validator as any file: nothing may be dropped.
          const problems: string[] = [];
          expect(validateDeck(JSON.parse(JSON.stringify(deck)), deck.id, problems, seen).cards).toHaveLength(deck.cards.length);
          expect(problems).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('copes with hostile shapes: huge lines, deep indentation, thousands of pipes, non-strings', () => {
    const hostile = ['a'.repeat(200_000), `${'  '.repeat(5000)}- deep`, '|'.repeat(50_000), `# H\n${'❓ q?\n'.repeat(2000)}`, '\u0000\uFFFF\uD800'];
    for (const text of hostile) expect(() => generateDecks(text, { source: 'x' })).not.toThrow();
    expect(generateDecks(undefined as unknown as string, { source: 'x' }).decks).toEqual([]);
    expect(generateDecks('# A\n- b: c\n- d: e\n- f: g', undefined as unknown as { source: string }).decks.length).toBeGreaterThanOrEqual(0);
  });
});

describe('commands in ordinary Markdown', () => {
  it('reads a short shell block under a label, and "- command — description" bullets', () => {
    const notes = ['# Git', 'Start a repository:', '```sh', '$ git init', 'git add -A', '```', '- git status — shows changed files', '- git log — lists commits', '- git diff — shows unstaged changes'].join('\n');
    const cards = all(generateDecks(notes, { source: 'git.md' }).decks);
    const typed = cards.filter((c): c is Extract<Card, { kind: 'typed' }> => c.kind === 'typed').map((c) => c.answers[0]);
    expect(typed).toEqual(expect.arrayContaining(['git init', 'git add -A', 'git status', 'git log', 'git diff']));
    expect(cards.some((c) => c.kind === 'typed' && /shows changed files/.test(c.prompt))).toBe(true);
  });
});

describe('generateDecks at scale', () => {
  it('handles a section with thousands of list entries, items and questions', () => {
    const defs = Array.from({ length: 3000 }, (_, i) => `- term${i}: definition number ${i} of the list`).join('\n');
    const items = Array.from({ length: 3000 }, (_, i) => `${i + 1}. Step ${i} does thing ${i}`).join('\n');
    const questions = Array.from({ length: 2000 }, (_, i) => `Q: Question ${i}?\nA: Answer ${i}.`).join('\n');
    const { decks } = generateDecks(`# Big\n${defs}\n## Items\n${items}\n## Questions\n${questions}`, { source: 'big.md' });
    const cards = all(decks);
    expect(cards.length).toBeGreaterThan(5000);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });
});

describe('generateDecks with a malformed grouping', () => {
  it('ignores bad entries with a warning and still returns valid decks', () => {
    const grouping = { decks: [{ id: 'Not A Slug', title: 'x', description: '', sections: [] }, { id: 'ok', title: 'OK', sections: 'Docker' }, null, { id: 'k8s', title: 'K8s', description: 'd', sections: ['Kubernetes basics'] }] };
    const { decks, warnings } = generateDecks(MARKDOWN_NOTES, { source: 'k8s.md', grouping: grouping as never });
    expect(decks.map((d) => d.id)).toEqual(['k8s', 'helm']);
    expect(warnings.filter((w) => /was ignored/.test(w))).toHaveLength(3);
  });
});

describe('siblings', () => {
  it('gives every form of one fact the same noteId, and different facts different ones', () => {
    const [deck] = generateDecks(MARKDOWN_NOTES, { source: 'k8s.md' }).decks;
    const forms = deck.cards.filter((c) => cardFront(c).includes('kubectl delete pod') || cardBack(c).includes('kubectl delete pod'));
    expect(forms.length).toBeGreaterThan(1);
    expect(new Set(forms.map((c) => c.noteId)).size).toBe(1);
    const notes = new Set(deck.cards.map((c) => c.noteId));
    expect(notes.size).toBeGreaterThan(3);
    expect(notes.size).toBeLessThan(deck.cards.length);
  });

  it('keeps the noteId through the deck validator, and refuses an empty one', () => {
    const [deck] = generateDecks(MARKDOWN_NOTES, { source: 'k8s.md' }).decks;
    const warnings: string[] = [];
    const back = validateDeck(JSON.parse(JSON.stringify(deck)), 'deck', warnings, new Set());
    expect(back.cards.map((c) => c.noteId)).toEqual(deck.cards.map((c) => c.noteId));
    const broken = { ...deck, cards: [{ ...deck.cards[0], noteId: ' ' }] };
    expect(validateDeck(broken, 'deck', warnings, new Set()).cards).toHaveLength(0);
    expect(warnings.at(-1)).toMatch(/noteId/);
  });
});
