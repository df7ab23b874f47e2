import { describe, expect, it } from 'vitest';
import { allocate, isAutoChecked, mockRating, pickMockQuestions, scoreMock, seededRandom, type MockCandidate } from '../../../src/lib/domain/mock-interview';
import type { CardKind } from '../../../src/lib/domain/model';

function candidate(cardId: string, deckId: string, kind: CardKind, recall: number): MockCandidate {
  return { cardId, kind, deckId, recall };
}

const kinds: CardKind[] = ['basic', 'choice', 'typed', 'truefalse', 'cloze'];
function pool(deckId: string, n: number, recall: number): MockCandidate[] {
  return Array.from({ length: n }, (_, i) => candidate(`${deckId}-${i}`, deckId, kinds[i % kinds.length], recall));
}

describe('picking mock questions', () => {
  it('draws the requested number of distinct questions across every topic', () => {
    const all = [...pool('docker', 40, 0.9), ...pool('k8s', 40, 0.5), ...pool('security', 40, 0.1)];
    const picked = pickMockQuestions(all, 10, seededRandom(1));
    expect(picked).toHaveLength(10);
    expect(new Set(picked.map((p) => p.cardId)).size).toBe(10);
    expect(new Set(picked.map((p) => p.deckId))).toEqual(new Set(['docker', 'k8s', 'security']));
  });

  it('asks more from the weakest topics', () => {
    const all = [...pool('strong', 50, 0.95), ...pool('weak', 50, 0.05)];
    let weak = 0;
    for (let seed = 1; seed <= 20; seed++) weak += pickMockQuestions(all, 20, seededRandom(seed)).filter((p) => p.deckId === 'weak').length;
    expect(weak / (20 * 20)).toBeGreaterThan(0.75);
  });

  it('prefers the least-known cards inside a topic', () => {
    const all = [...Array.from({ length: 10 }, (_, i) => candidate(`known-${i}`, 'd', 'basic', 1)), ...Array.from({ length: 10 }, (_, i) => candidate(`unknown-${i}`, 'd', 'basic', 0))];
    let unknown = 0;
    for (let seed = 1; seed <= 20; seed++) unknown += pickMockQuestions(all, 10, seededRandom(seed)).filter((p) => p.cardId.startsWith('unknown')).length;
    expect(unknown / 200).toBeGreaterThan(0.7);
  });

  it('mixes card kinds', () => {
    const picked = pickMockQuestions(pool('docker', 50, 0.5), 10, seededRandom(3));
    expect(new Set(picked.map((p) => p.kind)).size).toBe(5);
  });

  it('returns what there is when the collection is small, and nothing when empty', () => {
    expect(pickMockQuestions(pool('docker', 4, 0.5), 10, seededRandom(1))).toHaveLength(4);
    expect(pickMockQuestions([], 10, seededRandom(1))).toEqual([]);
  });

  it('asks at most one card of each note per round, and fills the round from other notes', () => {
    // Five forms of each fact, as the generator emits them: a round must not ask the same fact twice.
    const withNotes = (deckId: string, notes: number) => pool(deckId, notes * 5, 0.5).map((c, i) => ({ ...c, noteId: `${deckId}-note-${Math.floor(i / 5)}` }));
    const noteOfPick = (p: MockCandidate) => `${p.deckId}/${p.noteId}`;
    for (let seed = 1; seed <= 20; seed++) {
      const picked = pickMockQuestions([...withNotes('docker', 12), ...withNotes('k8s', 3)], 10, seededRandom(seed));
      expect(picked).toHaveLength(10);
      expect(new Set(picked.map(noteOfPick)).size).toBe(10);
    }
    expect(pickMockQuestions(withNotes('docker', 3), 10, seededRandom(1)).map(noteOfPick).sort()).toEqual(['docker/docker-note-0', 'docker/docker-note-1', 'docker/docker-note-2']);
  });

  it('allocates slots by weight, at least one each, never more than a topic holds', () => {
    expect(allocate([{ weight: 1, size: 100 }, { weight: 3, size: 100 }], 8)).toEqual([2, 6]);
    expect(allocate([{ weight: 1, size: 100 }, { weight: 100, size: 2 }], 10)).toEqual([8, 2]);
    expect(allocate([{ weight: 1, size: 5 }, { weight: 1, size: 5 }, { weight: 1, size: 5 }], 2).reduce((a, b) => a + b)).toBe(2);
    // Equal weights share the remainder evenly rather than piling it on one topic.
    expect(allocate(Array.from({ length: 6 }, () => ({ weight: 1, size: 50 })), 10).sort()).toEqual([1, 1, 2, 2, 2, 2]);
  });
});

describe('checking and scoring', () => {
  it('lets the app check typed, choice and true/false cards; basic and cloze are self-marked', () => {
    expect(['basic', 'cloze', 'choice', 'typed', 'truefalse'].map((k) => isAutoChecked(k as CardKind))).toEqual([false, false, true, true, true]);
  });

  it('stores a wrong answer as Again and a right one as Good', () => {
    expect(mockRating(false)).toBe(1);
    expect(mockRating(true)).toBe(3);
  });

  it('scores per topic, weakest first, with the time taken and the missed questions', () => {
    const score = scoreMock(
      [
        { cardId: 'a', deckId: 'docker', correct: true },
        { cardId: 'b', deckId: 'docker', correct: false },
        { cardId: 'c', deckId: 'k8s', correct: false },
        { cardId: 'd', deckId: 'docker', correct: true },
      ],
      1_000,
      181_000,
      { docker: 'Docker', k8s: 'Kubernetes' },
    );
    expect(score.correct).toBe(2);
    expect(score.total).toBe(4);
    expect(score.durationMs).toBe(180_000);
    expect(score.topics).toEqual([
      { deckId: 'k8s', label: 'Kubernetes', correct: 0, total: 1 },
      { deckId: 'docker', label: 'Docker', correct: 2, total: 3 },
    ]);
    expect(score.missed.map((m) => m.cardId)).toEqual(['b', 'c']);
  });
});
