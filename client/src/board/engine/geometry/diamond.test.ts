import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { diamondGeometry, diamondOutline, pointInDiamond } from './diamond.ts';

describe('diamond geometry', () => {
  const box = { x: 0, y: 0, w: 200, h: 100 };
  const shape = makeShape('diamond', { id: 'd', ...box });
  const lookup = () => undefined;

  it('has its vertices at the middle of each side of the box', () => {
    expect(diamondOutline(box)).toEqual([
      { x: 100, y: 0 },
      { x: 200, y: 50 },
      { x: 100, y: 100 },
      { x: 0, y: 50 },
      { x: 100, y: 0 },
    ]);
  });

  it('hits inside by |dx|/a + |dy|/b ≤ 1, and near the outline', () => {
    expect(pointInDiamond(box, { x: 100, y: 50 })).toBe(true);
    expect(pointInDiamond(box, { x: 150, y: 25 })).toBe(true);
    expect(pointInDiamond(box, { x: 20, y: 10 })).toBe(false);
    expect(diamondGeometry.hitTest(shape, { x: 20, y: 10 }, 0, lookup)).toBe(false);
    expect(diamondGeometry.hitTest(shape, { x: 151, y: 24 }, 2, lookup)).toBe(true);
    expect(diamondGeometry.hitTest(shape, { x: 203, y: 50 }, 4, lookup)).toBe(true);
  });

  it('intersects a rectangle crossing its outline or inside it, not one in a corner of its box', () => {
    expect(diamondGeometry.intersectsRect(shape, { x: 0, y: 0, w: 10, h: 10 }, lookup)).toBe(false);
    expect(diamondGeometry.intersectsRect(shape, { x: 90, y: -10, w: 20, h: 20 }, lookup)).toBe(true);
    expect(diamondGeometry.intersectsRect(shape, { x: 95, y: 45, w: 10, h: 10 }, lookup)).toBe(true);
  });
});
