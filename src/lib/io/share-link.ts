// Share links carry a small deck in the URL fragment (#/share/<payload>), which never reaches a server.
// payload = "1." + checksum + "." + base64url(raw DEFLATE(JSON deck)). The checksum (a 106-bit hash of the JSON) catches
// a link that was cut short or edited; the deck is then validated like any imported file. Compression uses the
// browser's own CompressionStream, so no zip library loads for a share link.
import type { Deck } from '../domain/model';
import { stableId } from '../domain/ids';
import { compressBytes, decompressCapped } from './bytes';
import { MAX_SHARE_CARDS, MAX_SHARE_CHARS } from './limits';
import { fail, guard, ImportFailure, type ImportBundle, type Result } from './result';
import { validateDeck } from './validate-deck';

const VERSION = '1';

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The share payload for a deck, or a message explaining why it must travel as a file. */
export async function encodeShareLink(deck: Deck): Promise<Result<string, string>> {
  if (deck.cards.length === 0) return { ok: false, error: 'This deck has no cards to share yet.' };
  if (deck.cards.length > MAX_SHARE_CARDS) {
    return { ok: false, error: `"${deck.title}" has ${deck.cards.length} cards; a share link holds up to ${MAX_SHARE_CARDS}. Export it as a file (JSON, CSV or Anki) and send the file instead.` };
  }
  const compact = { ...deck, cards: deck.cards.map(({ provenance: _p, ...card }) => card) };
  const json = JSON.stringify(compact);
  const payload = `${VERSION}.${stableId(json)}.${toBase64Url(await compressBytes(new TextEncoder().encode(json), 'deflate-raw'))}`;
  if (payload.length > MAX_SHARE_CHARS) {
    return { ok: false, error: `"${deck.title}" is too long for a share link (its cards hold a lot of text). Export it as a file (JSON, CSV or Anki) and send the file instead.` };
  }
  return { ok: true, value: payload };
}

export function shareUrl(base: string, payload: string): string {
  return `${base.split('#')[0]}#/share/${payload}`;
}

const TAMPERED = 'This share link is damaged or was changed after it was made (it may have been cut short when copied). Ask for the link again, or for the deck as a file. Nothing was changed.';

export async function decodeShareLink(payload: string): Promise<Result<ImportBundle>> {
  if (!payload) return fail('empty', 'This share link has no deck in it. Nothing was changed.');
  if (payload.length > MAX_SHARE_CHARS * 2) return fail('too-large', 'This share link is far longer than any Drydock share link, so it was refused. Nothing was changed.');
  return guard(async () => {
    let text: string;
    try {
      text = decodeURIComponent(payload);
    } catch {
      throw new ImportFailure('tampered', TAMPERED);
    }
    const [version, sum, data, ...rest] = text.split('.');
    if (version !== VERSION && /^\d+$/.test(version ?? '') && rest.length === 0 && Number(version) > Number(VERSION)) {
      throw new ImportFailure('unsupported-version', 'This share link was made by a newer Drydock. Reload Drydock to update it, then open the link again. Nothing was changed.');
    }
    if (version !== VERSION || !sum || !data || rest.length > 0) throw new ImportFailure('tampered', TAMPERED);
    let inflated: Uint8Array | null;
    try {
      inflated = await decompressCapped(fromBase64Url(data), 'deflate-raw', MAX_SHARE_CHARS * 64);
    } catch {
      throw new ImportFailure('tampered', TAMPERED);
    }
    if (!inflated) throw new ImportFailure('too-large', 'This share link expands to far more than any shared deck, so it was refused. Nothing was changed.');
    let json: string;
    try {
      json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
    } catch {
      throw new ImportFailure('tampered', TAMPERED);
    }
    if (stableId(json) !== sum) throw new ImportFailure('tampered', TAMPERED);
    const warnings: string[] = [];
    const deck = validateDeck(JSON.parse(json), 'The shared deck', warnings, new Set());
    if (deck.cards.length === 0) throw new ImportFailure('invalid', 'The shared deck has no usable cards. Nothing was changed.');
    return { format: 'share', source: 'share link', decks: [deck], warnings } satisfies ImportBundle;
  }, 'share link');
}

