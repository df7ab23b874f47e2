// A window event for work that changes decks in the background (a class-deck update found on start), so the screen
// showing them can reload. Tiny on purpose: the deck list imports it on the study path.
export const DECKS_CHANGED = 'drydock:decks-changed';

export function announceDecksChanged(): void {
  dispatchEvent(new Event(DECKS_CHANGED));
}

/** Calls `reload` on each announcement; returns the unsubscribe function (for onMount). */
export function onDecksChanged(reload: () => void): () => void {
  addEventListener(DECKS_CHANGED, reload);
  return () => removeEventListener(DECKS_CHANGED, reload);
}
