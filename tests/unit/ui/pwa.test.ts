import { describe, expect, test } from 'vitest';
import { isIosBrowserTab } from '../../../src/lib/ui/pwa.svelte';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP_MODE = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';
const PIXEL = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

describe('the iOS Add to Home Screen hint', () => {
  test('is for iPhone and iPad browser tabs only', () => {
    expect(isIosBrowserTab({ userAgent: IPHONE, maxTouchPoints: 5 }, false)).toBe(true);
    expect(isIosBrowserTab({ userAgent: IPAD_DESKTOP_MODE, maxTouchPoints: 5 }, false)).toBe(true);
    expect(isIosBrowserTab({ userAgent: IPAD_DESKTOP_MODE, maxTouchPoints: 0 }, false)).toBe(false);
    expect(isIosBrowserTab({ userAgent: PIXEL, maxTouchPoints: 5 }, false)).toBe(false);
  });

  test('is not shown once Drydock runs from the Home Screen', () => {
    expect(isIosBrowserTab({ userAgent: IPHONE, maxTouchPoints: 5, standalone: true }, false)).toBe(false);
    expect(isIosBrowserTab({ userAgent: IPHONE, maxTouchPoints: 5 }, true)).toBe(false);
  });
});
