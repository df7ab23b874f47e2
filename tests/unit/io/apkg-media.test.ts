// Images in Anki packages: kept when their bytes are an image under the caps, SVG cleaned, everything else a note.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { readApkg } from '../../../src/lib/io/apkg-read';
import { openDeckFile } from '../../../src/lib/io/open-file';
import { MAX_IMAGE_BYTES, MAX_IMPORT_IMAGE_BYTES } from '../../../src/lib/io/limits';
import { contentId, sniffImage } from '../../../src/lib/io/media';
import { writeApkg } from '../../../src/lib/io/apkg-write';
import type { Card } from '../../../src/lib/domain/model';
import { PNG_1PX, legacyApkgWithMedia } from './apkg-helpers';

const EVIL_SVG = strToU8('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10" fill="red" onclick="alert(3)"/></svg>');
const prompt = (c: Card) => (c.kind === 'basic' ? c.prompt : '');
const ref = (name: string) => new RegExp(`!\\[${name.replace('.', '\\.')}\\]\\(drydock-media:([0-9a-f]{64})\\)`);

async function read(bytes: Uint8Array) {
  const r = await openDeckFile({ name: 'pictures.apkg', size: bytes.length, arrayBuffer: async () => bytes.slice().buffer });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function readRaw(bytes: Uint8Array) {
  const r = await readApkg(bytes, 'pictures.apkg');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('images in .apkg imports', () => {
  // The SVG's cleaning (svg.ts, DOMPurify) needs a real DOM: happy-dom parses SVG wrongly, so tests/e2e/anki-images.spec.ts
  // checks in Chromium that the stored SVG has no script or handler left.
  test('a PNG and an SVG become images for the card, each under its content hash; a sound stays a note', async () => {
    const b = await readRaw(await legacyApkgWithMedia('Layers <img src="dot.png"> and <img src=\'evil.svg\'>', 'back [sound:a.mp3]', { 'dot.png': PNG_1PX, 'evil.svg': EVIL_SVG, 'a.mp3': strToU8('ID3 not an image') }));
    const card = b.decks[0].cards[0];
    const png = ref('dot.png').exec(prompt(card))?.[1];
    const svg = ref('evil.svg').exec(prompt(card))?.[1];
    expect(png).toBeDefined();
    expect(svg).toBeDefined();
    expect(b.media?.map((m) => [m.id, m.type, m.name])).toEqual([[png, 'image/png', 'dot.png'], [svg, 'image/svg+xml', 'evil.svg']]);
    expect(b.media?.[0].bytes).toEqual(PNG_1PX);
    expect(card).toMatchObject({ answer: 'back (audio not imported: a.mp3)' });
    expect(b.images).toEqual({ imported: 2, skipped: 0 });
    expect(b.warnings.join(' ')).toMatch(/1 image or sound file skipped/);
  });

  test('the type comes from the bytes: a sound named .png stays a note, and so does an image missing from the package', async () => {
    const b = await read(await legacyApkgWithMedia('<img src="fake.png"><img src="gone.gif">', 'b', { 'fake.png': strToU8('RIFF....WAVEfmt ') }));
    expect(prompt(b.decks[0].cards[0])).toBe('(image not imported: fake.png)(image not imported: gone.gif)');
    expect(b.media).toEqual([]);
    expect(b.images).toEqual({ imported: 0, skipped: 2 });
  });

  test('an image over the per-file cap stays a note saying it is too large', async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(PNG_1PX.subarray(0, 8));
    const b = await read(await legacyApkgWithMedia('<img src="big.png"> <img src="dot.png">', 'b', { 'big.png': big, 'dot.png': PNG_1PX }));
    expect(prompt(b.decks[0].cards[0])).toMatch(/^\(image too large: big\.png\) !\[dot\.png\]\(drydock-media:/);
    expect(b.images).toEqual({ imported: 1, skipped: 1 });
  });

  test('images past the total cap for one import stay notes; the ones before it are kept', async () => {
    const count = Math.floor(MAX_IMPORT_IMAGE_BYTES / MAX_IMAGE_BYTES) + 1;
    const media: Record<string, Uint8Array> = {};
    for (let i = 0; i < count; i++) {
      const image = new Uint8Array(MAX_IMAGE_BYTES);
      image.set(PNG_1PX.subarray(0, 8));
      image[100] = i;
      media[`p${i}.png`] = image;
    }
    const b = await read(await legacyApkgWithMedia(Object.keys(media).map((n) => `<img src="${n}">`).join(''), 'b', media));
    expect(b.images).toEqual({ imported: count - 1, skipped: 1 });
    expect(b.media?.reduce((n, m) => n + m.bytes.length, 0)).toBeLessThanOrEqual(MAX_IMPORT_IMAGE_BYTES);
    expect(prompt(b.decks[0].cards[0])).toMatch(new RegExp(`\\(image not imported, over the limit for one import: p${count - 1}\\.png\\)$`));
  });

  test('the current format: the zstd media map and zstd-compressed image of tests/fixtures/modern.apkg', async () => {
    const r = await readApkg(new Uint8Array(readFileSync('tests/fixtures/modern.apkg')), 'modern.apkg');
    if (!r.ok) throw new Error(r.error.message);
    const card = r.value.decks[0].cards[0];
    const id = card.kind === 'basic' ? ref('layers.png').exec(card.answer)?.[1] : undefined;
    expect(r.value.media?.map((m) => [m.id, m.type])).toEqual([[id, 'image/png']]);
    expect(r.value.warnings).toEqual([]);
  });

  test('magic bytes decide the type', () => {
    expect(sniffImage(PNG_1PX)).toBe('image/png');
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(strToU8('GIF89a....'))).toBe('image/gif');
    expect(sniffImage(strToU8('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(strToU8('<!-- x --><svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('image/svg+xml');
    expect(sniffImage(strToU8('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImage(strToU8('<html><svg></svg></html>'))).toBeNull();
  });
});

describe('images in .apkg exports', () => {
  test('an exported card carries its image as a media file; importing the package gives the same card and image', async () => {
    const id = await contentId(PNG_1PX);
    const card: Card = { id: 'pic', kind: 'basic', tags: [], prompt: `Which layer? ![dot.png](drydock-media:${id})`, answer: 'top' };
    const other: Card = { id: 'gone', kind: 'basic', tags: [], prompt: `![lost.png](drydock-media:${'e'.repeat(64)})`, answer: 'x' };
    const pkg = await writeApkg([{ formatVersion: 1, id: 'pics', title: 'Pics', description: '', tags: [], source: 's', cards: [card, other] }], Date.UTC(2026, 11, 1), [{ id, type: 'image/png', name: 'dot.png', bytes: PNG_1PX }]);
    const files = unzipSync(pkg);
    expect(JSON.parse(strFromU8(files.media))).toEqual({ 0: `${id}.png` });
    expect(files['0']).toEqual(PNG_1PX);
    const back = await readRaw(pkg);
    expect(back.decks[0].cards.map((c) => c.kind === 'basic' && c.prompt)).toEqual([card.prompt, other.prompt]);
    expect(back.media?.map((m) => [m.id, m.type])).toEqual([[id, 'image/png']]);
  });
});
