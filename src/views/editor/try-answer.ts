// The editor's "Try an answer" box: what the study screen would say to an answer, for the card being written.
import { checkTypedAnswer } from '../../lib/domain/typed-answer';
import { optionLines } from './card-draft';

export interface TryVerdict {
  accepted: boolean;
  /** "Accepted: `--detach` is `-d`" or "Rejected: missing `-d` (`--detach`)". */
  message: string;
}

/** null until there is both an accepted answer and something to try. */
export function tryAnswer(answerLines: string, prompt: string, typed: string): TryVerdict | null {
  const answers = optionLines(answerLines);
  if (answers.length === 0 || typed.trim() === '') return null;
  const result = checkTypedAnswer(typed, answers, prompt);
  return { accepted: result.correct, message: `${result.correct ? 'Accepted' : 'Rejected'}: ${result.reason}` };
}
