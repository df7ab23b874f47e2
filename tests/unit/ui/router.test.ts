import { describe, expect, it } from 'vitest';
import { parseHash, studyHref } from '../../../src/lib/ui/router.svelte';

describe('parseHash', () => {
  it('reads study links, with their mode and topic, back from studyHref', () => {
    expect(parseHash(studyHref(null))).toEqual({ name: 'study', deckId: null, mode: 'normal', tag: undefined });
    expect(parseHash(studyHref('storage', 'weakest', 'bind mounts'))).toEqual({ name: 'study', deckId: 'storage', mode: 'weakest', tag: 'bind mounts' });
    expect(parseHash('#/study/storage?mode=bogus')).toMatchObject({ mode: 'normal' });
  });

  it('opens the editor on a deck, or on one card of it', () => {
    expect(parseHash('#/edit/my%20deck')).toEqual({ name: 'editor', deckId: 'my deck', cardId: undefined });
    expect(parseHash('#/edit/storage?card=abc123')).toEqual({ name: 'editor', deckId: 'storage', cardId: 'abc123' });
  });

  it('keeps everything after #/share/ as the payload and falls back to home', () => {
    expect(parseHash('#/share/eJx?x/y')).toEqual({ name: 'import', share: 'eJx?x/y' });
    expect(parseHash('#/nowhere')).toEqual({ name: 'home' });
    expect(parseHash('')).toEqual({ name: 'home' });
  });
});
