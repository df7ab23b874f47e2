// The token check compares sha256 digests with crypto.timingSafeEqual, also when the space does not exist, so
// neither a wrong token nor an unknown space answers sooner than the other.
import { afterEach, describe, expect, test, vi } from 'vitest';

const compares = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (original) => {
  const crypto = await original<typeof import('node:crypto')>();
  return {
    ...crypto,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compares.count++;
      return crypto.timingSafeEqual(a, b);
    },
  };
});

const { hashToken, tokenMatches } = await import('../../server/space-guard.ts');
const { inProcessServer, newSpace, newToken, STORES } = await import('./helpers.ts');

describe('token compare', () => {
  afterEach(() => {
    compares.count = 0;
  });

  test('matches only the token whose sha256 is stored, always through timingSafeEqual', () => {
    const token = newToken();
    expect(tokenMatches(hashToken(token), token)).toBe(true);
    expect(tokenMatches(hashToken(token), newToken())).toBe(false);
    expect(tokenMatches(undefined, token)).toBe(false);
    expect(tokenMatches(new Uint8Array(5), token)).toBe(false);
    expect(compares.count).toBe(4);
  });

  test('a request with a wrong token and one for an unknown space each run one constant-time compare', async () => {
    const database = await STORES[0].fresh();
    try {
      const server = inProcessServer(database.db);
      const identity = await server.newIdentity();
      compares.count = 0;
      await server.call('GET', `/api/spaces/${identity.space}/pull`, { identity: { ...identity, token: newToken() } });
      expect(compares.count).toBe(1);
      await server.call('GET', `/api/spaces/${newSpace()}/pull`, { identity });
      expect(compares.count).toBe(2);
    } finally {
      await database.drop();
    }
  });
});
