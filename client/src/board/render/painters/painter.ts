/**
 * What every painter gets and gives. A painter draws one shape type in world units (the caller
 * has set the transform) at a level of detail, and says which box its drawing stays within, so
 * that a change redraws exactly the tiles it touched.
 */
import type { Box } from '../../engine/geometry/math.ts';
import type { ShapeLookup } from '../../engine/geometry/shape-geometry.ts';
import type { Shape } from '../../engine/shape-model.ts';
import type { Mark } from '../far-marks.ts';
import type { Lod } from '../lod.ts';
import type { TextLayouts } from '../text-layout.ts';
import type { Context2D } from '../tile-cache.ts';

/** Decoded images by asset hash; null while one loads or when it could not be had. */
export interface ImageSource {
  get(asset: string): CanvasImageSource | null;
}

export interface PaintEnv {
  /** 'full' or 'simple': from farther away, `far` is asked instead of `paint`. */
  readonly lod: Lod;
  /** Shapes as shown (drag previews applied), for the ends of connectors. */
  readonly lookup: ShapeLookup;
  readonly text: TextLayouts;
  readonly images: ImageSource;
  /** World units per device pixel: the thinnest line that still shows. */
  readonly pixel: number;
}

/** What the painted box depends on besides the shape. */
export type BoundsEnv = Pick<PaintEnv, 'lookup' | 'text'>;

export interface Painter<S extends Shape> {
  /** Draws the shape at the full or simple level of detail. */
  paint(context: Context2D, shape: S, env: PaintEnv): void;
  /** The shape seen from far away: rectangles and segments, batched with its neighbours'. */
  far(shape: S, env: BoundsEnv): readonly Mark[];
  bounds(shape: S, env: BoundsEnv): Box;
}
