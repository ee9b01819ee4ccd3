/**
 * The sizes of shape outlines, shared by the painters (`render/painters`) and the SVG export
 * (`export/svg-shapes.ts`) so that an exported board looks like the one on screen. The sizes of
 * shape text are in `text/text-style.ts`.
 */

export const STROKE_WIDTH = 2;
export const STICKY_RADIUS = 4;
/** Length of an arrowhead along its connector: five stroke widths, as the exported marker. */
export const ARROW_LENGTH = 5 * STROKE_WIDTH;
