/**
 * The world cut into square tiles at zoom levels that are powers of two. A tile of level `k` is
 * rendered once at zoom 2^k and blitted for every camera whose zoom rounds up to that level (so a
 * blit only ever shrinks a tile, by at most half, and text stays crisp); panning moves tiles
 * without redrawing them. Pure arithmetic: the cache and the renderer build on it.
 */
import type { Box, Point } from '../engine/geometry/math.ts';
import type { Camera } from '../engine/camera.ts';

/** Side of a tile in CSS pixels at its own zoom: small enough that an edit redraws little. */
export const TILE_SIZE = 256;
/** The camera's zoom range (2 % – 800 %) rounded up to powers of two. */
export const MIN_LEVEL = -5;
export const MAX_LEVEL = 3;
/** How many coarser levels a missing tile may borrow a blurry stand-in from. */
const FALLBACK_LEVELS_UP = 3;
/** A zoom within this ratio above a level stays on it: 1.0000001 is still 100 %. */
const LEVEL_EPSILON = 1e-9;

export interface TileCoord {
  readonly level: number;
  readonly tx: number;
  readonly ty: number;
}

/** Inclusive ranges of tile columns and rows. */
export interface TileRange {
  readonly level: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A rectangle in whole device pixels. */
export interface PixelRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Part of one tile drawn into part of another's place; both rectangles in 0–1 units of their tile. */
export interface TilePiece {
  readonly source: TileCoord;
  readonly from: Box;
  readonly to: Box;
}

/** The level whose tiles a camera at `zoom` shows: the smallest power of two not below it. */
export function tileLevel(zoom: number): number {
  const level = Math.ceil(Math.log2(zoom) - LEVEL_EPSILON);
  // `+ 0` turns the -0 that zoom 1 gives into 0.
  return Math.min(MAX_LEVEL, Math.max(MIN_LEVEL, level)) + 0;
}

export function levelZoom(level: number): number {
  return 2 ** level;
}

/** World units covered by one side of a tile of `level`. */
export function tileWorldSize(level: number): number {
  return TILE_SIZE / levelZoom(level);
}

/** Pixels per side of a tile's bitmap on a screen of `dpr` device pixels per CSS pixel. */
export function tilePixels(dpr: number): number {
  return Math.max(1, Math.round(TILE_SIZE * dpr));
}

export function tileKey({ level, tx, ty }: TileCoord): string {
  return `${level}/${tx}/${ty}`;
}

export function tileBox({ level, tx, ty }: TileCoord): Box {
  const size = tileWorldSize(level);
  return { x: tx * size, y: ty * size, w: size, h: size };
}

/** The tiles of `level` that `rect` touches. */
export function tileRange(rect: Box, level: number): TileRange {
  const size = tileWorldSize(level);
  return {
    level,
    x0: Math.floor(rect.x / size),
    y0: Math.floor(rect.y / size),
    x1: Math.floor((rect.x + rect.w) / size),
    y1: Math.floor((rect.y + rect.h) / size),
  };
}

export function rangeSize(range: TileRange): number {
  return (range.x1 - range.x0 + 1) * (range.y1 - range.y0 + 1);
}

/** Every tile of the range, nearest to `centre` (world units) first: what the eye looks at renders first. */
export function tilesNearestFirst(range: TileRange, centre: Point): TileCoord[] {
  const size = tileWorldSize(range.level);
  const tiles: { coord: TileCoord; distance: number }[] = [];
  for (let tx = range.x0; tx <= range.x1; tx++) {
    for (let ty = range.y0; ty <= range.y1; ty++) {
      const distance = Math.hypot((tx + 0.5) * size - centre.x, (ty + 0.5) * size - centre.y);
      tiles.push({ coord: { level: range.level, tx, ty }, distance });
    }
  }
  return tiles.sort((a, b) => a.distance - b.distance).map((tile) => tile.coord);
}

/** The range grown by `margin` tiles on every side (tiles rendered ahead of a pan). */
export function growRange(range: TileRange, margin: number): TileRange {
  return { level: range.level, x0: range.x0 - margin, y0: range.y0 - margin, x1: range.x1 + margin, y1: range.y1 + margin };
}

/**
 * Where a tile lands on the canvas, in device pixels. Every edge is rounded from the same origin,
 * so neighbours share their edges exactly (no seams) and, at the tile's own zoom, every tile is
 * blitted pixel for pixel.
 */
export function tileScreenRect(coord: TileCoord, camera: Camera, dpr: number): PixelRect {
  const size = tileWorldSize(coord.level);
  const scale = camera.zoom * dpr;
  const edge = (index: number, origin: number) => Math.round(index * size * scale - origin * scale);
  const x = edge(coord.tx, camera.x);
  const y = edge(coord.ty, camera.y);
  return { x, y, w: edge(coord.tx + 1, camera.x) - x, h: edge(coord.ty + 1, camera.y) - y };
}

/**
 * What may stand in for a tile not rendered yet, best first: each group covers the tile's place,
 * from its four children one level finer (sharp) or from an ancestor up to three levels coarser
 * (blurry, but never a hole).
 */
export function standIns(coord: TileCoord): TilePiece[][] {
  const groups: TilePiece[][] = [];
  if (coord.level < MAX_LEVEL) {
    const children: TilePiece[] = [];
    for (const [dx, dy] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ] as const) {
      const source = { level: coord.level + 1, tx: coord.tx * 2 + dx, ty: coord.ty * 2 + dy };
      children.push({ source, from: { x: 0, y: 0, w: 1, h: 1 }, to: { x: dx / 2, y: dy / 2, w: 0.5, h: 0.5 } });
    }
    groups.push(children);
  }
  for (let up = 1; up <= FALLBACK_LEVELS_UP && coord.level - up >= MIN_LEVEL; up++) {
    const split = 2 ** up;
    const source = { level: coord.level - up, tx: Math.floor(coord.tx / split), ty: Math.floor(coord.ty / split) };
    const from = { x: (coord.tx - source.tx * split) / split, y: (coord.ty - source.ty * split) / split, w: 1 / split, h: 1 / split };
    groups.push([{ source, from, to: { x: 0, y: 0, w: 1, h: 1 } }]);
  }
  return groups;
}
