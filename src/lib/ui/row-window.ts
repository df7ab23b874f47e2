// Which rows of a long list to render: the ones in view plus a few either side. Rows are one height, except at most one
// (an open form) whose measured height is given; the rows left out are replaced by padding of their exact height, so
// the scroll bar and the scroll position stay true.

export interface RowWindow {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
  /** Height of the rows before `start`, and after `end`, in px. */
  before: number;
  after: number;
}

export interface TallRow {
  index: number;
  height: number;
}

/** Rows [start, end) that cover [viewTop, viewBottom] (px from the top of the list), `overscan` more each side. */
export function rowWindow(count: number, rowHeight: number, viewTop: number, viewBottom: number, overscan = 5, tall?: TallRow | null): RowWindow {
  const t = tall && tall.index >= 0 && tall.index < count ? tall : null;
  const extra = t ? t.height - rowHeight : 0;
  const offset = (i: number) => i * rowHeight + (t && i > t.index ? extra : 0);
  const indexAt = (y: number) => {
    if (!t || y < t.index * rowHeight) return Math.floor(y / rowHeight);
    if (y < t.index * rowHeight + t.height) return t.index;
    return t.index + 1 + Math.floor((y - t.index * rowHeight - t.height) / rowHeight);
  };
  const clamp = (i: number) => Math.max(0, Math.min(count, i));
  const start = clamp(indexAt(Math.max(0, viewTop)) - overscan);
  const end = Math.max(start, clamp(indexAt(Math.max(0, viewBottom)) + 1 + overscan));
  return { start, end, before: offset(start), after: offset(count) - offset(end) };
}

/** The top of row `index`, px from the top of the list. */
export function rowTop(index: number, rowHeight: number, tall?: TallRow | null): number {
  return index * rowHeight + (tall && index > tall.index ? tall.height - rowHeight : 0);
}
