import { describe, expect, it } from 'vitest';
import { SHAPE_TYPES } from '../shape-model.ts';
import { makeShape } from '../testing/shapes.ts';
import { frameGeometry } from './frame.ts';
import { geometryOf, hitTestShape, shapeBounds, shapeIntersectsRect } from './registry.ts';

describe('geometryOf', () => {
  it('has a geometry for every shape type', () => {
    for (const type of SHAPE_TYPES) expect(geometryOf(type).bounds).toBeTypeOf('function');
    expect(geometryOf('frame')).toBe(frameGeometry);
  });

  it('dispatches on the shape type', () => {
    const frame = makeShape('frame', { id: 'f', w: 400, h: 300 });
    const lookup = () => undefined;
    expect(shapeBounds(frame)).toEqual({ x: 0, y: 0, w: 400, h: 300 });
    expect(hitTestShape(frame, { x: 200, y: 150 }, 4, lookup)).toBe(false);
    expect(hitTestShape(makeShape('rect', { id: 'r', w: 400, h: 300 }), { x: 200, y: 150 }, 4, lookup)).toBe(true);
    expect(shapeIntersectsRect(frame, { x: 100, y: 100, w: 10, h: 10 }, lookup)).toBe(false);
  });
});
