// The options of choice and true/false cards (CardOptions.svelte) load with the first such card, not with the study
// screen: the study session waits for them before it shows one, and a card face asks for them when it shows one.
type Options = typeof import('./CardOptions.svelte').default;

let options = $state.raw<Options | null>(null);
let loading: Promise<Options> | null = null;

export function loadCardOptions(): Promise<Options> {
  loading ??= import('./CardOptions.svelte').then(
    (m) => (options = m.default),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The options component once loaded (reactive), else null. */
export function cardOptions(): Options | null {
  return options;
}
