import type { ShapeOf } from '../shape-model.ts';
import { filledBoxGeometry, type ShapeGeometry } from './shape-geometry.ts';

/** A text box is hit anywhere inside, not only on its glyphs: small text would be impossible to grab. */
export const textGeometry: ShapeGeometry<ShapeOf<'text'>> = filledBoxGeometry();
