import { describe, expect, it } from 'vitest';
import { shapesAt, shapesInMarquee, topShapeAt } from './hit-test.ts';
import { Scene } from './scene.ts';
import { MemoryBoard } from './testing/memory-board.ts';
import { makeShape } from './testing/shapes.ts';

/** Bottom to top: a frame, a rectangle in it, a locked note over the rectangle, an arrow. */
function board(): Scene {
  return new Scene(
    new MemoryBoard([
      makeShape('frame', { id: 'frame', x: 0, y: 0, w: 1000, h: 1000, z: 'a0' }),
      makeShape('rect', { id: 'rect', x: 100, y: 100, w: 200, h: 200, z: 'a1', parent: 'frame' }),
      makeShape('sticky', { id: 'locked', x: 150, y: 150, w: 100, h: 100, z: 'a2', locked: true }),
      makeShape('connector', { id: 'arrow', x: 100, y: 400, w: 300, h: 0, z: 'a3', start: { kind: 'point', x: 100, y: 400 }, end: { kind: 'point', x: 400, y: 400 } }),
    ]),
  );
}

describe('shapesAt and topShapeAt', () => {
  it('lists every shape under a point topmost first, locked included', () => {
    expect(shapesAt(board(), { x: 200, y: 200 }, 4).map((s) => s.id)).toEqual(['locked', 'rect']);
  });

  it('clicks through locked shapes to the topmost unlocked one', () => {
    expect(topShapeAt(board(), { x: 200, y: 200 }, 4)?.id).toBe('rect');
  });

  it('misses the empty inside of a frame but hits its border', () => {
    expect(topShapeAt(board(), { x: 700, y: 700 }, 4)).toBeNull();
    expect(topShapeAt(board(), { x: 2, y: 700 }, 4)?.id).toBe('frame');
  });

  it('hits a connector near its line and lets a filter skip shapes', () => {
    expect(topShapeAt(board(), { x: 250, y: 403 }, 4)?.id).toBe('arrow');
    expect(topShapeAt(board(), { x: 250, y: 403 }, 4, (s) => s.type !== 'connector')).toBeNull();
  });
});

describe('shapesInMarquee', () => {
  it('takes the unlocked shapes wholly inside, bottom to top', () => {
    expect(shapesInMarquee(board(), { x: 50, y: 50, w: 400, h: 400 }, 'contain').map((s) => s.id)).toEqual(['rect', 'arrow']);
    expect(shapesInMarquee(board(), { x: 50, y: 50, w: 100, h: 100 }, 'contain')).toEqual([]);
  });

  it('takes what it touches in touch mode, by the drawing rather than the box', () => {
    expect(shapesInMarquee(board(), { x: 250, y: 250, w: 300, h: 100 }, 'touch').map((s) => s.id)).toEqual(['rect']);
    expect(shapesInMarquee(board(), { x: 250, y: 380, w: 10, h: 40 }, 'touch').map((s) => s.id)).toEqual(['arrow']);
  });
});
