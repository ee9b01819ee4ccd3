/** One painter per shape type, and the two things the renderer asks of any shape. */
import type { Box } from '../../engine/geometry/math.ts';
import type { Shape, ShapeOf, ShapeType } from '../../engine/shape-model.ts';
import { paintMarks } from '../far-marks.ts';
import type { Context2D } from '../tile-cache.ts';
import { connectorPainter } from './connector.ts';
import { diamondPainter } from './diamond.ts';
import { drawPainter } from './draw.ts';
import { ellipsePainter } from './ellipse.ts';
import { framePainter } from './frame.ts';
import { imagePainter } from './image.ts';
import type { BoundsEnv, PaintEnv, Painter } from './painter.ts';
import { rectPainter } from './rect.ts';
import { stickyPainter } from './sticky.ts';
import { textPainter } from './text.ts';

const PAINTERS: { readonly [T in ShapeType]: Painter<ShapeOf<T>> } = {
  sticky: stickyPainter,
  text: textPainter,
  rect: rectPainter,
  ellipse: ellipsePainter,
  diamond: diamondPainter,
  connector: connectorPainter,
  draw: drawPainter,
  frame: framePainter,
  image: imagePainter,
};

function painterOf<T extends ShapeType>(type: T): Painter<ShapeOf<T>> {
  return PAINTERS[type];
}

/** Paints shapes bottom to top; from far away, as batched marks. */
export function paintShapes(context: Context2D, shapes: readonly Shape[], env: PaintEnv): void {
  if (env.lod === 'minimal') paintMarks(context, shapes.flatMap((shape) => painterOf(shape.type).far(shape, env)), env.pixel);
  else for (const shape of shapes) painterOf(shape.type).paint(context, shape, env);
}

/** The box the shape's drawing stays within, in world units. */
export function paintedBounds(shape: Shape, env: BoundsEnv): Box {
  return painterOf(shape.type).bounds(shape, env);
}
