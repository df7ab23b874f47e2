// What each package and source folder costs on the first screen (`npm run bench -- bundle`): the table in the README.
// Beside it, the bytes index.html actually loads, gzipped per file, from the same build.
import { firstScreenCost } from './lib/bundle-cost';

for (const screen of ['study', 'home'] as const) {
  const rows = await firstScreenCost(screen);
  const sum = rows.reduce((s, r) => s + r.kbGzip, 0);
  console.log(`${screen === 'study' ? 'the first card' : 'the deck list'}, kB gzip per package or source folder (each group minified and gzipped on its own):`);
  for (const r of rows) console.log(`  ${r.group.padEnd(32)} ${r.kbGzip.toFixed(1).padStart(5)}`);
  console.log(`  ${'sum of the groups'.padEnd(32)} ${sum.toFixed(1).padStart(5)}`);
}
