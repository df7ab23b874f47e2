// Content-derived ids: the same inputs give the same id on every machine and every run,
// which is what lets progress survive a deck being regenerated.

/** cyrb53-style 53-bit hash, twice with different seeds for 106 bits: collisions are negligible at deck scale. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A short, URL-safe id derived from the given parts (order matters). */
export function stableId(...parts: string[]): string {
  const text = parts.join('\u241f');
  return hash53(text, 1).toString(36).padStart(11, '0') + hash53(text, 2).toString(36).padStart(11, '0');
}

export const MAX_SLUG_CHARS = 60;

/**
 * A lowercase, dash-separated slug for deck ids and tags: never starting or ending with a dash. A slug longer than
 * MAX_SLUG_CHARS keeps its start and ends in a hash of the whole, so two long titles that share a start stay apart
 * (cutting alone once left a trailing dash the deck validator refused).
 */
export function slugify(text: string): string {
  const full = fullSlug(text);
  if (full.length <= MAX_SLUG_CHARS) return full;
  const hash = stableId(full).slice(0, 10);
  return `${full.slice(0, MAX_SLUG_CHARS - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** A tag from a heading: the slug cut to MAX_SLUG_CHARS (a tag is a label, never a key), without a dash at either end. */
export function tagSlug(text: string): string {
  return fullSlug(text).slice(0, MAX_SLUG_CHARS).replace(/-+$/, '');
}

function fullSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
