import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { drawGeometry, drawPoints } from './draw.ts';

describe('draw geometry', () => {
  // An L: from (100, 100) right to (200, 100), then down to (200, 200).
  const stroke = makeShape('draw', {
    id: 'd',
    x: 100,
    y: 100,
    w: 100,
    h: 100,
    thickness: 4,
    points: [[0, 0, 0.5], [100, 0, 0.5], [100, 100, 0.5]],
  });
  const lookup = () => undefined;

  it('reads its points relative to the box', () => {
    expect(drawPoints(stroke)).toEqual([{ x: 100, y: 100 }, { x: 200, y: 100 }, { x: 200, y: 200 }]);
  });

  it('grows its bounds by half its thickness', () => {
    expect(drawGeometry.bounds(stroke)).toEqual({ x: 98, y: 98, w: 104, h: 104 });
  });

  it('is hit near the line only, not in the empty corner of its box', () => {
    expect(drawGeometry.hitTest(stroke, { x: 150, y: 104 }, 2, lookup)).toBe(true);
    expect(drawGeometry.hitTest(stroke, { x: 150, y: 105 }, 2, lookup)).toBe(false);
    expect(drawGeometry.hitTest(stroke, { x: 120, y: 180 }, 2, lookup)).toBe(false);
  });

  it('intersects a marquee that the line crosses', () => {
    expect(drawGeometry.intersectsRect(stroke, { x: 190, y: 150, w: 20, h: 20 }, lookup)).toBe(true);
    expect(drawGeometry.intersectsRect(stroke, { x: 110, y: 150, w: 20, h: 20 }, lookup)).toBe(false);
  });
});
