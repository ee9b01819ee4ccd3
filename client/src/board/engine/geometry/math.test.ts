import { describe, expect, it } from 'vitest';
import {
  boxAroundPoints,
  boxCenter,
  boxContainsBox,
  boxContainsPoint,
  boxesIntersect,
  boxFromPoints,
  distanceToPolyline,
  distanceToSegment,
  expandBox,
  polylineIntersectsBox,
  segmentIntersectsBox,
  unionOfBoxes,
} from './math.ts';

describe('boxes', () => {
  it('normalises a box drawn leftwards and upwards', () => {
    expect(boxFromPoints({ x: 10, y: 20 }, { x: 4, y: 5 })).toEqual({ x: 4, y: 5, w: 6, h: 15 });
  });

  it('wraps points and boxes, or answers null for none', () => {
    expect(boxAroundPoints([{ x: 1, y: 5 }, { x: -2, y: 3 }])).toEqual({ x: -2, y: 3, w: 3, h: 2 });
    expect(boxAroundPoints([])).toBeNull();
    expect(unionOfBoxes([{ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: -5, w: 5, h: 5 }])).toEqual({ x: 0, y: -5, w: 25, h: 15 });
    expect(unionOfBoxes([])).toBeNull();
  });

  it('expands, centres and compares boxes, edges included', () => {
    const box = { x: 0, y: 0, w: 10, h: 20 };
    expect(expandBox(box, 2)).toEqual({ x: -2, y: -2, w: 14, h: 24 });
    expect(boxCenter(box)).toEqual({ x: 5, y: 10 });
    expect(boxContainsPoint(box, { x: 10, y: 20 })).toBe(true);
    expect(boxContainsPoint(box, { x: 10.1, y: 20 })).toBe(false);
    expect(boxContainsBox(box, { x: 0, y: 0, w: 10, h: 20 })).toBe(true);
    expect(boxContainsBox(box, { x: 1, y: 1, w: 10, h: 1 })).toBe(false);
    expect(boxesIntersect(box, { x: 10, y: 20, w: 5, h: 5 })).toBe(true);
    expect(boxesIntersect(box, { x: 11, y: 0, w: 5, h: 5 })).toBe(false);
  });
});

describe('distances', () => {
  it('measures to the nearest point of a segment, ends included', () => {
    expect(distanceToSegment({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(3);
    expect(distanceToSegment({ x: 13, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(distanceToSegment({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBe(5);
  });

  it('measures to the nearest segment of a polyline', () => {
    const line = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }];
    expect(distanceToPolyline({ x: 12, y: 5 }, line)).toBe(2);
    expect(distanceToPolyline({ x: 3, y: 4 }, [{ x: 0, y: 0 }])).toBe(5);
    expect(distanceToPolyline({ x: 0, y: 0 }, [])).toBe(Infinity);
  });
});

describe('segments against boxes', () => {
  const box = { x: 0, y: 0, w: 10, h: 10 };

  it('finds crossing, inside and missing segments', () => {
    expect(segmentIntersectsBox({ x: -5, y: 5 }, { x: 15, y: 5 }, box)).toBe(true);
    expect(segmentIntersectsBox({ x: 2, y: 2 }, { x: 3, y: 3 }, box)).toBe(true);
    expect(segmentIntersectsBox({ x: -5, y: -5 }, { x: -1, y: 20 }, box)).toBe(false);
    // Passes by the corner without touching it.
    expect(segmentIntersectsBox({ x: -5, y: 6 }, { x: 6, y: 17 }, box)).toBe(false);
    expect(segmentIntersectsBox({ x: 12, y: 0 }, { x: 12, y: 10 }, box)).toBe(false);
  });

  it('tests polylines segment by segment, a single point by containment', () => {
    expect(polylineIntersectsBox([{ x: -5, y: -5 }, { x: -5, y: 20 }, { x: 5, y: 20 }, { x: 5, y: 5 }], box)).toBe(true);
    expect(polylineIntersectsBox([{ x: 5, y: 5 }], box)).toBe(true);
    expect(polylineIntersectsBox([{ x: 50, y: 5 }], box)).toBe(false);
    expect(polylineIntersectsBox([], box)).toBe(false);
  });
});
