import type { ShapeOf } from '../shape-model.ts';
import { filledBoxGeometry, type ShapeGeometry } from './shape-geometry.ts';

/** Hit inside even without fill: geometric shapes carry a label, which is clicked in the middle. */
export const rectGeometry: ShapeGeometry<ShapeOf<'rect'>> = filledBoxGeometry();
