import { describe, expect, it } from 'vitest';
import { makeShape } from './testing/shapes.ts';
import { compareZ } from './z-order.ts';

describe('compareZ', () => {
  it('orders by z key in code units, then by id', () => {
    const shapes = [
      makeShape('rect', { id: 'b', z: 'a1' }),
      makeShape('rect', { id: 'c', z: 'B' }),
      makeShape('rect', { id: 'a', z: 'a1' }),
      makeShape('rect', { id: 'd', z: 'a0' }),
    ];
    expect(shapes.sort(compareZ).map((s) => s.id)).toEqual(['c', 'd', 'a', 'b']);
    expect(compareZ(makeShape('rect', { id: 'x' }), makeShape('rect', { id: 'x' }))).toBe(0);
  });
});
