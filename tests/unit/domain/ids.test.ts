import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { MAX_SLUG_CHARS, slugify } from '../../../src/lib/domain/ids';
import { validateDeck } from '../../../src/lib/io/validate-deck';
import { parseDeckJson, writeDeckJson } from '../../../src/lib/io/deck-json';
import { decodeShareLink, encodeShareLink } from '../../../src/lib/io/share-link';
import { parseNotes } from '../../../src/lib/io/notes';
import { FORMAT_VERSION, type Deck } from '../../../src/lib/domain/model';

const LONG = 'Container networking: bridge, host, overlay and macvlan driver, explained';

describe('slugify', () => {
  test('a long title is shortened without a trailing dash, and its own export and share link are accepted', async () => {
    const id = slugify(LONG);
    expect(id.length).toBeLessThanOrEqual(MAX_SLUG_CHARS);
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const deck: Deck = { formatVersion: FORMAT_VERSION, id, title: LONG, description: '', tags: [], source: 'editor', cards: [{ id: 'c1', kind: 'basic', tags: [], prompt: 'Which driver spans hosts?', answer: 'overlay' }] };
    const json = await parseDeckJson(writeDeckJson([deck]), 'deck.json');
    expect(json.ok && json.value.decks[0].id).toBe(id);
    const link = await encodeShareLink(deck);
    if (!link.ok) throw new Error(link.error);
    const shared = await decodeShareLink(link.value);
    expect(shared.ok && shared.value.decks[0].id).toBe(id);
  });

  test('long titles sharing their first 60 characters get different ids (hashed, not cut)', () => {
    expect(slugify(`${LONG} part one`)).not.toBe(slugify(`${LONG} part two`));
    expect(slugify('short title')).toBe('short-title');
  });

  test('a notes file whose heading makes a long id imports', async () => {
    const r = await parseNotes(`# ${LONG}\n\n- bridge: one host only\n- overlay: spans several hosts\n- macvlan: a MAC address per container\n`, 'net.md');
    expect(r.ok ? r.value.decks[0].id : r.error.message).toMatch(/^container-networking-bridge/);
  });

  test('property: every slug is valid as a deck id (never starts or ends with a dash, at most 60 characters)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const slug = slugify(text);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_CHARS);
        if (slug) expect(() => validateDeck({ formatVersion: 1, id: slug, title: 't', cards: [] }, 'x', [], new Set())).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
