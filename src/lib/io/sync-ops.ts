// Operations arriving from other devices are untrusted input like any file: each one is checked field by field and
// becomes a SyncOp or a typed error. Card versions go through the same card validator as an import.
import { OP_FORMAT, type EntityKind, type SyncOp } from '../domain/sync/operations';
import { parseHlc } from '../domain/sync/hlc';
import { cardProblem } from './validate-deck';

export type SyncOpError = 'malformed' | 'newer-format';
export type ValidatedOp = { ok: true; op: SyncOp } | { ok: false; error: SyncOpError };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
const isKey = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 7.3e12;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ENTITIES: readonly EntityKind[] = ['card', 'deck', 'setting'];

export function validateSyncOp(raw: unknown): ValidatedOp {
  const bad = { ok: false, error: 'malformed' } as const;
  if (!isObject(raw)) return bad;
  if (typeof raw.format === 'number' && raw.format > OP_FORMAT) return { ok: false, error: 'newer-format' };
  if (raw.format !== OP_FORMAT || !isId(raw.id) || !isId(raw.device)) return bad;
  const head = { id: raw.id, device: raw.device, format: OP_FORMAT } as const;
  switch (raw.type) {
    case 'review': {
      const r = raw.review;
      if (!isObject(r) || !isId(r.uid) || !isKey(r.cardId) || !isKey(r.deckId) || !isTime(r.at)) return bad;
      if (![1, 2, 3, 4].includes(r.rating as number) || !isTime(r.durationMs) || (r.source !== 'study' && r.source !== 'mock')) return bad;
      const review = { uid: r.uid, cardId: r.cardId, deckId: r.deckId, rating: r.rating as 1 | 2 | 3 | 4, at: r.at, durationMs: r.durationMs, source: r.source as 'study' | 'mock' };
      return { ok: true, op: { ...head, type: 'review', review } };
    }
    case 'unreview':
      if (!isId(raw.uid) || !isKey(raw.cardId)) return bad;
      return { ok: true, op: { ...head, type: 'unreview', uid: raw.uid, cardId: raw.cardId } };
    case 'version': {
      const entity = raw.entity as EntityKind;
      if (!ENTITIES.includes(entity) || !isKey(raw.key) || typeof raw.hlc !== 'string' || !parseHlc(raw.hlc)) return bad;
      if (typeof raw.base !== 'string' || (raw.base !== '' && !parseHlc(raw.base))) return bad;
      if (raw.value !== null && !isObject(raw.value)) return bad;
      if (raw.value !== null && !versionValueOk(entity, raw.key, raw.value)) return bad;
      return { ok: true, op: { ...head, type: 'version', entity, key: raw.key, hlc: raw.hlc, base: raw.base, value: raw.value } };
    }
    default:
      return bad;
  }
}

function versionValueOk(entity: EntityKind, key: string, value: Record<string, unknown>): boolean {
  if (entity === 'card') {
    const { deckId, order, suspended, retired: _r, editedAt, createdAt, updatedAt, ...card } = value;
    const bookkeepingOk = isKey(deckId) && typeof order === 'number' && (suspended === 0 || suspended === 1) && isTime(createdAt) && isTime(updatedAt) && (editedAt === undefined || isTime(editedAt));
    return value.id === key && bookkeepingOk && cardProblem(card) === null;
  }
  if (entity === 'deck') return value.id === key && typeof value.title === 'string' && typeof value.description === 'string' && Array.isArray(value.tags);
  return value.key === key;
}
