import { describe, expect, it } from 'vitest';
import { firstInReadingOrder, nextInDirection } from './keyboard-focus.ts';
import { makeShape } from './testing/shapes.ts';

// A grid: a b
//         c d    (and e far to the right of a, slightly lower)
const a = makeShape('sticky', { id: 'a', x: 0, y: 0 });
const b = makeShape('sticky', { id: 'b', x: 200, y: 0 });
const c = makeShape('sticky', { id: 'c', x: 0, y: 200 });
const d = makeShape('sticky', { id: 'd', x: 200, y: 200 });
const e = makeShape('sticky', { id: 'e', x: 500, y: 30 });
const all = [a, b, c, d, e];

describe('nextInDirection', () => {
  it('moves along rows and columns', () => {
    expect(nextInDirection(a, all, 'right')?.id).toBe('b');
    expect(nextInDirection(b, all, 'right')?.id).toBe('e');
    expect(nextInDirection(a, all, 'down')?.id).toBe('c');
    expect(nextInDirection(d, all, 'up')?.id).toBe('b');
    expect(nextInDirection(d, all, 'left')?.id).toBe('c');
  });

  it('prefers a shape in line over a nearer diagonal one', () => {
    const diagonal = makeShape('sticky', { id: 'diag', x: 150, y: 150 });
    const inLine = makeShape('sticky', { id: 'line', x: 300, y: 0 });
    expect(nextInDirection(a, [diagonal, inLine], 'right')?.id).toBe('line');
  });

  it('finds nothing past the edge', () => {
    expect(nextInDirection(a, all, 'left')).toBeNull();
    expect(nextInDirection(a, all, 'up')).toBeNull();
  });
});

describe('firstInReadingOrder', () => {
  it('starts at the top-left shape', () => {
    expect(firstInReadingOrder([d, e, b, a, c])?.id).toBe('a');
    expect(firstInReadingOrder([])).toBeNull();
  });
});
