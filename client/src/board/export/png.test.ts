import { describe, expect, it } from 'vitest';
import { rasterSize } from './png.ts';

describe('rasterSize', () => {
  it('scales the SVG size', () => {
    expect(rasterSize({ w: 800, h: 600 }, 2)).toEqual({ width: 1600, height: 1200, scale: 2 });
  });

  it('caps the longest side', () => {
    expect(rasterSize({ w: 10_000, h: 100 }, 2, { maxSide: 5000, maxPixels: Infinity })).toEqual({ width: 5000, height: 50, scale: 0.5 });
  });

  it('caps the number of pixels, keeping the aspect', () => {
    const { width, height } = rasterSize({ w: 4000, h: 4000 }, 2, { maxSide: 100_000, maxPixels: 1_000_000 });
    expect(width).toBe(1000);
    expect(height).toBe(1000);
  });

  it('stays within the default limits for a huge board', () => {
    const { width, height } = rasterSize({ w: 50_000, h: 30_000 }, 2);
    expect(Math.max(width, height)).toBeLessThanOrEqual(8192);
    expect(width * height).toBeLessThanOrEqual(16_777_216);
  });

  it('gives at least one pixel for an empty area', () => {
    expect(rasterSize({ w: 0, h: 0 }, 2)).toMatchObject({ width: 2, height: 2 });
    expect(rasterSize({ w: 0.1, h: 0.1 }, 1)).toMatchObject({ width: 1, height: 1 });
  });
});
