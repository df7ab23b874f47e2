// Stored images in rendered cards: only drydock-media references become <img>, filled with blob: URLs and revoked.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { renderMarkdown, renderCloze } from '../../../src/lib/ui/markdown';
import { showMedia } from '../../../src/lib/ui/media-images';
import { PNG_1PX } from '../io/apkg-helpers';

const ID = 'ab'.repeat(32);

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => vi.restoreAllMocks());

describe('rendering', () => {
  test('a stored-image reference becomes an <img> with alt text and no src; other images stay their alt text', () => {
    expect(renderMarkdown(`see ![layers.png](drydock-media:${ID})`)).toContain(`see <img alt="layers.png" data-media="${ID}">`);
    const other = renderMarkdown('![x](https://evil.example/x.png) ![y](drydock-media:123)');
    expect(other).toContain('x y');
    expect(other).not.toMatch(/<img|evil/);
    expect(renderMarkdown('<img src=x onerror=alert(1) data-media="' + ID + '">')).not.toMatch(/<img/);
    expect(renderCloze(`{{c1::layers}} ![d.png](drydock-media:${ID})`, false)).toContain(`<img alt="d.png" data-media="${ID}">`);
  });
});

describe('showMedia', () => {
  test('fills each stored image with a blob: URL and revokes it when the card goes away', async () => {
    await db.media.add({ id: ID, deckId: 'd', type: 'image/png', name: 'layers.png', bytes: PNG_1PX, createdAt: 0 });
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const root = document.createElement('div');
    root.innerHTML = renderMarkdown(`![layers.png](drydock-media:${ID}) ![gone.png](drydock-media:${'cd'.repeat(32)})`);
    const cleanup = showMedia(root);
    const [stored, missing] = root.querySelectorAll('img');
    await vi.waitFor(() => expect(stored.getAttribute('src')).toMatch(/^blob:/));
    expect(missing.hasAttribute('src')).toBe(false);
    cleanup();
    expect(revoke).toHaveBeenCalledWith(stored.getAttribute('src'));
  });
});
