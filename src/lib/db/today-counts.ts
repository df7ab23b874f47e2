// What the learner has done today, read when a session or the deck list opens.
import { db } from './db';
import { startOfLearnerDay } from '../domain/day';
import type { AnsweredCard } from '../domain/siblings';

export interface TodayCounts {
  newDoneToday: Record<string, number>;
  reviewsDoneToday: Record<string, number>;
  /** One entry per answer today (study or mock), so the queue can bury the answered cards' siblings. */
  answeredToday: AnsweredCard[];
}

/** New cards introduced and reviews done since the learner's day began, per deck, and the cards answered. */
export async function countDoneToday(now: number): Promise<TodayCounts> {
  const since = startOfLearnerDay(now);
  return db.transaction('r', db.reviews, db.states, async () => {
    const logs = await db.reviews.where('review').between(since, Infinity, true, true).toArray();
    const cardIds = [...new Set(logs.map((log) => log.cardId))];
    const states = await db.states.bulkGet(cardIds);
    const noteIds = new Map(cardIds.map((id, i) => [id, states[i]?.noteId ?? id]));
    const newDoneToday: Record<string, number> = {};
    const reviewsDoneToday: Record<string, number> = {};
    const answeredToday: AnsweredCard[] = [];
    for (const log of logs) {
      if (log.state === 0) newDoneToday[log.deckId] = (newDoneToday[log.deckId] ?? 0) + 1;
      else if (log.state === 2) reviewsDoneToday[log.deckId] = (reviewsDoneToday[log.deckId] ?? 0) + 1;
      answeredToday.push({ cardId: log.cardId, deckId: log.deckId, noteId: noteIds.get(log.cardId) ?? log.cardId });
    }
    return { newDoneToday, reviewsDoneToday, answeredToday };
  });
}
