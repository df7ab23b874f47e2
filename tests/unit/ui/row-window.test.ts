import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowTop, rowWindow } from '../../../src/lib/ui/row-window';

describe('rowWindow', () => {
  it('renders the rows in view and a few either side, with padding for the rest', () => {
    expect(rowWindow(1000, 100, 5000, 5800, 2)).toEqual({ start: 48, end: 61, before: 4800, after: 93_900 });
    expect(rowWindow(1000, 100, 0, 800, 2)).toMatchObject({ start: 0, end: 11, before: 0 });
    expect(rowWindow(10, 100, 500, 800, 2)).toMatchObject({ start: 3, end: 10, before: 300, after: 0 });
  });

  it('keeps every row at its true place around one tall row (an open form)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 20, max: 200 }), fc.nat(499), fc.integer({ min: 20, max: 2000 }), fc.nat(100_000), fc.integer({ min: 100, max: 1000 }), (count, row, tallAt, tallHeight, top, view) => {
        const tall = { index: tallAt % count, height: tallHeight };
        const w = rowWindow(count, row, top, top + view, 3, tall);
        const total = rowTop(count, row, tall);
        // Padding plus rendered rows is the whole list: the scroll height never jumps.
        let rendered = 0;
        for (let i = w.start; i < w.end; i++) rendered += i === tall.index ? tall.height : row;
        expect(w.before + rendered + w.after).toBe(total);
        expect(w.before).toBe(rowTop(w.start, row, tall));
        // Every row that overlaps the view is rendered.
        for (let i = 0; i < count; i++) {
          const t = rowTop(i, row, tall);
          const h = i === tall.index ? tall.height : row;
          if (t < top + view && t + h > top) expect(i >= w.start && i < w.end).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
