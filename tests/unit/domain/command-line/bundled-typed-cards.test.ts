// Every bundled typed card accepts each of its answers, including the alternatives the generator lists, read from
// the deck files at test time.
import { describe, expect, it } from 'vitest';
import type { TypedCard } from '../../../../src/lib/domain/model';
import { equivalentCommands } from '../../../../src/lib/domain/generator/command';
import { checkTypedAnswer } from '../../../../src/lib/domain/typed-answer';
import { readCommittedDecks } from '../generator/bundled';

const typedCards = readCommittedDecks()
  .flatMap((deck) => deck.cards)
  .filter((c): c is TypedCard => c.kind === 'typed');

describe('bundled typed cards', () => {
  it('exist', () => expect(typedCards.length).toBeGreaterThan(10));

  it.each(typedCards.map((c) => [c.prompt.slice(0, 70), c] as const))('%s… accepts its answers and their alternatives', (_label, card) => {
    for (const answer of card.answers) {
      const result = checkTypedAnswer(answer, card.answers, card.prompt);
      expect(result.correct, `${answer}: ${result.reason}`).toBe(true);
    }
    // The generator's command alternatives also stand on their own against the canonical answer: truly equivalent.
    for (const alternative of equivalentCommands(card.answers[0])) {
      const result = checkTypedAnswer(alternative, [card.answers[0]], card.prompt);
      expect(result.correct, `${alternative} vs ${card.answers[0]}: ${result.reason}`).toBe(true);
    }
  });
});

describe('equivalentCommands lists the spellings the Docker grammar gives', () => {
  it('adds the management-command form or the one-word shorthand, keeping the rest of the command', () => {
    expect(equivalentCommands('docker container stop web')).toEqual(['docker stop web']);
    expect(equivalentCommands('sudo docker ps -a')).toEqual(['sudo docker container ls -a']);
    expect(equivalentCommands('docker image build -t app .')).toEqual(['docker build -t app .']);
    expect(equivalentCommands('docker network create mybridge')).toEqual([]);
  });
});
