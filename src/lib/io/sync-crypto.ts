// The keys of a sync space and the sealing of operations. Everything is derived on the device from one secret (the
// pairing code): the space id, the bearer token the server checks (it stores only its hash) and the AES-GCM key that
// seals every operation. The server sees ids, sequence numbers and ciphertext; never a card or a review.
import type { SyncOp } from '../domain/sync/operations';
import { validateSyncOp, type SyncOpError } from './sync-ops';
import { randomId, toBase64Url } from './random-id';

export { randomId, toBase64Url };

const SECRET_BYTES = 16;
/** Crockford base32: no I, L, O or U, so a code read aloud or typed from a screen survives. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A new pairing secret, written as a code: 26 base32 characters in groups of four (128 bits). */
export function newPairingCode(): string {
  return formatPairingCode(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

function formatPairingCode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** The secret behind a code as typed: case, spaces and dashes don't matter; O reads as 0, I and L as 1. */
export function parsePairingCode(typed: string): Uint8Array | null {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== 26 || [...clean].some((c) => !CROCKFORD.includes(c))) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of clean) {
    value = ((value << 5) | CROCKFORD.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  // 26 characters carry 130 bits: the last two must be zero, or the code was mistyped.
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return Uint8Array.from(out);
}

export function normalisePairingCode(typed: string): string | null {
  const bytes = parsePairingCode(typed);
  return bytes ? formatPairingCode(bytes) : null;
}

export interface SpaceKeys {
  space: string;
  token: string;
  key: CryptoKey;
}

const encoder = new TextEncoder();

async function hkdfBits(secret: CryptoKey, info: string, bits: number): Promise<Uint8Array> {
  const params = { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('drydock-sync-v1'), info: encoder.encode(info) };
  return new Uint8Array(await crypto.subtle.deriveBits(params, secret, bits));
}

export async function deriveSpaceKeys(code: string): Promise<SpaceKeys> {
  const secret = parsePairingCode(code);
  if (!secret) throw new Error('That pairing code is not valid: it has 26 letters and digits.');
  const base = await crypto.subtle.importKey('raw', secret as BufferSource, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const [space, token] = await Promise.all([hkdfBits(base, 'space id', 128), hkdfBits(base, 'auth token', 256)]);
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('drydock-sync-v1'), info: encoder.encode('operation key') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return { space: toBase64Url(space), token: toBase64Url(token), key };
}

export interface SealedOp {
  id: string;
  iv: string;
  data: string;
}

/** The op id and the space are bound in as associated data: the server can't swap ciphertexts between ops or spaces. */
const aad = (space: string, id: string) => encoder.encode(`${space}\u241f${id}`);

export async function sealOp(keys: SpaceKeys, op: SyncOp): Promise<SealedOp> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = encoder.encode(JSON.stringify(op));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(keys.space, op.id) }, keys.key, plain);
  return { id: op.id, iv: toBase64Url(iv), data: toBase64Url(new Uint8Array(sealed)) };
}

export type OpenResult = { ok: true; op: SyncOp } | { ok: false; error: SyncOpError | 'undecryptable' };

export async function openOp(keys: SpaceKeys, sealed: SealedOp): Promise<OpenResult> {
  const iv = fromBase64Url(sealed.iv);
  const data = fromBase64Url(sealed.data);
  if (!iv || !data || iv.length !== 12) return { ok: false, error: 'undecryptable' };
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad(keys.space, sealed.id) }, keys.key, data as BufferSource);
  } catch {
    return { ok: false, error: 'undecryptable' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    return { ok: false, error: 'undecryptable' };
  }
  const checked = validateSyncOp(parsed);
  if (!checked.ok) return checked;
  if (checked.op.id !== sealed.id) return { ok: false, error: 'undecryptable' };
  return checked;
}

/** Device names travel sealed too (the server lists devices by label only): IV and ciphertext in one base64url string. */
export async function sealText(keys: SpaceKeys, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(`${keys.space}\u241flabel`) }, keys.key, encoder.encode(text));
  const joined = new Uint8Array(12 + sealed.byteLength);
  joined.set(iv);
  joined.set(new Uint8Array(sealed), 12);
  return toBase64Url(joined);
}

export async function openText(keys: SpaceKeys, label: string): Promise<string | null> {
  const joined = fromBase64Url(label);
  if (!joined || joined.length <= 12) return null;
  const iv = joined.slice(0, 12);
  const data = joined.slice(12);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(`${keys.space}\u241flabel`) }, keys.key, data as BufferSource);
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
