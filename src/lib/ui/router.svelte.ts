// Hash routing: works from any static host and offline, and share links carry their payload in the fragment
// so it never reaches a server.

export type Route =
  | { name: 'home' }
  | { name: 'study'; deckId: string | null; mode: 'normal' | 'ahead' | 'extra-new' | 'weakest'; tag?: string; cards?: string[] }
  | { name: 'settings' }
  | { name: 'library' }
  | { name: 'editor'; deckId: string; cardId?: string }
  | { name: 'import'; share?: string }
  | { name: 'class'; classId: string }
  | { name: 'stats' }
  | { name: 'mock' }
  | { name: 'sync'; code?: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [head, ...rest] = path.split('/');
  const query = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '');
  const clean = (s: string | undefined) => (s ?? '').split('?')[0];
  switch (clean(head)) {
    case 'study': {
      const id = decodeURIComponent(clean(rest[0]));
      const mode = query.get('mode');
      return {
        name: 'study',
        deckId: !id || id === 'all' ? null : id,
        mode: mode === 'ahead' || mode === 'extra-new' || mode === 'weakest' ? mode : 'normal',
        tag: query.get('tag') ?? undefined,
        cards: query.get('cards')?.split(',').filter(Boolean) || undefined,
      };
    }
    case 'settings':
      return { name: 'settings' };
    case 'library':
      return { name: 'library' };
    case 'edit':
      return { name: 'editor', deckId: decodeURIComponent(clean(rest[0])), cardId: query.get('card') ?? undefined };
    case 'import':
      return { name: 'import' };
    case 'share':
      // Everything after "#/share/" is the compressed deck.
      return { name: 'import', share: path.slice('share/'.length) };
    case 'class':
      // A class link: #/class/<id>, previewed before anything is stored.
      return { name: 'class', classId: clean(rest[0]) };
    case 'stats':
      return { name: 'stats' };
    case 'mock':
      return { name: 'mock' };
    case 'sync':
      return { name: 'sync' };
    case 'pair':
      // A pairing link: the code is in the fragment, so it never reaches a server.
      return { name: 'sync', code: decodeURIComponent(clean(rest[0])) };
    default:
      return { name: 'home' };
  }
}

export function studyHref(deckId: string | null, mode: 'normal' | 'ahead' | 'extra-new' | 'weakest' = 'normal', tag?: string): string {
  const params = new URLSearchParams();
  if (mode !== 'normal') params.set('mode', mode);
  if (tag) params.set('tag', tag);
  const q = params.toString();
  return `#/study/${deckId ? encodeURIComponent(deckId) : 'all'}${q ? `?${q}` : ''}`;
}

/** A study session over exactly these cards, due or not (the mock interview's missed questions). */
export function studyCardsHref(cardIds: readonly string[]): string {
  return `#/study/all?${new URLSearchParams({ cards: cardIds.join(',') })}`;
}

class Router {
  route = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));
  /**
   * While set, every hash change is first offered to it; when it returns false the change is undone and the screen
   * stays (a mock round asks before it is left).
   */
  leaveGuard: ((hash: string) => boolean) | null = null;
  #hash = typeof location === 'undefined' ? '' : location.hash;

  start(): void {
    window.addEventListener('hashchange', () => {
      if (this.leaveGuard && !this.leaveGuard(location.hash)) {
        history.replaceState(history.state, '', this.#hash || '#/');
        return;
      }
      this.#hash = location.hash;
      this.route = parseHash(location.hash);
    });
  }

  go(hash: string): void {
    if (location.hash === hash) this.route = parseHash(hash);
    else if (this.leaveGuard && !this.leaveGuard(hash)) return;
    else location.hash = hash;
  }
}

export const router = new Router();
