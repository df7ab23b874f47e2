import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/db/db';
import { newCardRecord, newStateRecord } from '../../../src/lib/db/records';
import { answerCard, undoAnswer } from '../../../src/lib/db/study';
import { applyParameters, saveSettings } from '../../../src/lib/db/settings';
import { default_w, forgetting_curve } from 'ts-fsrs';
import { computeStatsFromDb, loadInterviewPlan, loadMockCandidates, readStatsCards } from '../../../src/lib/db/stats';
import { DEFAULT_SETTINGS } from '../../../src/lib/domain/settings';
import type { Card, CardKind } from '../../../src/lib/domain/model';

const NOW = Date.parse('2026-11-27T09:00:00Z');
const zone = 'Europe/Berlin';

function card(id: string, kind: CardKind = 'basic', tags: string[] = []): Card {
  if (kind === 'choice') return { id, kind, tags, prompt: `Q ${id}`, options: ['a', 'b', 'c'], correct: [1], explanation: 'b' };
  return { id, kind: 'basic', tags, prompt: `Q ${id}`, answer: 'A' };
}

async function seed(deckId: string, title: string, cards: Card[]) {
  await db.decks.put({ id: deckId, title, description: '', tags: [], source: 'test', origin: 'user', createdAt: NOW, updatedAt: NOW });
  await db.cards.bulkPut(cards.map((c, i) => newCardRecord(c, deckId, i, NOW)));
  await db.states.bulkPut(cards.map((c) => newStateRecord(c.id, deckId, NOW)));
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('stats from the database', () => {
  it('reflects answers, counts an undone-and-redone answer once, and reads logs in chunks with progress', async () => {
    await seed('docker', 'Docker', [card('a', 'basic', ['networking']), card('b'), card('c')]);
    await answerCard({ cardId: 'a', rating: 3, now: NOW, durationMs: 5000, source: 'study' });
    const undone = await answerCard({ cardId: 'b', rating: 1, now: NOW + 1000, durationMs: 4000, source: 'study' });
    await undoAnswer(undone);
    await answerCard({ cardId: 'b', rating: 4, now: NOW + 2000, durationMs: 3000, source: 'study' });
    await answerCard({ cardId: 'a', rating: 3, now: NOW + 700_000, durationMs: 2000, source: 'mock' });

    const progress: number[] = [];
    const { result, deckTitles } = await computeStatsFromDb({ now: NOW + 800_000, zone }, (p) => progress.push(p.fraction), 2);
    expect(deckTitles).toEqual({ docker: 'Docker' });
    expect(result.logCount).toBe(3);
    expect(result.heatmap.total).toBe(3);
    expect(result.heatmap.currentStreak).toBe(1);
    expect(result.grades.days.at(-1)).toEqual([0, 0, 2, 1]);
    expect(result.time.ms.at(-1)).toBe(10_000);
    expect(result.states).toMatchObject({ new: 1, total: 3 });
    expect(result.readiness.overall.studied).toBe(2);
    // Predicted a week ahead: card a, still in its learning steps, is recalled at about 81% then.
    expect(result.readinessHorizon).toEqual({ at: NOW + 800_000 + 7 * 86_400_000, interview: false });
    expect(result.readiness.topics.find((t) => t.id === 'networking')!.recall).toBeCloseTo(0.81, 2);
    // The undone Again on b is gone, so b (last answered Easy) counts.
    expect(result.readiness.topics.find((t) => t.id === 'docker')!.recall).toBeGreaterThan(0.5);
    // Two chunks of logs (2 + 1), then the cards.
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBeCloseTo(1);
  });

  it('leaves retired cards out and counts suspended ones apart', async () => {
    await seed('docker', 'Docker', [card('a'), card('b'), card('c')]);
    await db.cards.update('b', { suspended: 1 });
    await db.cards.update('c', { retired: 1 });
    const cards = await readStatsCards();
    expect(cards.map((c) => [c.id, c.suspended])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it("predicts the interview day's recall and plans today's work from the stored settings", async () => {
    await seed('docker', 'Docker', Array.from({ length: 30 }, (_, i) => card(`n${i}`)));
    expect(await loadInterviewPlan(NOW, zone)).toBeNull();
    await saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 1, interviewDate: '2026-12-07' });
    await answerCard({ cardId: 'n0', rating: 3, now: NOW, durationMs: 1, source: 'study' });
    const plan = (await loadInterviewPlan(NOW + 1000, zone))!;
    expect(plan.daysLeft).toBe(10);
    expect(plan.newLeft).toBe(29);
    // 30 cards at the start of today over 9 introduction days.
    expect(plan.newLimit).toBe(4);
    expect(plan.predictedRecall).toBeGreaterThan(0);
    expect(plan.predictedRecall).toBeLessThan(0.05);
  });

  it('readiness, the interview plan and the mock interview follow the parameters the learner applied', async () => {
    await seed('docker', 'Docker', [card('a'), card('b')]);
    await saveSettings({ ...DEFAULT_SETTINGS, interviewDate: '2026-12-17' });
    await answerCard({ cardId: 'a', rating: 4, now: NOW, durationMs: 1, source: 'study' });
    const later = NOW + 5 * 86_400_000;
    const measure = async () => ({
      readiness: (await computeStatsFromDb({ now: later, zone })).result.readiness.overall.recall,
      plan: (await loadInterviewPlan(later, zone))!.predictedRecall,
      mock: (await loadMockCandidates(later)).find((c) => c.cardId === 'a')!.recall,
    });
    const before = await measure();
    // A learner whose memory fades faster early on: FSRS-6's last parameter bends the forgetting curve.
    const w = [...default_w.slice(0, 20), 0.6];
    await applyParameters({ w, createdAt: later, reviewCount: 400 });
    const after = await measure();

    const { stability, last_review } = (await db.states.get('a'))!;
    const interviewDays = (Date.parse('2026-12-16T23:00:00Z') - last_review!) / 86_400_000;
    // Card b was never studied and counts 0, so the mean over two cards is half of a's recall.
    expect(before.plan).toBeCloseTo(forgetting_curve(default_w, interviewDays, stability) / 2, 6);
    expect(after.plan).toBeCloseTo(forgetting_curve(w, interviewDays, stability) / 2, 6);
    expect(after.readiness).toBeCloseTo(after.plan, 6);
    expect(after.mock).toBeCloseTo(forgetting_curve(w, (later - last_review!) / 86_400_000, stability), 6);
    for (const key of ['readiness', 'plan', 'mock'] as const) expect(after[key]).not.toBeCloseTo(before[key], 3);
  });

  it('offers every active card as a mock question with its kind and recall', async () => {
    await seed('docker', 'Docker', [card('a', 'choice'), card('b'), card('c')]);
    await db.states.update('c', { inactive: 1 });
    await answerCard({ cardId: 'a', rating: 3, now: NOW, durationMs: 1, source: 'study' });
    const candidates = await loadMockCandidates(NOW + 1000);
    expect(candidates.map((c) => [c.cardId, c.kind, c.recall > 0.9])).toEqual(
      expect.arrayContaining([
        ['a', 'choice', true],
        ['b', 'basic', false],
      ]),
    );
    expect(candidates).toHaveLength(2);
  });
});
