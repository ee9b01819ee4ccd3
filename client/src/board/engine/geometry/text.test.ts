import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { textGeometry } from './text.ts';

describe('textGeometry', () => {
  const shape = makeShape('text', { id: 's', x: 0, y: 0, w: 200, h: 100 });
  const lookup = () => undefined;

  it('is hit anywhere inside its box, not outside', () => {
    expect(textGeometry.hitTest(shape, { x: 100, y: 50 }, 0, lookup)).toBe(true);
    expect(textGeometry.hitTest(shape, { x: 201, y: 50 }, 0, lookup)).toBe(false);
    expect(textGeometry.bounds(shape)).toEqual({ x: 0, y: 0, w: 200, h: 100 });
  });

  it('intersects a marquee that overlaps it', () => {
    expect(textGeometry.intersectsRect(shape, { x: 190, y: 90, w: 20, h: 20 }, lookup)).toBe(true);
    expect(textGeometry.intersectsRect(shape, { x: 210, y: 90, w: 20, h: 20 }, lookup)).toBe(false);
  });
});
