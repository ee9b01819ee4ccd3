/**
 * Connector ends glued to shapes: where they are in the world, the box they give the connector,
 * and what becomes of them when their shape goes. Pure: the layout (`layout.ts`) applies the
 * results in the same transaction as the change that caused them.
 *
 * A glued end sits at `(x + ax·w, y + ay·h)` of its shape's box. The centre anchor floats: the end
 * meets the outline on the line toward the other end. On ellipses and diamonds any anchor is
 * projected from the centre onto the outline, so the arrow touches the shape rather than its box.
 */
import { bounds, boxCentre, type Box, type Point } from './geometry.ts';
import type { Connector, Endpoint, Shape } from './schema.ts';

/** What a binding needs to know of the shape it is glued to. */
export type Placed = Pick<Shape, 'id' | 'type' | 'x' | 'y' | 'w' | 'h'>;
/** Only `get` is needed, so callers may pass a Map or a look-up of their own cache. */
export type ShapeLookup = Pick<ReadonlyMap<string, Placed>, "get">;

export interface Anchor {
  ax: number;
  ay: number;
}

const CENTRE = 0.5;

/** Where gluing snaps while drawing: the floating centre, then the middle of each side. */
export const ANCHORS: readonly Anchor[] = [
  { ax: CENTRE, ay: CENTRE },
  { ax: 0.5, ay: 0 },
  { ax: 1, ay: 0.5 },
  { ax: 0.5, ay: 1 },
  { ax: 0, ay: 0.5 },
];

function anchorPoint(box: Box, ax: number, ay: number): Point {
  return { x: box.x + ax * box.w, y: box.y + ay * box.h };
}

/** Where the ray from the shape's centre along `direction` leaves its outline. */
function alongOutline(shape: Placed, direction: Point): Point {
  const centre = boxCentre(shape);
  const u = Math.abs(direction.x) / (shape.w / 2);
  const v = Math.abs(direction.y) / (shape.h / 2);
  const reach = shape.type === 'ellipse' ? Math.hypot(u, v) : shape.type === 'diamond' ? u + v : Math.max(u, v);
  return { x: centre.x + direction.x / reach, y: centre.y + direction.y / reach };
}

function outlinePoint(shape: Placed, ax: number, ay: number, toward: Point | undefined): Point {
  const anchor = anchorPoint(shape, ax, ay);
  const floating = ax === CENTRE && ay === CENTRE;
  const rounded = shape.type === 'ellipse' || shape.type === 'diamond';
  if ((!floating && !rounded) || shape.w === 0 || shape.h === 0) return anchor;
  const centre = boxCentre(shape);
  const target = floating ? toward : anchor;
  if (!target || (target.x === centre.x && target.y === centre.y)) return anchor;
  return alongOutline(shape, { x: target.x - centre.x, y: target.y - centre.y });
}

/** Where an end is, or `null` when it is glued to a shape that is not there. */
export function endpointPosition(endpoint: Endpoint, shapesById: ShapeLookup, toward?: Point): Point | null {
  if (endpoint.kind === 'point') return { x: endpoint.x, y: endpoint.y };
  const shape = shapesById.get(endpoint.shapeId);
  return shape ? outlinePoint(shape, endpoint.ax, endpoint.ay, toward) : null;
}

/** The unprojected point an end aims at, so two floating ends can aim at each other. */
function aimPoint(endpoint: Endpoint, shapesById: ShapeLookup): Point | null {
  if (endpoint.kind === 'point') return { x: endpoint.x, y: endpoint.y };
  const shape = shapesById.get(endpoint.shapeId);
  return shape ? anchorPoint(shape, endpoint.ax, endpoint.ay) : null;
}

/** An end's position guessed from the stored box: the box was derived from both ends, so they are opposite corners. */
function oppositeCorner(box: Box, point: Point): Point {
  const centre = boxCentre(box);
  return { x: point.x < centre.x ? box.x + box.w : box.x, y: point.y < centre.y ? box.y + box.h : box.y };
}

type ConnectorGeometry = Pick<Connector, 'start' | 'end' | 'x' | 'y' | 'w' | 'h'>;

/**
 * Both ends of a connector in world units. An end glued to a missing shape (deleted by someone
 * while another glued to it) is placed from the stored box, so the board still draws it.
 */
export function connectorEnds(connector: ConnectorGeometry, shapesById: ShapeLookup): { start: Point; end: Point } {
  const startAim = aimPoint(connector.start, shapesById);
  const endAim = aimPoint(connector.end, shapesById);
  const start = startAim && endpointPosition(connector.start, shapesById, endAim ?? undefined);
  const end = endAim && endpointPosition(connector.end, shapesById, startAim ?? undefined);
  if (start && end) return { start, end };
  if (start) return { start, end: oppositeCorner(connector, start) };
  if (end) return { start: oppositeCorner(connector, end), end };
  return { start: { x: connector.x, y: connector.y }, end: { x: connector.x + connector.w, y: connector.y + connector.h } };
}

export function connectorBox(connector: ConnectorGeometry, shapesById: ShapeLookup): Box {
  const { start, end } = connectorEnds(connector, shapesById);
  return bounds([start, end]) as Box;
}

/** The connector with its box derived from its ends, as the layout stores it. */
export function withConnectorBox(connector: Connector, shapesById: ShapeLookup): Connector {
  return { ...connector, ...connectorBox(connector, shapesById) };
}

function gluedTo(endpoint: Endpoint, shapeIds: ReadonlySet<string>): boolean {
  return endpoint.kind === 'shape' && shapeIds.has(endpoint.shapeId);
}

/** Connectors with at least one end glued to one of `shapeIds`. */
export function connectorsTouching(shapeIds: ReadonlySet<string>, shapes: readonly Shape[]): Connector[] {
  return shapes.filter(
    (shape): shape is Connector =>
      shape.type === 'connector' && (gluedTo(shape.start, shapeIds) || gluedTo(shape.end, shapeIds)),
  );
}

export interface EndpointPatch {
  id: string;
  changes: { start?: Endpoint; end?: Endpoint };
}

/**
 * The ends to turn into free points, where they are now, when `deletedIds` go: deleting a shape
 * never leaves a connector glued to nothing. Connectors deleted themselves are left alone.
 */
export function unbindOnDelete(deletedIds: ReadonlySet<string>, shapes: readonly Shape[]): EndpointPatch[] {
  const shapesById = new Map(shapes.map((shape) => [shape.id, shape]));
  return connectorsTouching(deletedIds, shapes)
    .filter((connector) => !deletedIds.has(connector.id))
    .map((connector) => {
      const ends = connectorEnds(connector, shapesById);
      const changes: EndpointPatch['changes'] = {};
      if (gluedTo(connector.start, deletedIds)) changes.start = { kind: 'point', ...ends.start };
      if (gluedTo(connector.end, deletedIds)) changes.end = { kind: 'point', ...ends.end };
      return { id: connector.id, changes };
    });
}

/** The anchor of `shape` nearest to `point`, to glue a connector end dropped there. */
export function nearestAnchor(shape: Box, point: Point): Anchor {
  let best = ANCHORS[0] as Anchor;
  let bestDistance = Infinity;
  for (const anchor of ANCHORS) {
    const at = anchorPoint(shape, anchor.ax, anchor.ay);
    const distance = Math.hypot(at.x - point.x, at.y - point.y);
    if (distance < bestDistance) {
      best = anchor;
      bestDistance = distance;
    }
  }
  return best;
}
