// `npm run decks`: regenerates decks/<deck-id>.deck.json from the notes in decks/sources/, applies the
// editorial pass in decks/editorial.json, rewrites the Decks table in README.md and runs the deck lints
// (exit code 1 on a finding the editorial file does not waive). Output is deterministic, so a test can
// compare it with the committed files.

import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintDecks } from '../src/lib/domain/deck-lint.ts';
import { buildDeckFiles, readmeWithDeckTable } from '../src/lib/domain/generator/bundle.ts';
import { unwaived } from '../src/lib/domain/generator/editorial.ts';

const root = join(import.meta.dirname, '..');
const decksDir = join(root, 'decks');
const sourcesDir = join(decksDir, 'sources');

const sources = readdirSync(sourcesDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(sourcesDir, name), 'utf8') }));
const grouping = JSON.parse(readFileSync(join(decksDir, 'grouping.json'), 'utf8'));

const editorial = JSON.parse(readFileSync(join(decksDir, 'editorial.json'), 'utf8'));

const { files, decks, warnings } = buildDeckFiles(sources, grouping, editorial);
for (const old of readdirSync(decksDir).filter((f) => f.endsWith('.deck.json'))) {
  if (!files.has(old)) unlinkSync(join(decksDir, old));
}
for (const [name, content] of files) writeFileSync(join(decksDir, name), content);

const readmePath = join(root, 'README.md');
writeFileSync(readmePath, readmeWithDeckTable(readFileSync(readmePath, 'utf8'), decks));

for (const w of warnings) console.warn(`warning: ${w}`);
for (const d of decks) console.log(`${d.id}: ${d.cards.length} cards`);
console.log(`${decks.reduce((n, d) => n + d.cards.length, 0)} cards in ${decks.length} decks`);

const { findings, problems } = unwaived(lintDecks(decks), editorial);
for (const p of problems) console.error(p);
for (const f of findings) console.error(`lint ${f.rule}: ${f.deckId} ${f.cardId}: ${f.reason}`);
if (findings.length || problems.length) {
  console.error(`${findings.length} lint findings and ${problems.length} editorial problems: fix the card in decks/editorial.json or waive it there with a reason.`);
  process.exitCode = 1;
}
