// The notes-to-cards generator on about 1 MB of notes (the bundled notes repeated under distinct headings),
// next to a baseline measured in the same run: just splitting the same text into lines and lexing them.
import { readFileSync } from 'node:fs';
import { generateDecks } from '../src/lib/domain/generator/index.ts';
import { lexLine } from '../src/lib/domain/generator/lex.ts';

const notes = readFileSync('decks/sources/containers-and-docker-notes.md', 'utf8');
const copies: string[] = [];
for (let i = 0; copies.join('\n').length < 1_000_000; i++) copies.push(notes.replace(/🔷 /g, `🔷 Copy ${i} `));
const big = copies.join('\n');

function time(run: () => void, rounds = 3): number {
  run();
  const start = performance.now();
  for (let i = 0; i < rounds; i++) run();
  return (performance.now() - start) / rounds;
}

const baseline = time(() => big.split('\n').forEach((l, i) => lexLine(l, i + 1)));
let cards = 0;
const generate = time(() => {
  cards = generateDecks(big, { source: 'big.md' }).decks.reduce((n, d) => n + d.cards.length, 0);
});
console.log(`notes: ${(big.length / 1e6).toFixed(2)} MB, ${cards} cards`);
console.log(`generateDecks: ${generate.toFixed(0)} ms   (baseline, lexing lines only: ${baseline.toFixed(0)} ms)`);
