import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { stickyGeometry } from './sticky.ts';

describe('stickyGeometry', () => {
  const shape = makeShape('sticky', { id: 's', x: 0, y: 0, w: 200, h: 100 });
  const lookup = () => undefined;

  it('is hit anywhere inside its box, not outside', () => {
    expect(stickyGeometry.hitTest(shape, { x: 100, y: 50 }, 0, lookup)).toBe(true);
    expect(stickyGeometry.hitTest(shape, { x: 201, y: 50 }, 0, lookup)).toBe(false);
    expect(stickyGeometry.bounds(shape)).toEqual({ x: 0, y: 0, w: 200, h: 100 });
  });

  it('intersects a marquee that overlaps it', () => {
    expect(stickyGeometry.intersectsRect(shape, { x: 190, y: 90, w: 20, h: 20 }, lookup)).toBe(true);
    expect(stickyGeometry.intersectsRect(shape, { x: 210, y: 90, w: 20, h: 20 }, lookup)).toBe(false);
  });
});
