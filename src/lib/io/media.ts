// Images carried by decks. Card text refers to a stored image as a Markdown image whose URL is `drydock-media:` and the
// SHA-256 of the file as it arrived (`![layers.png](drydock-media:3f…)`); the bytes live in IndexedDB (db.media) and
// the renderer (src/lib/ui/markdown.ts) turns the reference into an <img> with a blob: URL. The type is decided by
// the file's first bytes, never by its name. Pure: runs in the import worker and in Node tests.

import type { ImageType } from '../domain/records';

export type { ImageType };

export interface MediaFile {
  /** SHA-256 (hex) of the bytes as they came in the package. */
  id: string;
  type: ImageType;
  /** The name the deck used, for alt text and messages. */
  name: string;
  bytes: Uint8Array;
}

export const MEDIA_ID = /^[0-9a-f]{64}$/;
const MEDIA_URL = /drydock-media:([0-9a-f]{64})/g;

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const SVG_START = /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>]/i;

/** The image type the bytes really are, or null (sounds, text, anything else). */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  return SVG_START.test(head) ? 'image/svg+xml' : null;
}

export async function contentId(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The card text for a stored image; the alt text keeps only plain file-name characters. */
export function mediaMarkdown(name: string, id: string): string {
  const alt = /^[\w .()-]+$/.test(name) ? name : 'image';
  return `![${alt}](drydock-media:${id})`;
}

/** Ids of the stored images a text refers to. */
export function mediaIdsIn(text: string): string[] {
  return [...text.matchAll(MEDIA_URL)].map((m) => m[1]);
}
