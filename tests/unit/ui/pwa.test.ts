import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FIRST_SCREEN_FALLBACK_MS, FIRST_SCREEN_MIN_MS, isIosBrowserTab, startupGate } from '../../../src/lib/ui/pwa.svelte';

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

describe('start-up work waits for the first screen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** The gate over a first screen that says it has read when `read()` is called; `opened()` tells whether it let work start. */
  function gateOverScreen() {
    let read: () => void = () => undefined;
    let open = false;
    void startupGate(new Promise<void>((resolve) => (read = resolve))).then(() => (open = true));
    return { read, opened: () => open };
  }

  test('does not start while the first screen is still reading, however long that takes', async () => {
    const { read, opened } = gateOverScreen();
    await vi.advanceTimersByTimeAsync(FIRST_SCREEN_MIN_MS + 500);
    expect(opened()).toBe(false);
    read();
    await vi.advanceTimersByTimeAsync(0);
    expect(opened()).toBe(true);
  });

  test('a quick first screen still leaves the first two seconds to the page', async () => {
    const { read, opened } = gateOverScreen();
    read();
    await vi.advanceTimersByTimeAsync(FIRST_SCREEN_MIN_MS - 1);
    expect(opened()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(opened()).toBe(true);
  });

  test('a screen that never says it has read (Settings, the Library) lets it start at the fallback time', async () => {
    const { opened } = gateOverScreen();
    await vi.advanceTimersByTimeAsync(FIRST_SCREEN_FALLBACK_MS - 1);
    expect(opened()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(opened()).toBe(true);
  });
});
