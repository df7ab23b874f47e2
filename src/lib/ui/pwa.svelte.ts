// Service-worker registration. An update waits until the learner presses "Reload":
// the app never reloads itself in the middle of a review.
import { Workbox } from 'workbox-window';

class AppUpdate {
  /** A new version is installed and waiting. */
  available = $state(false);
  /** The app shell is cached and the app works offline. */
  offlineReady = $state(false);
  #workbox: Workbox | null = null;

  register(): void {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    const wb = new Workbox('./sw.js', { scope: './' });
    this.#workbox = wb;
    wb.addEventListener('waiting', () => {
      this.available = true;
    });
    wb.addEventListener('activated', (event) => {
      if (!event.isUpdate) this.offlineReady = true;
    });
    wb.register().catch(() => {
      // Without a service worker the app still works online; nothing to tell the learner.
    });
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
