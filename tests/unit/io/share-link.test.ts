import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decodeShareLink, encodeShareLink, toBase64Url } from '../../../src/lib/io/share-link';
import { deflateSync, strToU8 } from 'fflate';
import { FORMAT_VERSION, type Deck } from '../../../src/lib/domain/model';
import { anyCard, deckOf } from './arbitraries';

const deck = (n: number, text = 'What does docker compose up do?'): Deck => ({
  formatVersion: FORMAT_VERSION, id: 'class-deck', title: 'Class deck', description: '', tags: [], source: 'drydock editor',
  cards: Array.from({ length: n }, (_, i) => ({ id: `card-${i}`, kind: 'basic' as const, tags: ['compose'], prompt: `${text} (${i})`, answer: 'Starts the services' })),
});

describe('share links', () => {
  test('a 50-card deck fits in a link and comes back unchanged', async () => {
    const link = await encodeShareLink(deck(50));
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.value).toMatch(/^[A-Za-z0-9._-]+$/);
    const back = await decodeShareLink(link.value);
    expect(back.ok && back.value.decks[0]).toEqual(deck(50));
  });

  test('any small deck round-trips (property)', async () => {
    await fc.assert(
      fc.asyncProperty(deckOf(anyCard, 10), async (d) => {
        const link = await encodeShareLink(d);
        if (!link.ok) return;
        const back = await decodeShareLink(link.value);
        expect(back.ok && back.value.decks[0]).toEqual(d);
      }),
      { numRuns: 40 },
    );
  });

  test('a larger deck is refused with advice to send a file', async () => {
    const link = await encodeShareLink(deck(61));
    expect(!link.ok && link.error).toMatch(/has 61 cards; a share link holds up to 60\. Export it as a file/);
    const long = await encodeShareLink(deck(60, 'x'.repeat(2000) + Math.random()));
    expect(long.ok).toBe(true);
  });

  test('tampered, truncated and garbage links are refused', async () => {
    const link = await encodeShareLink(deck(5));
    if (!link.ok) throw new Error();
    const p = link.value;
    const flipped = p.slice(0, -3) + (p.at(-3) === 'A' ? 'B' : 'A') + p.slice(-2);
    const forged = `1.${p.split('.')[1]}.${toBase64Url(deflateSync(strToU8(JSON.stringify({ ...deck(1), title: 'Forged' }))))}`;
    for (const bad of [flipped, p.slice(0, p.length / 2), 'hello', '1.abc.%%%', forged, '1..', p + '.x']) {
      const r = await decodeShareLink(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/damaged or was changed/);
    }
    const empty = await decodeShareLink('');
    expect(!empty.ok && empty.error.message).toMatch(/no deck in it/);
  });

  test('a link that inflates far beyond any real deck is refused', async () => {
    const bomb = toBase64Url(deflateSync(new Uint8Array(4 * 1024 * 1024), { level: 9 }));
    const r = await decodeShareLink(`1.x.${bomb}`);
    expect(!r.ok && r.error.code).toBe('too-large');
  });
});
