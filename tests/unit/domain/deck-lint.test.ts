// Deck lints: each rule on a small deck of our own, then every bundled deck with the editorial file's waivers.
import { describe, expect, it } from 'vitest';
import { headingDependence, isLabelAnswer, lintDecks, sharedStem, TRUE_SHARE, type LintRule } from '../../../src/lib/domain/deck-lint';
import { unwaived } from '../../../src/lib/domain/generator/editorial';
import { FORMAT_VERSION, type Card, type Deck } from '../../../src/lib/domain/model';
import { readCommittedDecks, readEditorial } from './generator/bundled';

const deck = (cards: Card[], id = 'd'): Deck => ({ formatVersion: FORMAT_VERSION, id, title: id, description: '', tags: [], source: 't', cards });
const basic = (id: string, prompt: string, answer: string): Card => ({ id, kind: 'basic', tags: [], prompt, answer });
const rules = (cards: Card[]): [string, LintRule][] => lintDecks([deck(cards)]).map((f) => [f.cardId, f.rule]);

describe('deck lints', () => {
  it('finds duplicate and near-duplicate prompts, within and across kinds', () => {
    const found = rules([
      basic('a', 'Docker volumes: where does Docker store volume data?', 'Under /var/lib/docker/volumes'),
      basic('b', 'Docker volumes: where does Docker store the volume data?', 'In the Docker area'),
      { id: 'c', kind: 'typed', tags: [], prompt: 'Docker volumes: where does docker store volume data?', answers: ['/var/lib/docker/volumes'] },
      basic('d', 'Docker networks: what does the bridge driver do?', 'Connects containers on one host'),
    ]);
    expect(found).toEqual([
      ['b', 'duplicate-prompt'],
      ['c', 'duplicate-prompt'],
    ]);
  });

  it('does not count the same question about different subjects as a duplicate when it is short', () => {
    expect(rules([basic('a', 'Docker volumes: what are the best practices?', 'Named volumes'), basic('b', 'Multi-stage builds: what are the best practices?', 'Small final stage')])).toEqual([]);
  });

  it('finds prompt fragments left over from headings', () => {
    expect(rules([basic('a', 'Why networking is needed: without Docker networking …?', 'Containers cannot talk')])).toEqual([['a', 'fragment']]);
    expect(rules([basic('b', 'Persistent storage: but real applications need what?', 'Database data, logs')])).toEqual([['b', 'fragment']]);
    expect(rules([basic('c', 'Persistent storage (overcoming “Scenario): what is it?', 'Data that outlives a container')])).toEqual([['c', 'fragment']]);
  });

  it('finds prompts over 200 characters', () => {
    expect(rules([basic('a', `Docker install: ${'x '.repeat(100)}?`, 'Add the user to the docker group')])).toEqual([['a', 'long-prompt']]);
  });

  it('finds choice cards with fewer than four options', () => {
    expect(rules([{ id: 'a', kind: 'choice', tags: [], prompt: 'Docker networks: which driver do new containers get by default?', options: ['bridge', 'host', 'none'], correct: [0], explanation: 'bridge' }])).toEqual([['a', 'choice-options']]);
  });

  it('finds giveaways: the step name in a bare command prompt, the right option in the prompt', () => {
    expect(rules([{ id: 'a', kind: 'typed', tags: [], prompt: 'Which docker command starts a stopped container?', answers: ['docker start container-id'] }])).toEqual([['a', 'giveaway']]);
    // With flags to recall, naming the verb gives nothing away.
    expect(rules([{ id: 'b', kind: 'typed', tags: [], prompt: 'Which docker command runs nginx with port 80 published on 8080?', answers: ['docker run -p 8080:80 nginx'] }])).toEqual([]);
    expect(rules([{ id: 'c', kind: 'choice', tags: [], prompt: 'Images: which one has no shell, like distroless?', options: ['Ubuntu', 'Alpine', 'distroless', 'Debian'], correct: [2], explanation: '' }])).toEqual([['c', 'giveaway']]);
  });

  it('finds a choice whose prompt shares a word with the right option only', () => {
    const layers = ['User Layer', 'OS Layer', 'Host Layer', 'Image Layer'];
    expect(rules([{ id: 'a', kind: 'choice', tags: [], prompt: 'Container architecture: which one is described by “Host OS + hardware”?', options: layers, correct: [2], explanation: '' }])).toEqual([['a', 'giveaway']]);
    expect(rules([{ id: 'b', kind: 'choice', tags: [], prompt: 'Container architecture: which one is the OS and hardware under everything?', options: layers, correct: [2], explanation: '' }])).toEqual([]);
  });

  it('finds answers that repeat the prompt', () => {
    expect(rules([basic('a', 'Lifecycle: what does the “Pause” step do in Docker?', 'Pause in Docker')])).toEqual([['a', 'answer-repeats-prompt']]);
  });

  it('checks the true/false balance of each deck (40–60% true)', () => {
    const facts = ['Bridge is the default network driver.', 'Host mode shares the host network stack.', 'The none driver gives a loopback only.', 'Overlay networks span several hosts.', 'Macvlan gives containers their own MAC.', 'Published ports map host to container.'];
    const statements = facts.map((statement, i): Card => ({ id: `s${i}`, kind: 'truefalse', tags: [], statement, isTrue: i === 0, explanation: 'Why.' }));
    expect(lintDecks([deck(statements, 'net')]).map((f) => [f.cardId, f.rule])).toEqual([['net', 'truefalse-balance']]);
    statements[1] = { ...statements[1], isTrue: true } as Card;
    statements[2] = { ...statements[2], isTrue: true } as Card;
    expect(lintDecks([deck(statements, 'net')])).toEqual([]);
  });
});

