import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/svelte';
import CardFace from '../../../src/lib/ui/CardFace.svelte';
import { emptyResponse } from '../../../src/lib/domain/answer-check';
import type { Card } from '../../../src/lib/domain/model';

const choice: Card = { id: 'c', kind: 'choice', tags: [], prompt: 'Which command lists containers?', options: ['docker ps', 'docker ls', 'docker top'], correct: [0], explanation: 'ps lists them.' };
const typed: Card = { id: 't', kind: 'typed', tags: [], prompt: 'Follow logs flag?', answers: ['--follow'] };
const command: Card = { id: 'p', kind: 'typed', tags: [], prompt: 'Run `nginx` publishing port 80 on host port 8080.', answers: ['docker run -p 8080:80 nginx'] };
const cloze: Card = { id: 'z', kind: 'cloze', tags: [], text: 'Images are made of {{c1::layers}} and {{c2::metadata::m…}}.' };

describe('CardFace', () => {
  it('lets the learner pick an option and marks it once revealed', async () => {
    const response = emptyResponse();
    const { rerender } = render(CardFace, { card: choice, response });
    // The options load with the first choice or true/false card (card-options.svelte.ts).
    await fireEvent.click(await screen.findByRole('radio', { name: /docker ls/ }));
    expect(response.choice).toEqual([1]);
    await rerender({ card: choice, response, revealed: true });
    expect(screen.getByText('Not quite')).toBeTruthy();
    expect(screen.getByText('ps lists them.')).toBeTruthy();
    expect((screen.getByRole('radio', { name: /docker ps/ }) as HTMLInputElement).disabled).toBe(true);
  });

  it('shows the typed answer and the expected one word by word after reveal', async () => {
    const response = { ...emptyResponse(), typed: 'docker run -P nginx' };
    render(CardFace, { card: command, response, revealed: true });
    // The typed-answer checker loads with the first typed card.
    expect(await screen.findByText('Not quite')).toBeTruthy();
    expect(screen.getByTitle('not in the answer').textContent).toBe('-P');
    expect(screen.getAllByTitle('missing').map((e) => e.textContent)).toEqual(['-p', '8080:80']);
    expect(screen.getByText('Your answer', { selector: 'dt' })).toBeTruthy();
  });

  it('strikes nothing through in an accepted answer and says what differed', async () => {
    const response = { ...emptyResponse(), typed: 'docker run --publish 8080:80 nginx' };
    const { container } = render(CardFace, { card: command, response, revealed: true });
    expect(screen.getByText('Correct')).toBeTruthy();
    expect(container.querySelectorAll('del, ins, mark')).toHaveLength(0);
    expect(container.querySelector('.notes')?.textContent).toContain('--publish');
  });

  it('takes commands in a field that does not autocorrect, capitalise or spell-check', () => {
    render(CardFace, { card: typed });
    const field = screen.getByLabelText('Your answer');
    expect(field.tagName).toBe('TEXTAREA');
    for (const [name, value] of [['autocorrect', 'off'], ['autocapitalize', 'off'], ['spellcheck', 'false'], ['enterkeyhint', 'done']]) expect(field.getAttribute(name), name).toBe(value);
  });

  it('hides every cloze deletion until revealed', async () => {
    const { container, rerender } = render(CardFace, { card: cloze });
    // Nothing of the text shows while the Markdown renderer loads, then the blanks do.
    expect(container.textContent).not.toContain('layers');
    await waitFor(() => expect(container.textContent).toContain('[m…]'));
    expect(container.textContent).not.toContain('layers');
    await rerender({ card: cloze, revealed: true });
    expect(container.textContent).toContain('layers');
    expect(container.textContent).toContain('metadata');
  });
});
