import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/svelte';
import CardFace from '../../../src/lib/ui/CardFace.svelte';
import { emptyResponse } from '../../../src/lib/domain/answer-check';
import type { Card } from '../../../src/lib/domain/model';

const choice: Card = { id: 'c', kind: 'choice', tags: [], prompt: 'Which command lists containers?', options: ['docker ps', 'docker ls', 'docker top'], correct: [0], explanation: 'ps lists them.' };
const typed: Card = { id: 't', kind: 'typed', tags: [], prompt: 'Follow logs flag?', answers: ['--follow'] };
const cloze: Card = { id: 'z', kind: 'cloze', tags: [], text: 'Images are made of {{c1::layers}} and {{c2::metadata::m…}}.' };

describe('CardFace', () => {
  it('lets the learner pick an option and marks it once revealed', async () => {
    const response = emptyResponse();
    const { rerender } = render(CardFace, { card: choice, response });
    await fireEvent.click(screen.getByRole('radio', { name: /docker ls/ }));
    expect(response.choice).toEqual([1]);
    await rerender({ card: choice, response, revealed: true });
    expect(screen.getByText('Not quite')).toBeTruthy();
    expect(screen.getByText('ps lists them.')).toBeTruthy();
    expect((screen.getByRole('radio', { name: /docker ps/ }) as HTMLInputElement).disabled).toBe(true);
  });

  it('shows the typed-answer diff after reveal', async () => {
    const response = { ...emptyResponse(), typed: '--folow' };
    render(CardFace, { card: typed, response, revealed: true });
    expect(screen.getByText('Not quite')).toBeTruthy();
    expect(screen.getByTitle('missing').textContent).toBe('l');
  });

  it('hides every cloze deletion until revealed', async () => {
    const { container, rerender } = render(CardFace, { card: cloze });
    expect(container.textContent).not.toContain('layers');
    expect(container.textContent).toContain('[m…]');
    await rerender({ card: cloze, revealed: true });
    expect(container.textContent).toContain('layers');
    expect(container.textContent).toContain('metadata');
  });
});
