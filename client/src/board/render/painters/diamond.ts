import { diamondOutline } from '../../engine/geometry/diamond.ts';
import type { ShapeOf } from '../../engine/shape-model.ts';
import { geometricPainter } from './geometric.ts';

export const diamondPainter = geometricPainter<ShapeOf<'diamond'>>((context, box) => {
  const [first, ...rest] = diamondOutline(box);
  if (first === undefined) return;
  context.moveTo(first.x, first.y);
  for (const point of rest) context.lineTo(point.x, point.y);
  context.closePath();
});
