import type { ShapeOf } from '../shape-model.ts';
import { filledBoxGeometry, type ShapeGeometry } from './shape-geometry.ts';

export const imageGeometry: ShapeGeometry<ShapeOf<'image'>> = filledBoxGeometry();
