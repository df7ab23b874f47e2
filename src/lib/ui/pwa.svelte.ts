// Service-worker registration and installation. An update waits until the learner presses "Reload": the app never
// reloads itself in the middle of a review. Install: Chromium's `beforeinstallprompt` is kept and offered as an Install
// button; iOS Safari has no such event, so it gets a one-time "Add to Home Screen" hint instead.
import type { Workbox } from 'workbox-window';

/** Chromium's install prompt event (not in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * Runs `fn` once the first screen has read what it shows (firstScreenRead) and at least two seconds have passed, when
 * the page is idle: for what the first screen does not need. IndexedDB serves one database's requests one after
 * another, so start-up work that began earlier (the self-check, the backup, sync) made the deck list wait behind it.
 * A screen that never says it has read (Settings, the Library) lets it start after FIRST_SCREEN_FALLBACK_MS.
 */
export function afterFirstScreen(fn: () => void): void {
  gate ??= startupGate(firstScreenReads);
  void gate.then(() => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 2000 }) : fn()));
}

/**
 * Runs `fn` about FIRST_SCREEN_MIN_MS after start, when the page is idle, whether or not the first screen has read: for
 * start-up work that reads nothing from IndexedDB (the service worker's registration: it precaches from its own thread).
 */
export function afterStart(fn: () => void): void {
  setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 2000 }) : fn()), FIRST_SCREEN_MIN_MS);
}

export const FIRST_SCREEN_MIN_MS = 2000;
export const FIRST_SCREEN_FALLBACK_MS = 8000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Settles once `firstScreenReads` has and FIRST_SCREEN_MIN_MS have passed, or at FIRST_SCREEN_FALLBACK_MS at the latest. */
export function startupGate(firstScreenReads: Promise<void>, wait = delay): Promise<void> {
  return Promise.all([wait(FIRST_SCREEN_MIN_MS), Promise.race([firstScreenReads, wait(FIRST_SCREEN_FALLBACK_MS)])]).then(() => undefined);
}

let firstScreenHasRead: () => void = () => undefined;
const firstScreenReads = new Promise<void>((resolve) => (firstScreenHasRead = resolve));
let gate: Promise<void> | null = null;

/** The deck list (counts and totals) or the study screen's first card is in: start-up work may read now. */
export function firstScreenRead(): void {
  firstScreenHasRead();
}

/** One-time notices, remembered per browser (they concern this device, not the collection). */
const SEEN = { offline: 'drydock.offlineReadySeen', iosHint: 'drydock.iosInstallHintSeen' } as const;
const seen = (key: string) => {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
};
const markSeen = (key: string) => {
  try {
    localStorage.setItem(key, '1');
  } catch {
    // Private mode without storage: the notice may show again, which is harmless.
  }
};

/** iPhone or iPad Safari (iPadOS reports itself as a Mac with touch), not already opened from the Home Screen. */
export function isIosBrowserTab(nav: Pick<Navigator, 'userAgent' | 'maxTouchPoints'> & { standalone?: boolean }, standalone: boolean): boolean {
  const ios = /iPhone|iPad|iPod/.test(nav.userAgent) || (/Macintosh/.test(nav.userAgent) && nav.maxTouchPoints > 1);
  return ios && !standalone && nav.standalone !== true;
}

class AppUpdate {
  /** A new version is installed and waiting. */
  available = $state(false);
  /** The service worker has cached everything for the first time: show "Ready to work offline" once. */
  offlineReady = $state(false);
  /** The browser offered installation (Chromium's beforeinstallprompt). */
  canInstall = $state(false);
  /** Installed during this visit, or running as the installed app. */
  installed = $state(false);
  /** On iOS Safari, in a tab: how to add Drydock to the Home Screen. */
  iosInstallable = $state(false);
  /** The one-time iOS hint, until dismissed. */
  iosHint = $state(false);
  #workbox: Workbox | null = null;
  #installPrompt: BeforeInstallPromptEvent | null = null;

  register(): void {
    this.#watchInstall();
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    // workbox-window loads after start: nothing on the first screen waits for the service worker, and the download of
    // the precache would compete with the first screen's own files. It reads nothing from IndexedDB, so it need not
    // wait for the first screen's reads (on Settings or the Library that wait is FIRST_SCREEN_FALLBACK_MS).
    afterStart(() => void import('workbox-window').then(({ Workbox }) => this.#registerWith(new Workbox('./sw.js', { scope: './' }))));
  }

  #registerWith(wb: Workbox): void {
    this.#workbox = wb;
    wb.addEventListener('waiting', () => {
      this.available = true;
    });
    wb.addEventListener('activated', (event) => {
      // The first activation follows the first complete precache: every file the app needs is now stored.
      if (!event.isUpdate && !seen(SEEN.offline)) {
        this.offlineReady = true;
        markSeen(SEEN.offline);
      }
    });
    wb.register().catch(() => {
      // Without a service worker the app still works online; nothing to tell the learner.
    });
  }

  #watchInstall(): void {
    const standalone = matchMedia('(display-mode: standalone)').matches;
    this.installed = standalone;
    window.addEventListener('beforeinstallprompt', (event) => {
      // Keep the browser's own prompt for the Install button, which the learner taps when it suits them.
      event.preventDefault();
      this.#installPrompt = event as BeforeInstallPromptEvent;
      this.canInstall = true;
    });
    window.addEventListener('appinstalled', () => {
      this.#installPrompt = null;
      this.canInstall = false;
      this.installed = true;
    });
    this.iosInstallable = isIosBrowserTab(navigator, standalone);
    this.iosHint = this.iosInstallable && !seen(SEEN.iosHint);
  }

  /** Shows the browser's install dialog; the button goes away once it is accepted (a prompt can be used once). */
  async install(): Promise<void> {
    const prompt = this.#installPrompt;
    if (!prompt) return;
    this.#installPrompt = null;
    this.canInstall = false;
    await prompt.prompt();
    const { outcome } = await prompt.userChoice;
    if (outcome === 'accepted') this.installed = true;
  }

  dismissOfflineReady(): void {
    this.offlineReady = false;
  }

  dismissIosHint(): void {
    markSeen(SEEN.iosHint);
    this.iosHint = false;
  }

  /** Activates the waiting version, then reloads once it controls the page. */
  apply(): void {
    const wb = this.#workbox;
    if (!wb) return;
    wb.addEventListener('controlling', () => location.reload());
    wb.messageSkipWaiting();
  }
}

export const appUpdate = new AppUpdate();
