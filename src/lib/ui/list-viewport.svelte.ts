// Where a windowed list stands in the viewport, as rowWindow (row-window.ts) takes it: the window's top and bottom
// measured from the list's top, and a row's height in px (rows are `rowRem` high). Kept current on scroll and resize
// while followed. The deck editor and the import's card chooser both window their lists with it.
export class ListViewport {
  top = $state(0);
  bottom = $state(1000);
  rowPx = $state(160);
  readonly #rowRem: number;
  #list: HTMLElement | undefined;

  constructor(rowRem: number) {
    this.#rowRem = rowRem;
  }

  /** Measures the followed list now (after a scroll the page made itself, say). */
  measure = (): void => {
    if (!this.#list) return;
    const top = this.#list.getBoundingClientRect().top;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    this.top = -top;
    this.bottom = innerHeight - top;
    this.rowPx = this.#rowRem * rem;
  };

  /** Measures `list` now and on every scroll and resize; returns the cleanup (for $effect). */
  follow(list: HTMLElement | undefined): () => void {
    this.#list = list;
    this.measure();
    addEventListener('scroll', this.measure, { passive: true });
    addEventListener('resize', this.measure);
    return () => {
      removeEventListener('scroll', this.measure);
      removeEventListener('resize', this.measure);
    };
  }
}
