import type { Sticky } from '../shape-model.ts';
import { filledBoxGeometry, type ShapeGeometry } from './shape-geometry.ts';

export const STICKY_SIZE = 200;

export const stickyGeometry: ShapeGeometry<Sticky> = filledBoxGeometry();
