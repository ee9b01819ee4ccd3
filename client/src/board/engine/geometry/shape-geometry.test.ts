import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { boxOf, filledBoxGeometry } from './shape-geometry.ts';

describe('filledBoxGeometry', () => {
  const geometry = filledBoxGeometry();
  const note = makeShape('sticky', { id: 'n', x: 10, y: 10, w: 100, h: 50 });
  const lookup = () => undefined;

  it('bounds a shape by its box', () => {
    expect(boxOf(note)).toEqual({ x: 10, y: 10, w: 100, h: 50 });
    expect(geometry.bounds(note)).toEqual(boxOf(note));
  });

  it('is hit anywhere inside and within the tolerance around', () => {
    expect(geometry.hitTest(note, { x: 60, y: 30 }, 0, lookup)).toBe(true);
    expect(geometry.hitTest(note, { x: 113, y: 30 }, 4, lookup)).toBe(true);
    expect(geometry.hitTest(note, { x: 115, y: 30 }, 4, lookup)).toBe(false);
  });

  it('intersects a rectangle that overlaps its box', () => {
    expect(geometry.intersectsRect(note, { x: 100, y: 50, w: 50, h: 50 }, lookup)).toBe(true);
    expect(geometry.intersectsRect(note, { x: 120, y: 50, w: 50, h: 50 }, lookup)).toBe(false);
  });
});
