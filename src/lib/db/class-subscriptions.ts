// Whether the collection follows any class. The deck list loads the class notices, and the class code behind them
// (checking for updates, merging a version), only then: most learners follow none.
import { db } from './db';

/** Settings key prefix of a followed class (db/class-decks.ts keeps the rows). */
export const SUBSCRIPTION_PREFIX = 'classDeck.subscription.';

/** False when the collection cannot be read: the deck list says so itself. */
export async function followsAClass(): Promise<boolean> {
  try {
    return (await db.settings.where('key').startsWith(SUBSCRIPTION_PREFIX).count()) > 0;
  } catch {
    return false;
  }
}
