/**
 * A freehand stroke as the filled outline `perfect-freehand` gives it (the line thins and thickens
 * with pressure), written as SVG path data: the board paints it (as a `Path2D`) and the SVG export
 * writes it, so the export looks like what was drawn.
 */
import { getStroke, type StrokeOptions } from 'perfect-freehand';
import { bounds, type Box } from '@eprouvette/shared';
import type { ShapeOf } from '../engine/shape-model.ts';
import { num } from './svg-number.ts';

const FREEHAND_OPTIONS: Omit<StrokeOptions, 'size'> = {
  thinning: 0.5,
  smoothing: 0.5,
  streamline: 0.5,
  // Pressure is stored with every point (a mouse records a constant one), never guessed from speed.
  simulatePressure: false,
  last: true,
};

export interface FreehandOutline {
  /** Path data in world units; empty when the stroke has no outline. */
  d: string;
  bounds: Box | null;
}

/** Smooth closed path through the outline: quadratic curves via the midpoints of its edges. */
function outlinePath(outline: readonly (readonly [number, number])[]): string {
  const first = outline[0];
  if (outline.length < 3 || first === undefined) return '';
  const parts = [`M${num(first[0])},${num(first[1])}Q`];
  outline.forEach(([x0, y0], index) => {
    const [x1, y1] = outline[(index + 1) % outline.length] as readonly [number, number];
    parts.push(`${num(x0)},${num(y0)} ${num((x0 + x1) / 2)},${num((y0 + y1) / 2)}`);
  });
  return `${parts.join(' ')}Z`;
}

export function freehandOutline(shape: ShapeOf<'draw'>): FreehandOutline {
  const points = shape.points.map(([x, y, pressure]) => [shape.x + x, shape.y + y, pressure]);
  const outline = getStroke(points, { ...FREEHAND_OPTIONS, size: shape.thickness });
  return { d: outlinePath(outline), bounds: bounds(outline.map(([x, y]) => ({ x, y }))) };
}
