import { expect, test } from './fixtures';

test.describe('security headers from the server', () => {
  test('the page and its assets come with the CSP (frame-ancestors none), nosniff, a referrer and a permissions policy', async ({ request, page }) => {
    for (const path of ['./', './manifest.webmanifest']) {
      const response = await request.get(path);
      expect(response.ok()).toBe(true);
      const headers = response.headers();
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['permissions-policy']).toContain('camera=()');
    }
    // A page that frames Drydock gets an empty frame: the browser refuses it.
    await page.goto('./');
    const blocked = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await page.setContent(`<iframe src="${page.url()}" title="framed"></iframe>`);
    expect((await blocked).text()).toMatch(/frame-ancestors 'none'/);
  });
});
