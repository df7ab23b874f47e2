// The bundled notes, grouping and committed deck files, read once for the deck tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deck } from '../../../../src/lib/domain/model';
import type { BundleGrouping, NotesSource } from '../../../../src/lib/domain/generator/bundle';
import type { Editorial } from '../../../../src/lib/domain/generator/editorial';

export const decksDir = join(import.meta.dirname, '../../../../decks');
export const NOTES_NAME = 'containers-and-docker-notes.md';

export function readSources(): NotesSource[] {
  const dir = join(decksDir, 'sources');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

export function readGrouping(): BundleGrouping {
  return JSON.parse(readFileSync(join(decksDir, 'grouping.json'), 'utf8'));
}

export function readEditorial(): Editorial {
  return JSON.parse(readFileSync(join(decksDir, 'editorial.json'), 'utf8'));
}

export function readCommittedFiles(): Map<string, string> {
  return new Map(
    readdirSync(decksDir)
      .filter((f) => f.endsWith('.deck.json'))
      .sort()
      .map((f) => [f, readFileSync(join(decksDir, f), 'utf8')]),
  );
}

export function readCommittedDecks(): Deck[] {
  return [...readCommittedFiles().values()].map((text) => JSON.parse(text) as Deck);
}

export function readNotes(): string {
  return readFileSync(join(decksDir, 'sources', NOTES_NAME), 'utf8');
}
