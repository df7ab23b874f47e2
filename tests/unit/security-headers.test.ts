import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { META_CSP, SECURITY_HEADERS } from '../../security-headers';

test("index.html's meta CSP is the header policy without frame-ancestors (which a meta tag cannot carry)", () => {
  const html = readFileSync('index.html', 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(meta).toBe(META_CSP);
  expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(`${META_CSP}; frame-ancestors 'none'`);
});
