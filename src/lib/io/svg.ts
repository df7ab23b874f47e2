// SVG images from decks are shown only through <img> (which never runs script), but a stored SVG could still be opened
// on its own (a blob: URL in a new tab), so it is cleaned with DOMPurify's SVG profile before it is stored. DOMPurify
// needs a DOM, so this runs on the page, after the import worker has read the package: import-client.ts and the backup restore call it.
import DOMPurify from 'dompurify';
import type { MediaFile } from './media';

/** The SVG without scripts, event handlers, foreign objects or external references; null if nothing safe is left. */
export function sanitizeSvg(svg: string): string | null {
  if (!DOMPurify.isSupported) throw new Error('SVG images can only be cleaned where there is a DOM');
  const clean = DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, FORBID_TAGS: ['foreignObject', 'use', 'a'], FORBID_ATTR: ['href', 'xlink:href'] });
  if (!/^<svg[\s>]/i.test(clean)) return null;
  // An SVG file is XML: shown through <img>, its root needs the SVG namespace, which HTML serialisation may leave out.
  return /^<svg[^>]*\sxmlns=/i.test(clean) ? clean : clean.replace(/^<svg/i, '<svg xmlns="http://www.w3.org/2000/svg"');
}

/** The files with every SVG cleaned; an SVG with nothing safe left is dropped (its card shows the alt text). */
export function cleanImages<T extends Pick<MediaFile, 'type' | 'bytes'>>(files: T[]): T[] {
  return files.flatMap((file) => {
    if (file.type !== 'image/svg+xml') return [file];
    const clean = sanitizeSvg(new TextDecoder().decode(file.bytes));
    return clean === null ? [] : [{ ...file, bytes: new TextEncoder().encode(clean) }];
  });
}
