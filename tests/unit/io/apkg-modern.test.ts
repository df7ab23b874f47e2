// tests/fixtures/modern.apkg (made by scripts/make-anki21b-fixture.ts with real zstd): Anki's current package format.
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { readApkg } from '../../../src/lib/io/apkg-read';

test('a current-format package (collection.anki21b, meta, protobuf media map) gives basic, reversed and cloze cards', async () => {
  const r = await readApkg(new Uint8Array(readFileSync('tests/fixtures/modern.apkg')), 'modern.apkg');
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.decks.map((d) => [d.title, d.cards.length])).toEqual([['Containers::Images', 5]]);
  const cards = r.value.decks[0].cards.map((c) => {
    if (c.kind === 'basic') return [c.kind, c.prompt, c.answer, c.tags];
    if (c.kind === 'cloze') return [c.kind, c.text, c.explanation ?? '', c.tags];
    return [c.kind];
  });
  expect(cards).toEqual([
    ['basic', 'What does docker image prune remove?', `Dangling images ![layers.png](drydock-media:${r.value.media?.[0].id})`, ['images']],
    ['basic', 'docker rmi', 'Removes one or more images', ['images', 'cli']],
    ['basic', 'Removes one or more images', 'docker rmi', ['images', 'cli']],
    ['cloze', 'An image is a stack of {{c1::read-only layers}} plus metadata.', 'See docker history', []],
    ['cloze', 'An image is a stack of read-only layers plus {{c1::metadata}}.', 'See docker history', []],
  ]);
  expect(new Set(r.value.decks[0].cards.map((c) => c.id)).size).toBe(5);
});
