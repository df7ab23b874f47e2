// The deck lints of an import, off the page: comparing every pair of cards for repeats takes about a second at 1,000
// cards, long enough to freeze the preview.
import { lintDecks } from '../../lib/domain/deck-lint';
import type { Deck } from '../../lib/domain/model';

self.onmessage = (event: MessageEvent<Deck[]>) => {
  (self as unknown as Worker).postMessage(lintDecks(event.data));
};