describe('every bundled deck', () => {
  const decks = readCommittedDecks();
  const editorial = readEditorial();

  it('passes the deck lints, except findings the editorial file waives one by one with a reason', () => {
    const { findings, problems } = unwaived(lintDecks(decks), editorial);
    expect(findings.map((f) => `${f.rule} ${f.deckId} ${f.cardId}: ${f.reason}`)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('has between 40% and 60% true statements in every deck that asks statements (from the lint\'s threshold on)', () => {
    for (const d of decks) {
      const statements = d.cards.filter((c) => c.kind === 'truefalse');
      if (statements.length < TRUE_SHARE.from) continue;
      const share = statements.filter((c) => c.kind === 'truefalse' && c.isTrue).length / statements.length;
      expect(share, d.id).toBeGreaterThanOrEqual(0.4);
      expect(share, d.id).toBeLessThanOrEqual(0.6);
    }
  });
});

describe('lints that catch what a reader catches (issue measurements)', () => {
  it('finds a description that shares a stem or short form with the right option only', () => {
    expect(sharedStem('contains variable data, such as log files', ['/var'], ['/bin', '/usr', '/lib'])).toBeTruthy();
    expect(sharedStem('Scale up/down quickly', ['Scalability'], ['Portability', 'Isolation', 'Fast Deployment'])).toBeTruthy();
    expect(sharedStem('No networking', ['none'], ['bridge', 'host', 'overlay'])).toBeTruthy();
    expect(sharedStem('Default container networking', ['bridge'], ['none', 'host', 'overlay'])).toBeNull();
    // A stem every option shares tells nothing.
    expect(sharedStem('contains binary files', ['/bin'], ['/sbin', '/usr'])).toBeTruthy();
    expect(sharedStem('runs containers on one host', ['host'], ['bridge', 'host-gateway'])).toBeNull();
    // Two-letter terms count too: “its own OS” names “Duplication of OS”; a word like “to” or “no” alone does not.
    expect(sharedStem('Each VM has its own OS → wastes disk space', ['Duplication of OS'], ['Dev/Prod Inconsistency', 'Hard to Port', 'Slow Boot Time'])).toBeTruthy();
    expect(sharedStem('Each VM boots a whole guest system', ['Slow Boot Time'], ['Duplication of OS', 'Hard to Port'])).toBeTruthy();
    expect(sharedStem('go to the registry', ['Hard to Port'], ['Slow Boot Time', 'Dev/Prod Inconsistency'])).toBeNull();
  });

  it('finds prompts that lean on a heading or a pronoun, and answers that are only table labels', () => {
    expect(headingDependence('How containers solve those problems: what is “Fast Startup”?')).toMatch(/those problems/);
    expect(headingDependence('Containers vs VMs: what is “Fast Startup”?')).toBeNull();
    expect(isLabelAnswer('Containers: Very fast; Virtual Machines: Slow')).toBe(true);
    expect(isLabelAnswer('Volumes: Yes; Bind Mounts: No')).toBe(false);
    expect(isLabelAnswer('Containers: very fast, because no OS boots; Virtual Machines: slow')).toBe(false);
  });

  it('finds the same fact asked by two notes, and mirror statements', () => {
    const tf = (id: string, note: string, statement: string, isTrue: boolean): Card => ({ id, noteId: note, kind: 'truefalse', tags: [], statement, isTrue, explanation: 'x' });
    const found = rules([
      tf('a', 'n1', 'Container lifecycle: `docker rm` deletes a container but keeps the named volumes it used.', true),
      tf('b', 'n2', 'Docker volumes: removing a container with `docker rm` also deletes the named volumes it used.', false),
      tf('c', 'n3', 'Folders: “system binaries” describes “/bin”, not “/sbin”.', false),
      tf('d', 'n4', 'Folders: “user binaries” describes “/sbin”, not “/bin”.', false),
    ]);
    expect(found.filter(([, r]) => r === 'repeat')).toEqual([['b', 'repeat'], ['d', 'repeat']]);
  });

  it('finds "practice" statements that are all false in a deck', () => {
    const tf = (id: string, statement: string): Card => ({ id, kind: 'truefalse', tags: [], statement, isTrue: false, explanation: 'x' });
    const deck: Deck = { formatVersion: FORMAT_VERSION, id: 'd', title: 'D', description: '', tags: [], source: 'notes.md', cards: [tf('a', 'It is good practice to run as root.'), tf('b', 'Best practice: store secrets in images.'), tf('c', 'It is good practice to use latest tags.')] };
    expect(lintDecks([deck]).map((f) => f.rule)).toContain('telltale-wording');
  });
});
