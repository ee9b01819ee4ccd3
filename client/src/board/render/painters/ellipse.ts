import type { ShapeOf } from '../../engine/shape-model.ts';
import { geometricPainter } from './geometric.ts';

export const ellipsePainter = geometricPainter<ShapeOf<'ellipse'>>((context, { x, y, w, h }) =>
  context.ellipse(x + w / 2, y + h / 2, w / 2, h / 2, 0, 0, 2 * Math.PI),
);
