// `npm run generator-report`: runs the generator over the note-style corpus in tests/fixtures/notes/ and prints,
// per file and in total, the cards by kind, the lint findings and the recall of the facts each file's
// `*.expected.json` lists, then the facts missed (and why), the lint findings and anything that leaked.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportNotes, reportTable } from '../src/lib/domain/generator/report.ts';

const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', 'notes');
const names = readdirSync(dir).filter((f) => !f.endsWith('.expected.json')).sort();
const reports = names.map((name) => {
  const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.[^.]+$/, '.expected.json')), 'utf8'));
  return reportNotes(name, readFileSync(join(dir, name), 'utf8'), expected);
});
console.log(reportTable(reports));
const verbose = process.argv.includes('--cards');
for (const r of reports) {
  if (!r.missed.length && !r.leaks.length && !r.findings.length) continue;
  console.log(`\n${r.name}`);
  for (const m of r.missed) console.log(`  missed: ${m.fact} — ${m.reason}`);
  for (const l of r.leaks) console.log(`  leak: ${l}`);
  for (const f of r.findings) console.log(`  lint ${f.rule}: ${f.reason}`);
}
if (verbose) {
  const { generateDecks } = await import('../src/lib/domain/generator/index.ts');
  const { cardFront, cardBack } = await import('../src/lib/domain/model.ts');
  for (const name of names) {
    const { decks } = generateDecks(readFileSync(join(dir, name), 'utf8'), { source: name });
    console.log(`\n=== ${name}`);
    for (const d of decks) for (const c of d.cards) console.log(`[${d.id}] ${c.kind}: ${cardFront(c)}\n      → ${cardBack(c)}`);
  }
}
