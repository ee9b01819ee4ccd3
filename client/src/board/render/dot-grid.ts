/**
 * The dotted paper under the shapes: one opaque pattern fill per frame, whatever the zoom, rather
 * than a fill of the background and a call per dot. Dots thin out by fours as the view zooms out
 * so they never turn into a grey haze.
 */
import type { Camera } from '../engine/camera.ts';
import type { Context2D } from './tile-cache.ts';

/** Spacing of the dots at 100 %, in world units. */
const SPACING = 24;
/** Closest dots may come on screen, in device pixels. */
const MIN_GAP_PX = 14;
const DOT_COLOR = '#c9d1cf';

/** World spacing of the dots at `zoom`: SPACING times a power of four. */
export function dotSpacing(zoom: number, dpr: number): number {
  let spacing = SPACING;
  while (spacing * zoom * dpr < MIN_GAP_PX) spacing *= 4;
  return spacing;
}

export class DotGrid {
  private pattern: { gap: number; pattern: CanvasPattern } | null = null;

  constructor(private readonly background: string) {}

  draw(context: Context2D, camera: Camera, widthPx: number, heightPx: number, dpr: number): void {
    const spacing = dotSpacing(camera.zoom, dpr);
    const gap = Math.round(spacing * camera.zoom * dpr);
    const pattern = this.patternFor(context, gap, dpr);
    if (pattern === null) return;
    const offset = (world: number) => (((-world * camera.zoom * dpr) % gap) + gap) % gap;
    pattern.setTransform(new DOMMatrix([1, 0, 0, 1, offset(camera.x), offset(camera.y)]));
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = pattern;
    context.fillRect(0, 0, widthPx, heightPx);
  }

  private patternFor(context: Context2D, gap: number, dpr: number): CanvasPattern | null {
    if (this.pattern?.gap === gap) return this.pattern.pattern;
    const tile = new OffscreenCanvas(gap, gap);
    const tileContext = tile.getContext('2d');
    if (tileContext === null) return null;
    const radius = Math.max(1, dpr);
    tileContext.fillStyle = this.background;
    tileContext.fillRect(0, 0, gap, gap);
    tileContext.fillStyle = DOT_COLOR;
    tileContext.fillRect(0, 0, radius, radius);
    const pattern = context.createPattern(tile, 'repeat');
    this.pattern = pattern === null ? null : { gap, pattern };
    return pattern;
  }
}
