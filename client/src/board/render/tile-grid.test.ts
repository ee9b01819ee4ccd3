import { describe, expect, it } from 'vitest';
import {
  MAX_LEVEL,
  MIN_LEVEL,
  standIns,
  tileBox,
  tileLevel,
  tilePixels,
  tileRange,
  tileScreenRect,
  tilesNearestFirst,
  tileWorldSize,
  TILE_SIZE,
} from './tile-grid.ts';

describe('tileLevel', () => {
  it('rounds the zoom up to a power of two, so blits only shrink', () => {
    expect(tileLevel(1)).toBe(0);
    expect(tileLevel(1 + 1e-12)).toBe(0);
    expect(tileLevel(0.75)).toBe(0);
    expect(tileLevel(0.5)).toBe(-1);
    expect(tileLevel(0.3)).toBe(-1);
    expect(tileLevel(1.5)).toBe(1);
    expect(tileLevel(0.0987)).toBe(-3);
  });

  it('stays within the camera’s zoom range', () => {
    expect(tileLevel(0.02)).toBe(MIN_LEVEL);
    expect(tileLevel(0.001)).toBe(MIN_LEVEL);
    expect(tileLevel(8)).toBe(MAX_LEVEL);
    expect(tileLevel(100)).toBe(MAX_LEVEL);
  });
});

describe('tile geometry', () => {
  it('covers more world per tile at lower levels', () => {
    expect(tileWorldSize(0)).toBe(TILE_SIZE);
    expect(tileWorldSize(-3)).toBe(TILE_SIZE * 8);
    expect(tileBox({ level: -1, tx: -1, ty: 2 })).toEqual({ x: -512, y: 1024, w: 512, h: 512 });
  });

  it('lists the tiles a rectangle touches, negative coordinates included', () => {
    expect(tileRange({ x: -10, y: 0, w: 300, h: 10 }, 0)).toEqual({ level: 0, x0: -1, y0: 0, x1: 1, y1: 0 });
  });

  it('sizes tile bitmaps in device pixels', () => {
    expect(tilePixels(1)).toBe(256);
    expect(tilePixels(2)).toBe(512);
    expect(tilePixels(1.25)).toBe(320);
  });

  it('orders tiles from the centre out', () => {
    const order = tilesNearestFirst({ level: 0, x0: 0, y0: 0, x1: 2, y1: 0 }, { x: 384, y: 128 });
    expect(order[0]).toEqual({ level: 0, tx: 1, ty: 0 });
    expect(order).toHaveLength(3);
  });
});

describe('tileScreenRect', () => {
  it('blits pixel for pixel at the tile’s own zoom, even from a fractional camera', () => {
    const camera = { x: 10.3, y: -4.7, zoom: 1 };
    const a = tileScreenRect({ level: 0, tx: 0, ty: 0 }, camera, 2);
    const b = tileScreenRect({ level: 0, tx: 1, ty: 0 }, camera, 2);
    expect(a.w).toBe(512);
    expect(a.h).toBe(512);
    expect(b.x).toBe(a.x + a.w);
  });

  it('leaves no seam between neighbours when scaled', () => {
    const camera = { x: 3.21, y: 7.7, zoom: 0.731 };
    for (let tx = -3; tx < 3; tx++) {
      const left = tileScreenRect({ level: 0, tx, ty: 0 }, camera, 1.5);
      const right = tileScreenRect({ level: 0, tx: tx + 1, ty: 0 }, camera, 1.5);
      expect(right.x).toBe(left.x + left.w);
    }
  });
});

describe('standIns', () => {
  it('offers the four children first, then ever coarser ancestors', () => {
    const groups = standIns({ level: 0, tx: 3, ty: -1 });
    expect(groups[0]?.map((piece) => piece.source)).toEqual([
      { level: 1, tx: 6, ty: -2 },
      { level: 1, tx: 7, ty: -2 },
      { level: 1, tx: 6, ty: -1 },
      { level: 1, tx: 7, ty: -1 },
    ]);
    expect(groups[1]).toEqual([{ source: { level: -1, tx: 1, ty: -1 }, from: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 }, to: { x: 0, y: 0, w: 1, h: 1 } }]);
    expect(groups[3]?.[0]?.source).toEqual({ level: -3, tx: 0, ty: -1 });
    expect(groups[3]?.[0]?.from).toEqual({ x: 3 / 8, y: 7 / 8, w: 1 / 8, h: 1 / 8 });
  });

  it('has no finer tiles at the highest level and no coarser ones at the lowest', () => {
    expect(standIns({ level: MAX_LEVEL, tx: 0, ty: 0 })).toHaveLength(3);
    expect(standIns({ level: MIN_LEVEL, tx: 0, ty: 0 })).toHaveLength(1);
  });
});
