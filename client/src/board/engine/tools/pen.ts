import type { NewShape } from '../board-document.ts';
import { boxAroundPoints, distance, distanceToSegment, type Point } from '../geometry/math.ts';
import { MAX_DRAW_POINTS } from '../shape-model.ts';
import { newShapeBase } from './new-shape.ts';
import type { Tool, ToolContext } from './tool.ts';

/** A point in world units with its pen pressure. */
export interface StrokePoint extends Point {
  readonly pressure: number;
}

/** Points closer than this to the previous one (screen pixels) add nothing but weight. */
const MIN_SPACING_PX = 1;
/** Simplification keeps the stroke within this many screen pixels of what was drawn. */
const SIMPLIFY_PX = 0.5;
export const PEN_THICKNESS = 4;

/** Ramer–Douglas–Peucker: drops the points that lie within `epsilon` of the line through their neighbours. */
export function simplifyStroke(points: readonly StrokePoint[], epsilon: number): StrokePoint[] {
  if (points.length <= 2) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  // An explicit stack rather than recursion: a long stroke could exceed the call stack.
  const ranges: [number, number][] = [[0, points.length - 1]];
  for (let range = ranges.pop(); range !== undefined; range = ranges.pop()) {
    const [first, last] = range;
    const a = points[first];
    const b = points[last];
    if (a === undefined || b === undefined) continue;
    let farthest = -1;
    let farthestDistance = epsilon;
    for (let i = first + 1; i < last; i++) {
      const p = points[i];
      const d = p === undefined ? 0 : distanceToSegment(p, a, b);
      if (d > farthestDistance) {
        farthest = i;
        farthestDistance = d;
      }
    }
    if (farthest === -1) continue;
    keep[farthest] = true;
    ranges.push([first, farthest], [farthest, last]);
  }
  return points.filter((_, i) => keep[i]);
}

/** Evenly thins a stroke that is still too long for the schema, keeping its last point. */
export function limitPoints<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const stride = Math.ceil(points.length / (max - 1));
  const kept = points.filter((_, i) => i % stride === 0 && i < points.length - 1);
  const last = points.at(-1);
  return last === undefined ? kept : [...kept, last];
}

/** The draw shape for world points: its box around them, its points relative to the box. */
export function strokeShape(context: ToolContext, id: string, points: readonly StrokePoint[]): NewShape {
  const box = boxAroundPoints(points) ?? { x: 0, y: 0, w: 0, h: 0 };
  return {
    ...newShapeBase(context, id, box),
    type: 'draw',
    points: points.map((p): [number, number, number] => [p.x - box.x, p.y - box.y, p.pressure]),
    stroke: 'noir',
    thickness: PEN_THICKNESS,
  };
}

/** Freehand strokes: one `draw` shape per stroke. The pen stays on for the next stroke. */
export function createPenTool(context: ToolContext): Tool {
  let stroke: { readonly id: string; readonly points: StrokePoint[] } | null = null;

  return {
    id: 'pen',
    onPointerDown(event) {
      if (event.button !== 0) return;
      stroke = { id: context.newId(), points: [{ ...event.world, pressure: event.pressure }] };
      context.setPreview({ kind: 'create', shape: strokeShape(context, stroke.id, stroke.points) });
    },
    onPointerMove(event) {
      if (stroke === null) return;
      const last = stroke.points.at(-1);
      if (last !== undefined && distance(last, event.world) < MIN_SPACING_PX / context.zoom()) return;
      stroke.points.push({ ...event.world, pressure: event.pressure });
      context.setPreview({ kind: 'create', shape: strokeShape(context, stroke.id, stroke.points) });
    },
    onPointerUp() {
      if (stroke === null) return;
      const points = limitPoints(simplifyStroke(stroke.points, SIMPLIFY_PX / context.zoom()), MAX_DRAW_POINTS);
      const id = stroke.id;
      stroke = null;
      context.setPreview(null);
      context.commands.add([strokeShape(context, id, points)]);
    },
    onKeyDown: () => false,
    onCancel() {
      if (stroke === null) return false;
      stroke = null;
      context.setPreview(null);
      return true;
    },
  };
}
