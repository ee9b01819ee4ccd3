import type { ShapeOf } from '../../engine/shape-model.ts';
import { geometricPainter } from './geometric.ts';

export const rectPainter = geometricPainter<ShapeOf<'rect'>>((context, { x, y, w, h }) => context.rect(x, y, w, h));
