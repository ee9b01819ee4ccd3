import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { imageGeometry } from './image.ts';

describe('imageGeometry', () => {
  const shape = makeShape('image', { id: 's', x: 0, y: 0, w: 200, h: 100 });
  const lookup = () => undefined;

  it('is hit anywhere inside its box, not outside', () => {
    expect(imageGeometry.hitTest(shape, { x: 100, y: 50 }, 0, lookup)).toBe(true);
    expect(imageGeometry.hitTest(shape, { x: 201, y: 50 }, 0, lookup)).toBe(false);
    expect(imageGeometry.bounds(shape)).toEqual({ x: 0, y: 0, w: 200, h: 100 });
  });

  it('intersects a marquee that overlaps it', () => {
    expect(imageGeometry.intersectsRect(shape, { x: 190, y: 90, w: 20, h: 20 }, lookup)).toBe(true);
    expect(imageGeometry.intersectsRect(shape, { x: 210, y: 90, w: 20, h: 20 }, lookup)).toBe(false);
  });
});
