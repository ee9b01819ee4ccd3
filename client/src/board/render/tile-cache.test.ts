import { describe, expect, it } from 'vitest';
import { TileCache, type Context2D, type TileSurface } from './tile-cache.ts';

/** Surfaces that record what was done to them, numbered in creation order. */
function fakeSurfaces() {
  const created: { id: number; calls: string[] }[] = [];
  const create = (pixels: number): TileSurface => {
    const record = { id: created.length, calls: [] as string[] };
    created.push(record);
    const context = {
      setTransform: () => record.calls.push('setTransform'),
      clearRect: (_x: number, _y: number, w: number) => record.calls.push(`clear ${w}`),
    } as unknown as Context2D;
    return { canvas: { id: record.id, pixels } as unknown as CanvasImageSource, context };
  };
  return { created, create };
}

const A = { level: 0, tx: 0, ty: 0 };
const B = { level: 0, tx: 1, ty: 0 };
const far = { level: 0, tx: 40, ty: 40 };

describe('TileCache', () => {
  it('renders a tile into a cleared surface and then has it fresh', () => {
    const { created, create } = fakeSurfaces();
    const cache = new TileCache(create, 256, 10);
    expect(cache.state(A, 'full')).toBe('missing');
    let drawn = 0;
    cache.render(A, 'full', () => drawn++);
    expect(drawn).toBe(1);
    expect(created[0]?.calls).toEqual(['setTransform', 'clear 256']);
    expect(cache.state(A, 'full')).toBe('fresh');
    expect(cache.state(A, 'simple')).toBe('stale');
  });

  it('marks stale only the tiles a change touches, at every level', () => {
    const { create } = fakeSurfaces();
    const cache = new TileCache(create, 256, 10);
    const coarse = { level: -2, tx: 0, ty: 0 };
    for (const coord of [A, B, far, coarse]) cache.render(coord, 'full', () => {});
    cache.invalidate([{ x: 300, y: 10, w: 20, h: 20 }]);
    expect(cache.state(A, 'full')).toBe('fresh');
    expect(cache.state(B, 'full')).toBe('stale');
    expect(cache.state(far, 'full')).toBe('fresh');
    expect(cache.state(coarse, 'full')).toBe('stale');
  });

  it('handles changes larger than the cache by checking each tile', () => {
    const { create } = fakeSurfaces();
    const cache = new TileCache(create, 256, 10);
    cache.render(A, 'full', () => {});
    cache.render(far, 'full', () => {});
    cache.invalidate([{ x: -100_000, y: -100_000, w: 100_050, h: 100_050 }]);
    expect(cache.state(A, 'full')).toBe('stale');
    expect(cache.state(far, 'full')).toBe('fresh');
  });

  it('keeps the pixels of a stale tile to stand in until it is rendered again', () => {
    const { create } = fakeSurfaces();
    const cache = new TileCache(create, 256, 10);
    cache.render(A, 'full', () => {});
    cache.invalidateAll();
    expect(cache.use(A)).toBeDefined();
    expect(cache.use(B)).toBeUndefined();
  });

  it('evicts the least recently used tiles, never one used this frame, and reuses their surfaces', () => {
    const { created, create } = fakeSurfaces();
    const cache = new TileCache(create, 256, 2);
    cache.render(A, 'full', () => {});
    cache.nextFrame();
    cache.render(B, 'full', () => {});
    cache.nextFrame();
    cache.render(far, 'full', () => {});
    cache.use(B);
    cache.evict();
    expect(cache.size).toBe(2);
    expect(cache.state(A, 'full')).toBe('missing');
    cache.render({ level: 0, tx: 9, ty: 9 }, 'full', () => {});
    expect(created).toHaveLength(3);
  });

  it('keeps no bitmap for a tile with nothing on it, and gives its surface to the next', () => {
    const { created, create } = fakeSurfaces();
    const cache = new TileCache(create, 256, 10);
    cache.render(A, 'full', () => {});
    cache.render(A, 'full', null);
    expect(cache.state(A, 'full')).toBe('fresh');
    expect(cache.use(A)).toBeNull();
    cache.render(B, 'full', () => {});
    expect(created).toHaveLength(1);
  });

  it('drops everything when the pixel density changes', () => {
    const { create } = fakeSurfaces();
    const cache = new TileCache(create, 256, 10);
    cache.render(A, 'full', () => {});
    cache.reset(512);
    expect(cache.state(A, 'full')).toBe('missing');
  });
});
