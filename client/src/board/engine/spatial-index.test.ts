import { describe, expect, it } from 'vitest';
import { boxesIntersect, type Box } from './geometry/math.ts';
import { SpatialIndex } from './spatial-index.ts';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBox(next: () => number): Box {
  // Mostly sticky-sized shapes, a few very large ones (frames around everything).
  const large = next() < 0.005;
  return {
    x: (next() - 0.5) * 40_000,
    y: (next() - 0.5) * 40_000,
    w: large ? next() * 30_000 : next() * 400,
    h: large ? next() * 30_000 : next() * 400,
  };
}

function bruteForce(boxes: Map<string, Box>, rect: Box): string[] {
  return [...boxes].filter(([, box]) => boxesIntersect(box, rect)).map(([id]) => id).sort();
}

describe('SpatialIndex', () => {
  it('answers like brute force over 20,000 boxes, through inserts, updates and removals', () => {
    const next = random(42);
    const index = new SpatialIndex();
    const boxes = new Map<string, Box>();
    for (let i = 0; i < 20_000; i++) {
      const box = randomBox(next);
      boxes.set(`s${i}`, box);
      index.set(`s${i}`, box);
    }
    for (let i = 0; i < 5_000; i++) {
      const id = `s${Math.floor(next() * 20_000)}`;
      if (next() < 0.2) {
        boxes.delete(id);
        index.remove(id);
      } else {
        const box = randomBox(next);
        boxes.set(id, box);
        index.set(id, box);
      }
    }
    expect(index.size).toBe(boxes.size);
    const queries: Box[] = [
      // A viewport at 100 %, at 10 %, at 2 %, a point, and nothing.
      { x: 0, y: 0, w: 1920, h: 1080 },
      { x: -9_000, y: -5_000, w: 19_200, h: 10_800 },
      { x: -48_000, y: -27_000, w: 96_000, h: 54_000 },
      { x: 123, y: -456, w: 0, h: 0 },
      { x: 1e6, y: 1e6, w: 10, h: 10 },
    ];
    for (let i = 0; i < 50; i++) queries.push({ x: (next() - 0.5) * 40_000, y: (next() - 0.5) * 40_000, w: next() * 3_000, h: next() * 3_000 });
    // Joined, because a deep comparison of 20,000-element arrays takes seconds.
    for (const rect of queries) expect(index.query(rect).sort().join()).toBe(bruteForce(boxes, rect).join());
  });

  it('moves a shape out of its old cells', () => {
    const index = new SpatialIndex(100);
    index.set('a', { x: 0, y: 0, w: 10, h: 10 });
    index.set('a', { x: 500, y: 500, w: 10, h: 10 });
    expect(index.query({ x: 0, y: 0, w: 50, h: 50 })).toEqual([]);
    expect(index.query({ x: 490, y: 490, w: 50, h: 50 })).toEqual(['a']);
  });

  it('updates the box of a shape that stays in the same cells', () => {
    const index = new SpatialIndex(100);
    index.set('a', { x: 0, y: 0, w: 10, h: 10 });
    index.set('a', { x: 50, y: 50, w: 10, h: 10 });
    expect(index.query({ x: 0, y: 0, w: 20, h: 20 })).toEqual([]);
    expect(index.query({ x: 55, y: 55, w: 1, h: 1 })).toEqual(['a']);
  });

  it('keeps huge shapes out of the grid and still finds them', () => {
    const index = new SpatialIndex(100, 4);
    index.set('huge', { x: -5_000, y: -5_000, w: 10_000, h: 10_000 });
    index.set('small', { x: 10, y: 10, w: 10, h: 10 });
    expect(index.query({ x: 0, y: 0, w: 5, h: 5 })).toEqual(['huge']);
    index.set('huge', { x: 0, y: 0, w: 10, h: 10 });
    expect(index.query({ x: 0, y: 0, w: 5, h: 5 })).toEqual(['huge']);
    index.remove('huge');
    index.remove('missing');
    expect(index.query({ x: -10, y: -10, w: 100, h: 100 })).toEqual(['small']);
    expect(index.size).toBe(1);
  });

  it('answers a viewport query on 20,000 shapes without scanning them all', () => {
    const next = random(7);
    const index = new SpatialIndex();
    for (let i = 0; i < 20_000; i++) index.set(`s${i}`, randomBox(next));
    const started = performance.now();
    for (let frame = 0; frame < 100; frame++) index.query({ x: frame * 10, y: 0, w: 1920, h: 1080 });
    // 100 frames of culling must fit well within one second even on a slow CI machine.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
