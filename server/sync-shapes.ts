// The shapes of SYNC-API.md (protocol 1) and their checks. Untrusted input becomes a typed value or a ShapeError
// that says what is wrong, in words a developer can act on.

export const LIMITS = {
  opsPerPush: 500,
  /** Decoded bytes of one op's ciphertext. */
  opDataBytes: 64 * 1024,
  bodyBytes: 1024 * 1024,
  pullPage: 500,
  labelChars: 512,
} as const;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const SPACE = /^[A-Za-z0-9_-]{22,43}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const DEVICE = /^[A-Za-z0-9_-]{16,43}$/;
const OP_ID = /^[A-Za-z0-9_-]{1,64}$/;
const IV = /^[A-Za-z0-9_-]{16}$/;

export class ShapeError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

export const isSpaceId = (value: unknown): value is string => typeof value === 'string' && SPACE.test(value);
export const isToken = (value: unknown): value is string => typeof value === 'string' && TOKEN.test(value);
export const isDeviceId = (value: unknown): value is string => typeof value === 'string' && DEVICE.test(value);

/** Bytes that a base64url string without padding decodes to, or -1 when it is not one. */
export function base64urlBytes(text: string): number {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return -1;
  return Math.floor((text.length * 3) / 4);
}

export interface IncomingOp {
  id: string;
  iv: string;
  data: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parsePush(body: unknown): IncomingOp[] {
  if (!isRecord(body) || !Array.isArray(body.ops)) {
    throw new ShapeError(400, 'bad-request', 'A push is {"ops":[{"id","iv","data"}, …]}.');
  }
  if (body.ops.length > LIMITS.opsPerPush) {
    throw new ShapeError(413, 'too-many-ops', `At most ${LIMITS.opsPerPush} operations per push; send the rest in another.`);
  }
  return body.ops.map((op, index) => {
    if (!isRecord(op)) throw new ShapeError(400, 'bad-request', `Operation ${index} is not an object.`);
    const { id, iv, data } = op;
    if (typeof id !== 'string' || !OP_ID.test(id)) {
      throw new ShapeError(400, 'bad-request', `Operation ${index}: "id" must be 1-64 base64url or uuid characters.`);
    }
    if (typeof iv !== 'string' || !IV.test(iv)) {
      throw new ShapeError(400, 'bad-request', `Operation ${index}: "iv" must be 16 base64url characters.`);
    }
    if (typeof data !== 'string' || data.length === 0 || base64urlBytes(data) < 0) {
      throw new ShapeError(400, 'bad-request', `Operation ${index}: "data" must be base64url ciphertext without padding.`);
    }
    if (base64urlBytes(data) > LIMITS.opDataBytes) {
      throw new ShapeError(413, 'op-too-large', `Operation ${index} is over ${LIMITS.opDataBytes / 1024} KiB.`);
    }
    return { id, iv, data };
  });
}

export interface DeviceRegistration {
  device: string;
  label: string;
}

export function parseDevice(body: unknown): DeviceRegistration {
  if (!isRecord(body) || !isDeviceId(body.device)) {
    throw new ShapeError(400, 'bad-request', 'A device is {"device":"<16-43 base64url chars>","label":"<base64url>"}.');
  }
  const { label } = body;
  if (typeof label !== 'string' || label.length > LIMITS.labelChars || base64urlBytes(label) < 0) {
    throw new ShapeError(400, 'bad-request', `"label" must be base64url ciphertext of at most ${LIMITS.labelChars} characters.`);
  }
  return { device: body.device, label };
}

export function parsePull(after: string | undefined, limit: string | undefined): { after: number; limit: number } {
  const afterValue = after === undefined ? 0 : Number(after);
  const limitValue = limit === undefined ? LIMITS.pullPage : Number(limit);
  if (!Number.isSafeInteger(afterValue) || afterValue < 0 || (after !== undefined && !/^\d+$/.test(after))) {
    throw new ShapeError(400, 'bad-request', '"after" must be a sequence number (a whole number, 0 or more).');
  }
  if (!Number.isInteger(limitValue) || limitValue < 1 || limitValue > LIMITS.pullPage || (limit !== undefined && !/^\d+$/.test(limit))) {
    throw new ShapeError(400, 'bad-request', `"limit" must be a whole number from 1 to ${LIMITS.pullPage}.`);
  }
  return { after: afterValue, limit: limitValue };
}
