// Class decks end to end, with three browsers against the real server (server/main.ts on PGlite in a new data folder): an
// instructor publishes, two students subscribe and study, the instructor fixes a card and adds two, and both students
// get the update with their progress kept; one student's own edit survives. With sharing on, the instructor's view
// shows the most-missed cards once enough students share (the minimum lowered to 2 by the test-only setting).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer, type ChildServer } from '../support/child-server';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, readCollection } from './fixtures';
import { homeCounts, seedDeck } from './study-helpers';
import type { Deck } from '../../src/lib/domain/model';

const DECK: Deck = {
  formatVersion: 1,
  id: 'user-compose-class',
  title: 'Compose class',
  description: 'Week 3',
  tags: [],
  source: 'drydock editor',
  cards: [
    { id: 'cc-bridge', kind: 'basic', tags: [], prompt: 'What does the bridge driver do?', answer: 'It connects containers on one host.' },
    { id: 'cc-volume', kind: 'basic', tags: [], prompt: 'Where do named volumes live?', answer: '/var/lib/docker/volumes' },
    { id: 'cc-up', kind: 'basic', tags: [], prompt: 'What does `docker compose up -d` do?', answer: 'Starts the services detached.' },
  ],
};

let server: ChildServer;
let dataDir: string;

test.beforeAll(async () => {
  // Its own server (own process group), with the cohort minimum lowered by the test-only setting. A new data folder
  // rather than memory://: startChildServer gives it an empty cluster from a dump, where memory:// runs initdb.
  dataDir = mkdtempSync(join(tmpdir(), 'drydock-class-decks-'));
  server = await startChildServer({ DRYDOCK_DATA: dataDir, DRYDOCK_DIST: process.env.E2E_DIST ?? 'dist', DRYDOCK_TEST_MIN_COHORT: '2', DRYDOCK_REQUEST_LOG: '0' });
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: `${server.url}/`, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

const grade = (page: Page, label: string) => page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: new RegExp(label) });

/** Studies each new card once: the bridge card answered Again, the others Good. */
async function studyAll(page: Page, deckId: string) {
  await page.goto(`./#/study/${deckId}`);
  for (let i = 0; i < 3; i++) {
    const face = page.locator('.card-face');
    await expect(face).toBeVisible();
    const prompt = await face.innerText();
    await page.getByRole('button', { name: /Show answer/ }).click();
    await grade(page, /bridge/.test(prompt) ? 'Again' : 'Good').click();
    await expect(page.locator('.remaining')).toContainText(`${2 - i} new`);
  }
}

async function stateOf(page: Page, cardId: string) {
  return (await readCollection(page)).states.find((s) => s.cardId === cardId);
}

