import { describe, expect, it } from 'vitest';
import type { Shape } from '../shape-model.ts';
import { makeShape } from '../testing/shapes.ts';
import { anchorPoint, connectorBox, connectorEnds, connectorGeometry, endpointPosition, nearestAnchor } from './connector.ts';

describe('connector geometry', () => {
  const target = makeShape('rect', { id: 't', x: 200, y: 0, w: 100, h: 100 });
  const shapes = new Map<string, Shape>([[target.id, target]]);
  const lookup = (id: string) => shapes.get(id);
  const arrow = makeShape('connector', {
    id: 'c',
    x: 0,
    y: 0,
    w: 200,
    h: 50,
    start: { kind: 'point', x: 0, y: 0 },
    end: { kind: 'shape', shapeId: 't', ax: 0, ay: 0.5 },
  });

  it('places anchors on the middle of the sides and finds the nearest', () => {
    expect(anchorPoint(target, { ax: 0, ay: 0.5 })).toEqual({ x: 200, y: 50 });
    expect(nearestAnchor(target, { x: 190, y: 60 })).toEqual({ ax: 0, ay: 0.5 });
    expect(nearestAnchor(target, { x: 250, y: -20 })).toEqual({ ax: 0.5, ay: 0 });
  });

  it('resolves free and glued ends, falling back when the target is gone', () => {
    expect(connectorEnds(arrow, lookup)).toEqual([{ x: 0, y: 0 }, { x: 200, y: 50 }]);
    expect(endpointPosition({ kind: 'shape', shapeId: 'gone', ax: 0, ay: 0 }, lookup, { x: 7, y: 8 })).toEqual({ x: 7, y: 8 });
    expect(connectorBox({ x: 10, y: 50 }, { x: 0, y: 0 })).toEqual({ x: 0, y: 0, w: 10, h: 50 });
  });

  it('is hit near its line, within the tolerance, not elsewhere in its box', () => {
    expect(connectorGeometry.hitTest(arrow, { x: 100, y: 27 }, 2, lookup)).toBe(true);
    expect(connectorGeometry.hitTest(arrow, { x: 100, y: 45 }, 2, lookup)).toBe(false);
  });

  it('intersects a marquee its line crosses', () => {
    expect(connectorGeometry.intersectsRect(arrow, { x: 90, y: 15, w: 20, h: 20 }, lookup)).toBe(true);
    expect(connectorGeometry.intersectsRect(arrow, { x: 10, y: 30, w: 20, h: 20 }, lookup)).toBe(false);
  });
});
