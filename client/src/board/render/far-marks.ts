/**
 * Shapes as seen from far away (`lod.ts`: below a tenth of their size): each is a filled or
 * outlined rectangle, or a few straight segments. Consecutive marks of the same colour go into
 * one path and one fill or stroke: a tile showing a thousand notes costs a handful of calls, not a
 * thousand colour changes.
 */
import type { Box, Point } from '../engine/geometry/math.ts';
import type { Context2D } from './tile-cache.ts';

export type Mark =
  | { readonly kind: 'fill'; readonly color: string; readonly box: Box }
  | { readonly kind: 'outline'; readonly color: string; readonly width: number; readonly box: Box }
  | { readonly kind: 'line'; readonly color: string; readonly width: number; readonly points: readonly Point[] };

/** Runs of marks drawn with the same paint, in order (so what lies over what is kept). */
export function batches(marks: Iterable<Mark>): Mark[][] {
  const runs: Mark[][] = [];
  let key = '';
  for (const mark of marks) {
    const markKey = `${mark.kind}|${mark.color}|${mark.kind === 'fill' ? 0 : mark.width}`;
    if (markKey !== key || runs.length === 0) runs.push([]);
    runs[runs.length - 1]?.push(mark);
    key = markKey;
  }
  return runs;
}

/** `pixel`: world units per device pixel, the thinnest line that still shows. */
export function paintMarks(context: Context2D, marks: Iterable<Mark>, pixel: number): void {
  for (const run of batches(marks)) {
    const [first] = run;
    if (first === undefined) continue;
    context.beginPath();
    for (const mark of run) {
      if (mark.kind === 'line') {
        const [start, ...rest] = mark.points;
        if (start === undefined) continue;
        context.moveTo(start.x, start.y);
        for (const point of rest) context.lineTo(point.x, point.y);
      } else {
        context.rect(mark.box.x, mark.box.y, mark.box.w, mark.box.h);
      }
    }
    if (first.kind === 'fill') {
      context.fillStyle = first.color;
      context.fill();
    } else {
      context.strokeStyle = first.color;
      context.lineWidth = Math.max(first.width, pixel);
      context.lineJoin = 'round';
      context.stroke();
    }
  }
}
