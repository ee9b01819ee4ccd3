import type { Box } from '../engine/geometry/math.ts';

/** However small a shape, a neighbour starting this many world units lower still shares its row. */
const MIN_ROW_TOLERANCE = 20;

const byId = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Shapes as a sighted reader scans the board: rows from top to bottom, left to right within a row.
 * Notes placed by hand are never exactly aligned, so a shape joins the current row when its top is
 * within half the height of the row's first shape. Ties fall back on ids so every peer lists alike.
 */
export function inReadingOrder<S extends Box & { readonly id: string }>(shapes: readonly S[]): S[] {
  const byTop = [...shapes].sort((a, b) => a.y - b.y || a.x - b.x || byId(a, b));
  const rows: S[][] = [];
  let rowTop = -Infinity;
  let tolerance = 0;
  for (const shape of byTop) {
    const row = rows[rows.length - 1];
    if (row !== undefined && shape.y - rowTop <= tolerance) {
      row.push(shape);
      continue;
    }
    rows.push([shape]);
    rowTop = shape.y;
    tolerance = Math.max(MIN_ROW_TOLERANCE, shape.h / 2);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x || a.y - b.y || byId(a, b)));
}
