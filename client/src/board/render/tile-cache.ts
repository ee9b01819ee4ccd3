/**
 * Rendered tiles, by level and position: which are up to date, which an edit made stale, and
 * which to drop when there are too many. A stale tile keeps its pixels: it stands in (a frame
 * late) until it is rendered again, rather than leaving a hole.
 */
import { boxesIntersect, type Box } from '../engine/geometry/math.ts';
import type { Lod } from './lod.ts';
import { rangeSize, tileBox, tileKey, tileRange, type TileCoord } from './tile-grid.ts';

export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A tile's bitmap and the context that draws into it. */
export interface TileSurface {
  readonly canvas: CanvasImageSource;
  readonly context: Context2D;
}

/** Makes a square surface of `pixels` device pixels per side. */
export type CreateSurface = (pixels: number) => TileSurface;

export type TileState = 'fresh' | 'stale' | 'missing';

interface Tile {
  readonly coord: TileCoord;
  /** None for a tile with nothing on it: most of the view, zoomed out around a board. */
  surface: TileSurface | null;
  lod: Lod;
  fresh: boolean;
  lastUsed: number;
}

/** Surfaces kept for reuse after eviction: allocating a bitmap costs more than clearing one. */
const MAX_SPARE_SURFACES = 16;

export class TileCache {
  private readonly tiles = new Map<string, Tile>();
  private readonly keysByLevel = new Map<number, Set<string>>();
  private spare: TileSurface[] = [];
  private clock = 0;

  constructor(
    private readonly createSurface: CreateSurface,
    private pixels: number,
    /** How many tiles to keep; the renderer sets it from the viewport. */
    public capacity: number,
  ) {}

  get size(): number {
    return this.tiles.size;
  }

  /** Fresh: rendered at this level of detail since the last change under it. */
  state(coord: TileCoord, lod: Lod): TileState {
    const tile = this.tiles.get(tileKey(coord));
    if (tile === undefined) return 'missing';
    return tile.fresh && tile.lod === lod ? 'fresh' : 'stale';
  }

  /**
   * The tile's bitmap, fresh or not, marked as just used: null when the tile has nothing on it,
   * undefined when it was never rendered.
   */
  use(coord: TileCoord): CanvasImageSource | null | undefined {
    const tile = this.tiles.get(tileKey(coord));
    if (tile === undefined) return undefined;
    tile.lastUsed = this.clock;
    return tile.surface?.canvas ?? null;
  }

  /** Renders the tile with `draw` (into a cleared surface), or as empty without one, and marks it fresh. */
  render(coord: TileCoord, lod: Lod, draw: ((context: Context2D) => void) | null): void {
    const key = tileKey(coord);
    let tile = this.tiles.get(key);
    if (tile === undefined) {
      tile = { coord, surface: null, lod, fresh: false, lastUsed: this.clock };
      this.tiles.set(key, tile);
      this.levelKeys(coord.level).add(key);
    }
    if (draw === null) {
      this.release(tile.surface);
      tile.surface = null;
    } else {
      tile.surface ??= this.spare.pop() ?? this.createSurface(this.pixels);
      const { context } = tile.surface;
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, this.pixels, this.pixels);
      draw(context);
    }
    tile.lod = lod;
    tile.fresh = true;
    tile.lastUsed = this.clock;
  }

  /** Marks stale every tile, at any level, that one of `rects` (world units) touches. */
  invalidate(rects: readonly Box[]): void {
    for (const [level, keys] of this.keysByLevel) {
      for (const rect of rects) {
        const range = tileRange(rect, level);
        if (rangeSize(range) <= keys.size) {
          for (let tx = range.x0; tx <= range.x1; tx++) {
            for (let ty = range.y0; ty <= range.y1; ty++) this.markStale(tileKey({ level, tx, ty }));
          }
        } else {
          for (const key of keys) {
            const tile = this.tiles.get(key);
            if (tile !== undefined && boxesIntersect(tileBox(tile.coord), rect)) tile.fresh = false;
          }
        }
      }
    }
  }

  invalidateAll(): void {
    for (const tile of this.tiles.values()) tile.fresh = false;
  }

  /** Drops every tile: their bitmaps no longer match the screen's pixel density. */
  reset(pixels: number): void {
    this.tiles.clear();
    this.keysByLevel.clear();
    this.spare = [];
    this.pixels = pixels;
  }

  /** Starts a new frame: tiles used from now on count as more recent than those used before. */
  nextFrame(): void {
    this.clock++;
  }

  /** Drops the least recently used tiles beyond `capacity`, never one used this frame. */
  evict(): void {
    if (this.tiles.size <= this.capacity) return;
    const candidates = [...this.tiles.entries()].filter(([, tile]) => tile.lastUsed < this.clock).sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [key, tile] of candidates.slice(0, this.tiles.size - this.capacity)) {
      this.tiles.delete(key);
      this.keysByLevel.get(tile.coord.level)?.delete(key);
      this.release(tile.surface);
    }
  }

  private release(surface: TileSurface | null): void {
    if (surface !== null && this.spare.length < MAX_SPARE_SURFACES) this.spare.push(surface);
  }

  private markStale(key: string): void {
    const tile = this.tiles.get(key);
    if (tile !== undefined) tile.fresh = false;
  }

  private levelKeys(level: number): Set<string> {
    let keys = this.keysByLevel.get(level);
    if (keys === undefined) {
      keys = new Set();
      this.keysByLevel.set(level, keys);
    }
    return keys;
  }
}
