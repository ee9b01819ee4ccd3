/**
 * The sizes of shape text and where it sits in each shape: fonts, paddings, line height, label
 * limits. The one definition the painters (`render/painters`), the in-place text editor
 * (`ui/text-edit-box.ts`) and the SVG export (`export/svg-shapes.ts`) all read, so text does not
 * jump when a note is opened for editing or exported.
 */
import type { Box } from '../engine/geometry/math.ts';
import type { ShapeOf } from '../engine/shape-model.ts';

export const LINE_HEIGHT = 1.25;
export const STICKY_FONT_SIZE = 20;
export const STICKY_PADDING = 14;
export const SHAPE_FONT_SIZE = 18;
export const SHAPE_PADDING = 8;
export const LABEL_FONT_SIZE = 14;
export const LABEL_MAX_WIDTH = 240;
export const LABEL_MAX_LINES = 4;
export const LABEL_PADDING = 4;
export const FRAME_TITLE_SIZE = 14;
export const FRAME_TITLE_INSET = 10;

export type GeometricShape = ShapeOf<'rect'> | ShapeOf<'ellipse'> | ShapeOf<'diamond'>;

export function insetBox(box: Box, by: number): Box {
  return { x: box.x + by, y: box.y + by, w: Math.max(0, box.w - 2 * by), h: Math.max(0, box.h - 2 * by) };
}

/** Where a sticky's text is centred. */
export function stickyTextArea(sticky: Box): Box {
  return insetBox(sticky, STICKY_PADDING);
}

/** The largest box inside the outline, centred, less the padding: where the shape's label goes. */
export function shapeTextArea(shape: GeometricShape): Box {
  const inner = shape.type === 'ellipse' ? Math.SQRT1_2 : shape.type === 'diamond' ? 0.5 : 1;
  const w = shape.w * inner;
  const h = shape.h * inner;
  return insetBox({ x: shape.x + (shape.w - w) / 2, y: shape.y + (shape.h - h) / 2, w, h }, SHAPE_PADDING);
}

/** Lines that fit in `height` at `fontSize`. */
export function linesThatFit(height: number, fontSize: number): number {
  return Math.max(0, Math.floor(height / (fontSize * LINE_HEIGHT)));
}

/** Top of a block of `lineCount` lines centred vertically in `area`. */
export function centredTop(area: Box, lineCount: number, fontSize: number): number {
  return area.y + (area.h - lineCount * fontSize * LINE_HEIGHT) / 2;
}

/** Baseline of a line from its top: half the leading, then roughly the ascent of sans-serif fonts. */
export function baselineOffset(fontSize: number): number {
  return ((LINE_HEIGHT - 1) / 2) * fontSize + 0.8 * fontSize;
}
