// Whether this browser has stored the bundled decks before, known synchronously at start so a first visit can begin
// loading the merge and the deck files in the same task as the screen's own code. IndexedDB can only say so
// asynchronously (indexedDB.databases() answered after the screen's code had already arrived). Only a hint: the merge
// still decides from what is stored (bundled-check.ts); a wrong hint costs a needless download or the old wait.
const KEY = 'drydock.decksStored';

/** True on a first visit (or when site data was cleared): nothing says the decks were ever stored here. */
export function decksMayBeMissing(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(KEY) !== '1';
  } catch {
    return false;
  }
}

/** The first screen found or stored the bundled decks: later visits need not start their merge early. */
export function noteDecksStored(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    if (storage && storage.getItem(KEY) !== '1') storage.setItem(KEY, '1');
  } catch {
    // Private mode without storage: every visit starts the merge early, which changes nothing else.
  }
}
