import type { Shape, ShapeOf, ShapeType } from '../shape-model.ts';
import { connectorGeometry } from './connector.ts';
import { diamondGeometry } from './diamond.ts';
import { drawGeometry } from './draw.ts';
import { ellipseGeometry } from './ellipse.ts';
import { frameGeometry } from './frame.ts';
import { imageGeometry } from './image.ts';
import type { Box, Point } from './math.ts';
import { rectGeometry } from './rect.ts';
import type { ShapeGeometry, ShapeLookup } from './shape-geometry.ts';
import { stickyGeometry } from './sticky.ts';
import { textGeometry } from './text.ts';

const GEOMETRIES: { readonly [T in ShapeType]: ShapeGeometry<ShapeOf<T>> } = {
  sticky: stickyGeometry,
  text: textGeometry,
  rect: rectGeometry,
  ellipse: ellipseGeometry,
  diamond: diamondGeometry,
  connector: connectorGeometry,
  draw: drawGeometry,
  frame: frameGeometry,
  image: imageGeometry,
};

export function geometryOf<T extends ShapeType>(type: T): ShapeGeometry<ShapeOf<T>> {
  return GEOMETRIES[type];
}

export function shapeBounds(shape: Shape): Box {
  return geometryOf(shape.type).bounds(shape);
}

export function hitTestShape(shape: Shape, point: Point, tolerance: number, lookup: ShapeLookup): boolean {
  return geometryOf(shape.type).hitTest(shape, point, tolerance, lookup);
}

export function shapeIntersectsRect(shape: Shape, rect: Box, lookup: ShapeLookup): boolean {
  return geometryOf(shape.type).intersectsRect(shape, rect, lookup);
}
