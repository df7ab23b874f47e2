// The built app as the server sends it: security headers from security-headers.ts on everything, caching that lets
// a service worker update, and index.html for page paths (a reload on a deep link).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SECURITY_HEADERS } from '../../security-headers.ts';
import { precompress } from '../../precompress.ts';
import { inProcessServer, STORES, testConfig, type TestDatabase } from './helpers.ts';

// Big enough to be worth compressing (precompress.ts leaves files under 1 kB alone).
const STUDY_JS = `export const cards = [${Array.from({ length: 200 }, (_, i) => `"card ${i}"`).join(',')}];`;
const APP_HTML = `<!doctype html><title>Drydock</title>${'<p>deck</p>'.repeat(200)}`;

describe('the built app from the server', () => {
  let dist: string;
  let database: TestDatabase;
  let server: ReturnType<typeof inProcessServer>;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'drydock-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Drydock</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Drydock"}');
    writeFileSync(join(dist, 'robots.txt'), 'User-agent: *');
    writeFileSync(join(dist, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'study-5d2e7b.js'), STUDY_JS);
    writeFileSync(join(dist, 'app.html'), APP_HTML);
    precompress(dist);
    database = await STORES[0].fresh();
    server = inProcessServer(database.db, testConfig({ dist }));
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  test('every answer carries the security headers of security-headers.ts', async () => {
    for (const path of ['/', '/sw.js', '/assets/index-3f9a1c.js', '/manifest.webmanifest', '/robots.txt', '/decks/x', '/missing.png', '/api/health']) {
      const answer = await server.call('GET', path, { protocol: null });
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(answer.headers.get(name), `${path} ${name}`).toBe(value);
    }
  });

  test('sw.js, index.html and the manifest are revalidated on every load; hashed assets are immutable', async () => {
    const cases: [string, string, string][] = [
      ['/', 'no-cache', 'text/html'],
      ['/index.html', 'no-cache', 'text/html'],
      ['/sw.js', 'no-cache', 'text/javascript'],
      ['/manifest.webmanifest', 'no-cache', 'application/manifest+json'],
      ['/assets/index-3f9a1c.js', 'public, max-age=31536000, immutable', 'text/javascript'],
      ['/robots.txt', 'public, max-age=0, must-revalidate', 'text/plain'],
    ];
    for (const [path, cache, type] of cases) {
      const answer = await server.call('GET', path, { protocol: null });
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('Cache-Control'), path).toBe(cache);
      expect(answer.headers.get('Content-Type'), path).toContain(type);
    }
    expect((await server.call('GET', '/api/health')).headers.get('Cache-Control')).toBe('no-store');
  });

  test('a page path gets index.html; a missing file, a path outside dist and an unknown API path get 404', async () => {
    const page = await server.call('GET', '/decks/docker-basics/study', { protocol: null });
    expect([page.status, page.text]).toEqual([200, '<!doctype html><title>Drydock</title>']);
    expect((await server.call('GET', '/assets/gone-123.js', { protocol: null })).status).toBe(404);
    expect((await server.call('GET', '/..%2f..%2fetc%2fpasswd', { protocol: null })).text).not.toContain('root:');
    const api = await server.call('GET', '/api/nope');
    expect([api.status, api.json]).toEqual([404, { error: 'not-found' }]);
    expect((await server.call('POST', '/decks/x', { protocol: null })).status).toBe(404);
  });

  test('text goes out as the Brotli or gzip copy the browser accepts, with the type and caching of the file itself', async () => {
    // The bytes as sent, before any decoding.
    const fetchAs = async (path: string, encodings: string) => {
      const answer = await server.app.request(path, { headers: encodings ? { 'Accept-Encoding': encodings } : {} });
      return { headers: answer.headers, bytes: Buffer.from(await answer.arrayBuffer()) };
    };
    const br = await fetchAs('/assets/study-5d2e7b.js', 'gzip, deflate, br');
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Content-Type')).toContain('text/javascript');
    expect(br.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers.get('Content-Length'))).toBeLessThan(STUDY_JS.length / 3);
    expect(brotliDecompressSync(br.bytes).toString()).toBe(STUDY_JS);

    const gz = await fetchAs('/assets/study-5d2e7b.js', 'gzip');
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(gz.bytes).toString()).toBe(STUDY_JS);

    const plain = await fetchAs('/assets/study-5d2e7b.js', '');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.bytes.toString()).toBe(STUDY_JS);

    const page = await fetchAs('/app.html', 'br');
    expect([page.headers.get('Content-Encoding'), page.headers.get('Content-Type'), page.headers.get('Cache-Control')]).toEqual(['br', 'text/html; charset=utf-8', 'public, max-age=0, must-revalidate']);
  });
});
