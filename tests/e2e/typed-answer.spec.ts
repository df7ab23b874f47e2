// Typed commands on a phone: a long-flag variant is accepted with nothing struck through, a wrong value is marked,
// the field grows without hiding the buttons, and an instructor can try answers in the editor.
import type { Page } from '@playwright/test';
import type { Deck } from '../../src/lib/domain/model';
import { test, expect, openApp, expectNoAxeViolations } from './fixtures';
import { seedDeck } from './study-helpers';

const PROMPT = 'Which `docker` command do you use to run a container from `nginx` in the background, named `app1`, on the `mybridge` network?';
const ANSWERS = ['docker run -d --name app1 --network mybridge nginx', 'docker container run -d --name app1 --network mybridge nginx'];
const DECK: Deck = {
  formatVersion: 1,
  id: 'e2e-typed-commands',
  title: 'Typed commands',
  description: 'Two typed cards.',
  tags: [],
  source: 'tests',
  cards: [
    { id: 'cmd-1', kind: 'typed', tags: [], prompt: PROMPT, answers: ANSWERS },
    { id: 'cmd-2', kind: 'typed', tags: [], prompt: PROMPT.replace('app1', 'app2'), answers: ANSWERS.map((a) => a.replace('app1', 'app2')) },
  ],
};

/** Every word of the comparison sits on one line: long commands wrap between words, never inside one. */
async function expectWordsUnbroken(page: Page) {
  const broken = await page.locator('.card-face .words > *').evaluateAll((words) => words.filter((w) => w.getClientRects().length !== 1).map((w) => w.textContent));
  expect(broken).toEqual([]);
}

test('a long-flag variant is accepted with no strike-through; a wrong network is marked', async ({ page }) => {
  await openApp(page);
  await seedDeck(page, DECK);
  await page.goto('./#/study/e2e-typed-commands');
  const face = page.locator('.card-face');
  const field = face.getByLabel('Your answer');
  for (const [name, value] of [['autocorrect', 'off'], ['autocapitalize', 'off'], ['spellcheck', 'false'], ['enterkeyhint', 'done']]) await expect(field).toHaveAttribute(name, value);

  const oneLine = (await field.boundingBox())!.height;
  await field.fill('sudo docker container run --detach --name=app1 --network=mybridge --restart no nginx');
  // The field grows to show the whole command, and the Show answer button stays on screen below it.
  expect((await field.boundingBox())!.height).toBeGreaterThan(oneLine * 1.5);
  const showAnswer = page.getByRole('button', { name: /Show answer/ });
  await expect(showAnswer).toBeInViewport();
  await showAnswer.click();

  await expect(face.locator('.verdict')).toHaveText('Correct');
  await expect(face.locator('del, ins, mark')).toHaveCount(0);
  await expect(face.locator('.notes')).toContainText('--detach is -d');
  await expect(face.locator('.notes')).toContainText('--restart no is the default');
  await expectWordsUnbroken(page);
  await expect(page.getByRole('button', { name: /Good/ })).toBeInViewport();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /Good/ }).click();

  await face.getByLabel('Your answer').fill('docker run -d --name app2 --network bridge nginx');
  await face.getByLabel('Your answer').press('Enter');
  await expect(face.locator('.verdict')).toHaveText('Not quite');
  await expect(face.locator('.words mark')).toHaveText(['bridge', 'mybridge']);
  await expect(face.locator('.problems')).toContainText('--network should be mybridge, not bridge (the prompt names it)');
  await expect(page.getByRole('button', { name: /Again/ })).toHaveClass(/suggested/);
  await expectWordsUnbroken(page);
  await expectNoAxeViolations(page);
});

test('the editor tries answers to a typed card with the same matcher', async ({ page }) => {
  await openApp(page, '#/library');
  await page.getByLabel('Title of the new deck').fill('Commands');
  await page.getByRole('button', { name: 'New deck' }).click();
  await page.getByRole('button', { name: 'Add a card' }).click();
  await page.getByLabel('Card kind').selectOption('typed');
  await page.getByLabel('Question').fill('Create network `mybridge`.');
  await page.getByLabel(/Accepted answers/).fill('docker network create mybridge');
  const tryField = page.getByLabel('Try an answer');
  await tryField.fill('docker network create -d bridge mybridge');
  await expect(page.locator('#try-verdict')).toHaveText('Accepted: -d bridge is the default');
  await tryField.fill('docker network create mynet');
  await expect(page.locator('#try-verdict')).toHaveText('Rejected: mynet should be mybridge (the prompt names it)');
  await expectNoAxeViolations(page);
});
