// What a session needs only once a card is answered: the answer and undo transactions, the storage-full check and the
// request for persistent storage. StudyView loads it right after the first card is painted, with ts-fsrs and the
// rating buttons; an answer given before it arrived waits for it.
export { answerCard, undoAnswer } from '../../lib/db/study';
export { isQuotaError } from '../../lib/db/storage-errors';
export { requestPersistentStorage } from '../../lib/db/persistence';
