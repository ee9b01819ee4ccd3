import { describe, expect, it } from 'vitest';
import {
  clickSelect,
  EMPTY_SELECTION,
  handleAt,
  handlePositions,
  marqueeSelect,
  sameSelection,
  selectionBounds,
  withoutIds,
} from './selection.ts';
import { makeShape } from './testing/shapes.ts';

const ids = (selection: ReadonlySet<string>) => [...selection].sort();

describe('selection changes', () => {
  it('selects just the clicked shape, or nothing on the canvas', () => {
    expect(ids(clickSelect(new Set(['a', 'b']), 'c', false))).toEqual(['c']);
    expect(clickSelect(new Set(['a']), null, false)).toBe(EMPTY_SELECTION);
  });

  it('toggles with shift-click and keeps the selection on a shift-click on the canvas', () => {
    const selection = new Set(['a']);
    expect(ids(clickSelect(selection, 'b', true))).toEqual(['a', 'b']);
    expect(ids(clickSelect(selection, 'a', true))).toEqual([]);
    expect(clickSelect(selection, null, true)).toBe(selection);
  });

  it('replaces the selection with a marquee, or adds to it with shift', () => {
    expect(ids(marqueeSelect(new Set(['a']), ['b', 'c'], false))).toEqual(['b', 'c']);
    expect(ids(marqueeSelect(new Set(['a']), ['b', 'a'], true))).toEqual(['a', 'b']);
  });

  it('drops deleted ids, keeping the same set when none was selected', () => {
    const selection = new Set(['a', 'b']);
    expect(ids(withoutIds(selection, ['a', 'z']))).toEqual(['b']);
    expect(withoutIds(selection, ['z'])).toBe(selection);
  });

  it('compares selections by content', () => {
    expect(sameSelection(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(true);
    expect(sameSelection(new Set(['a']), new Set(['b']))).toBe(false);
  });
});

describe('bounds and handles', () => {
  const box = { x: 0, y: 0, w: 100, h: 50 };

  it('bounds the selected shapes', () => {
    const shapes = [makeShape('rect', { id: 'a', x: 0, y: 0, w: 10, h: 10 }), makeShape('rect', { id: 'b', x: 50, y: 20, w: 50, h: 30 })];
    expect(selectionBounds(shapes)).toEqual(box);
    expect(selectionBounds([])).toBeNull();
  });

  it('puts eight handles on the corners and the middles of the sides', () => {
    const positions = handlePositions(box);
    expect(positions.nw).toEqual({ x: 0, y: 0 });
    expect(positions.n).toEqual({ x: 50, y: 0 });
    expect(positions.e).toEqual({ x: 100, y: 25 });
    expect(positions.se).toEqual({ x: 100, y: 50 });
    expect(positions.s).toEqual({ x: 50, y: 50 });
    expect(positions.sw).toEqual({ x: 0, y: 50 });
    expect(positions.w).toEqual({ x: 0, y: 25 });
    expect(Object.keys(positions)).toHaveLength(8);
  });

  it('finds the nearest handle under a point, corners first when they tie', () => {
    expect(handleAt(box, { x: 103, y: 27 }, 4)).toBe('e');
    expect(handleAt(box, { x: 50, y: 25 }, 4)).toBeNull();
    expect(handleAt({ x: 0, y: 0, w: 4, h: 4 }, { x: 3, y: 3 }, 4)).toBe('se');
    expect(handleAt({ x: 0, y: 0, w: 4, h: 4 }, { x: 1, y: 0 }, 4)).toBe('nw');
  });
});
