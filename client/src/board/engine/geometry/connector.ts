import { connectorEnds as documentConnectorEnds } from '@eprouvette/shared';
import type { Connector, Endpoint } from '../shape-model.ts';
import { boxFromPoints, distance, distanceToSegment, segmentIntersectsBox, type Box, type Point } from './math.ts';
import { boxOf, type ShapeGeometry, type ShapeLookup } from './shape-geometry.ts';

/** Half the drawn stroke of a connector, added to the click tolerance. */
const HALF_STROKE = 1;

/** Where a glued end may attach, in 0–1 units of the target's box: the middle of each side. */
export const ANCHORS: readonly { readonly ax: number; readonly ay: number }[] = [
  { ax: 0.5, ay: 0 },
  { ax: 1, ay: 0.5 },
  { ax: 0.5, ay: 1 },
  { ax: 0, ay: 0.5 },
];

export function anchorPoint(box: Box, anchor: { readonly ax: number; readonly ay: number }): Point {
  return { x: box.x + anchor.ax * box.w, y: box.y + anchor.ay * box.h };
}

export function nearestAnchor(box: Box, point: Point): { ax: number; ay: number } {
  let best = ANCHORS[0] ?? { ax: 0.5, ay: 0.5 };
  for (const anchor of ANCHORS) {
    if (distance(anchorPoint(box, anchor), point) < distance(anchorPoint(box, best), point)) best = anchor;
  }
  return { ...best };
}

/**
 * World position of one end. A glued end whose shape is missing (deleted by a peer, not yet
 * rebound by the document) falls back on `fallback` so the connector stays drawable.
 */
export function endpointPosition(endpoint: Endpoint, lookup: ShapeLookup, fallback: Point): Point {
  if (endpoint.kind === 'point') return { x: endpoint.x, y: endpoint.y };
  const target = lookup(endpoint.shapeId);
  return target === undefined ? fallback : anchorPoint(boxOf(target), endpoint);
}

/**
 * Both ends in world units, exactly as the document layer derives them (ends on the outline of
 * ellipses and diamonds, missing targets placed from the stored box), so what is drawn, what is
 * clicked and the box stored for culling agree.
 */
export function connectorEnds(connector: Connector, lookup: ShapeLookup): [Point, Point] {
  const { start, end } = documentConnectorEnds(connector, { get: (id: string) => lookup(id) });
  return [start, end];
}

/** The stored box of a connector, derived from its ends so culling treats it like any shape. */
export function connectorBox(start: Point, end: Point): Box {
  return boxFromPoints(start, end);
}

export const connectorGeometry: ShapeGeometry<Connector> = {
  bounds: boxOf,
  hitTest: (shape, point, tolerance, lookup) => {
    const [start, end] = connectorEnds(shape, lookup);
    return distanceToSegment(point, start, end) <= tolerance + HALF_STROKE;
  },
  intersectsRect: (shape, rect, lookup) => {
    const [start, end] = connectorEnds(shape, lookup);
    return segmentIntersectsBox(start, end, rect);
  },
};