test('an instructor publishes, two students subscribe and study, a fixed and extended version reaches both with their progress', async ({ browser }) => {
  test.setTimeout(240_000);
  const instructor = await phone(browser);
  const ann = await phone(browser);
  const ben = await phone(browser);
  const teacher = instructor.page;

  // Publish: the plain-text warning comes before anything is sent.
  await teacher.goto('./#/library');
  // The Library has listed the decks, so the app has created its database: the deck can be written into it.
  await expect(teacher.getByTestId('deck-list')).toHaveAttribute('aria-busy', 'false');
  await seedDeck(teacher, DECK);
  await teacher.reload();
  await teacher.getByRole('button', { name: 'Publish to a class for Compose class' }).click();
  await expect(teacher.getByTestId('publish-warning')).toContainText('stored on the Drydock server in plain text: anyone with the class link can read them');
  await expectNoAxeViolations(teacher);
  await teacher.getByLabel('Note to your students (optional)').fill('Week 3: Compose networking');
  await teacher.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(teacher.getByTestId('class-status')).toContainText('Published "Compose class" as version 1');
  const link = await teacher.getByTestId('class-link').inputValue();
  expect(link).toMatch(/#\/class\/[a-z2-7]{32}$/);
  await expect(teacher.getByTestId('class-qr')).toHaveAttribute('src', /^data:image\/png;base64,/);
  const ownerRows = (await readCollection(teacher)).settings.filter((s) => String(s.key).startsWith('classDeck.owner.'));
  expect(ownerRows).toHaveLength(1);
  const classId = link.split('/').pop()!;
  const deckId = `class-${classId}`;

  // Both students open the link: preview, opt in to sharing, subscribe, study.
  for (const student of [ann.page, ben.page]) {
    await student.goto(link);
    await expect(student.getByTestId('class-title')).toHaveText('Compose class');
    await expect(student.getByTestId('class-card-count')).toContainText('3 cards · version 1');
    await expect(student.getByTestId('class-note')).toContainText('Week 3: Compose networking');
    // Nothing is stored before Subscribe, and sharing is off unless ticked.
    expect((await readCollection(student)).cards.filter((c) => c.deckId === deckId)).toHaveLength(0);
    await expect(student.getByTestId('class-share')).not.toBeChecked();
    await expectNoAxeViolations(student);
    await student.getByTestId('class-share').check();
    await student.getByTestId('class-subscribe').click();
    await expect(student.getByTestId('class-subscribed')).toContainText('You follow this class');
    await studyAll(student, deckId);
  }
  const annBridge = await stateOf(ann.page, 'cc-bridge');
  const benBridge = await stateOf(ben.page, 'cc-bridge');
  expect(annBridge).toMatchObject({ reps: 1 });

  // Ben rewrites the bridge card in his own words.
  await ben.page.goto(`./#/edit/${deckId}?card=cc-bridge`);
  await ben.page.getByLabel('Answer', { exact: true }).fill('My words: one host, one bridge.');
  await ben.page.getByRole('button', { name: 'Save card' }).click();
  await expect(ben.page.getByTestId('editor-status')).toHaveText('Card saved.');

  // The instructor fixes the bridge card and adds two, then publishes version 2.
  await teacher.goto(`./#/edit/${DECK.id}?card=cc-bridge`);
  await teacher.getByLabel('Answer', { exact: true }).fill('It connects containers on one host through a virtual switch; they reach each other by name on user-defined networks.');
  await teacher.getByRole('button', { name: 'Save card' }).click();
  await expect(teacher.getByTestId('editor-status')).toHaveText('Card saved.');
  // The form stays open after each card added.
  await teacher.getByRole('button', { name: 'Add a card' }).click();
  for (const [question, answer] of [['Which driver spans several hosts?', 'overlay'], ['What does `docker network ls` list?', 'The networks.']]) {
    await teacher.getByLabel('Question').fill(question);
    await teacher.getByLabel('Answer', { exact: true }).fill(answer);
    await teacher.getByRole('button', { name: 'Add card' }).click();
    await expect(teacher.getByTestId('editor-status')).toHaveText('Card added.');
  }
  await teacher.goto('./#/library');
  await teacher.getByRole('button', { name: 'Class for Compose class' }).click();
  await teacher.getByLabel('What changed (shown to students)').fill('Fixed the bridge card; 2 new cards on networks');
  await teacher.getByRole('button', { name: 'Publish new version' }).click();
  await expect(teacher.getByTestId('class-status')).toContainText('Published version 2');
  await teacher.getByRole('button', { name: 'Version history' }).click();
  await expect(teacher.getByTestId('class-versions').locator('li')).toHaveCount(2);
  await expect(teacher.getByTestId('class-versions')).toContainText('Fixed the bridge card; 2 new cards on networks');

  // Ann's app checks on start: the update is announced once, with its list, and her progress on the fixed card stays.
  await ann.page.goto('./#/');
  const annNotice = ann.page.getByTestId('class-update-notice');
  await expect(annNotice).toContainText('Updated to version 2: 2 new cards, 1 changed');
  // The deck list shows the new cards without a reload.
  await expect.poll(async () => (await homeCounts(ann.page, deckId)).new).toBe(2);
  await annNotice.getByText('Show the list').click();
  await expect(annNotice.getByTestId('update-added')).toContainText('Which driver spans several hosts?');
  await expect(annNotice.getByTestId('update-changed')).toContainText('What does the bridge driver do?');
  await expectNoAxeViolations(ann.page);
  const annAfter = await readCollection(ann.page);
  expect(annAfter.cards.find((c) => c.id === 'cc-bridge')).toMatchObject({ answer: expect.stringContaining('virtual switch'), retired: 0 });
  expect(annAfter.cards.filter((c) => c.deckId === deckId)).toHaveLength(5);
  expect(annAfter.states.find((s) => s.cardId === 'cc-bridge')).toEqual(annBridge);
  await ann.page.reload();
  await expect(ann.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(ann.page.getByTestId('class-update-notice')).toHaveCount(0);

  // Both students share, but only Ann has reported answers: no card has the minimum of students yet, so none shows.
  await teacher.getByRole('button', { name: 'Class progress' }).click();
  await expect(teacher.getByTestId('class-figures')).toContainText('No card has been reviewed by 2 students yet');
  await expect(teacher.getByTestId('missed-card')).toHaveCount(0);

  // Ben checks from the Library: his wording wins and he is told which change was skipped; his progress stays.
  await ben.page.goto('./#/library');
  await ben.page.getByRole('button', { name: 'Class updates for Compose class' }).click();
  await ben.page.getByRole('button', { name: 'Check for updates' }).click();
  await expect(ben.page.getByTestId('class-status')).toContainText('Updated to version 2: 2 new cards');
  await ben.page.getByTestId('class-last-update').locator('summary').click();
  await expect(ben.page.getByTestId('update-skipped')).toContainText('What does the bridge driver do?');
  await expectNoAxeViolations(ben.page);
  const benAfter = await readCollection(ben.page);
  expect(benAfter.cards.find((c) => c.id === 'cc-bridge')).toMatchObject({ answer: 'My words: one host, one bridge.' });
  expect(benAfter.states.find((s) => s.cardId === 'cc-bridge')).toEqual(benBridge);
  expect(benAfter.cards.filter((c) => c.deckId === deckId && c.retired === 0)).toHaveLength(5);

  // Two students share now: the most-missed card leads the instructor's list.
  await teacher.getByRole('button', { name: 'Class progress' }).click();
  await expect(teacher.getByTestId('class-figures')).toContainText('2 students share anonymous progress');
  await expect(teacher.getByTestId('missed-card').first()).toContainText('What does the bridge driver do?');
  await expect(teacher.getByTestId('missed-card').first()).toContainText('100% Again, 2 reviews by 2 students');
  await expectNoAxeViolations(teacher);

  // Ben unsubscribes and keeps every card and his progress.
  await ben.page.getByRole('button', { name: 'Unsubscribe' }).click();
  await ben.page.getByRole('button', { name: 'Yes, unsubscribe' }).click();
  await expect(ben.page.getByTestId('library-class-status')).toContainText('Its cards and your progress stay');
  const benLast = await readCollection(ben.page);
  expect(benLast.cards.filter((c) => c.deckId === deckId && c.retired === 0)).toHaveLength(5);
  expect(benLast.states.find((s) => s.cardId === 'cc-bridge')).toEqual(benBridge);

  // The instructor unpublishes: Ann's next check says so, and her cards and progress stay.
  await teacher.getByRole('button', { name: 'Unpublish' }).click();
  await teacher.getByRole('button', { name: 'Yes, unpublish' }).click();
  await expect(teacher.getByTestId('library-class-status')).toContainText('Students keep their cards and progress');
  expect((await readCollection(teacher)).settings.filter((s) => String(s.key).startsWith('classDeck.owner.'))).toHaveLength(0);
  await ann.page.goto('./#/library');
  await ann.page.getByRole('button', { name: 'Class updates for Compose class' }).click();
  await ann.page.getByRole('button', { name: 'Check for updates' }).click();
  await expect(ann.page.getByTestId('class-status')).toContainText('The instructor unpublished this class. Your cards and progress stay');
  const annLast = await readCollection(ann.page);
  expect(annLast.cards.filter((c) => c.deckId === deckId && c.retired === 0)).toHaveLength(5);
  expect(annLast.states.find((s) => s.cardId === 'cc-bridge')).toEqual(annBridge);

  for (const p of [instructor, ann, ben]) await p.context.close();
});
