import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { ellipseGeometry, ellipseIntersectsBox, pointInEllipse } from './ellipse.ts';

describe('ellipse geometry', () => {
  const box = { x: 0, y: 0, w: 200, h: 100 };

  it('hits by the ellipse equation, not the box', () => {
    expect(pointInEllipse(box, { x: 100, y: 50 }, 0)).toBe(true);
    expect(pointInEllipse(box, { x: 199, y: 50 }, 0)).toBe(true);
    // Corner of the box, outside the ellipse.
    expect(pointInEllipse(box, { x: 5, y: 5 }, 0)).toBe(false);
    expect(pointInEllipse(box, { x: 203, y: 50 }, 4)).toBe(true);
    expect(pointInEllipse(box, { x: 205, y: 50 }, 4)).toBe(false);
  });

  it('intersects a rectangle only where the ellipse reaches it', () => {
    expect(ellipseIntersectsBox(box, { x: 90, y: 40, w: 10, h: 10 })).toBe(true);
    expect(ellipseIntersectsBox(box, { x: -10, y: -10, w: 15, h: 15 })).toBe(false);
    expect(ellipseIntersectsBox(box, { x: -10, y: 45, w: 15, h: 10 })).toBe(true);
    expect(ellipseIntersectsBox(box, { x: 300, y: 0, w: 10, h: 10 })).toBe(false);
  });

  it('treats a flat ellipse as a line', () => {
    const flat = { x: 0, y: 10, w: 100, h: 0 };
    expect(ellipseIntersectsBox(flat, { x: 40, y: 0, w: 10, h: 20 })).toBe(true);
    expect(pointInEllipse(flat, { x: 50, y: 12 }, 3)).toBe(true);
  });

  it('implements the shape geometry with its box as bounds', () => {
    const shape = makeShape('ellipse', { id: 'e', ...box });
    const lookup = () => undefined;
    expect(ellipseGeometry.bounds(shape)).toEqual(box);
    expect(ellipseGeometry.hitTest(shape, { x: 5, y: 5 }, 0, lookup)).toBe(false);
    expect(ellipseGeometry.intersectsRect(shape, { x: 90, y: 40, w: 10, h: 10 }, lookup)).toBe(true);
  });
});
