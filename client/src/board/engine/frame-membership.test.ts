import { describe, expect, it } from 'vitest';
import { adoptedByNewFrame, containingFrame, movableIds, reparentAfterMove, withFrameContents } from './frame-membership.ts';
import { Scene } from './scene.ts';
import { MemoryBoard } from './testing/memory-board.ts';
import { makeShape } from './testing/shapes.ts';

function scene(): Scene {
  return new Scene(
    new MemoryBoard([
      makeShape('frame', { id: 'left', x: 0, y: 0, w: 500, h: 500, z: 'a0' }),
      makeShape('frame', { id: 'nested', x: 50, y: 50, w: 200, h: 200, z: 'a1', parent: 'left' }),
      makeShape('frame', { id: 'right', x: 1000, y: 0, w: 500, h: 500, z: 'a2' }),
      makeShape('sticky', { id: 'inside', x: 100, y: 100, w: 100, h: 100, parent: 'nested', z: 'a3' }),
      makeShape('sticky', { id: 'loose', x: 600, y: 100, w: 100, h: 100, z: 'a4' }),
      makeShape('sticky', { id: 'locked', x: 300, y: 300, w: 10, h: 10, z: 'a5', locked: true, parent: 'left' }),
      makeShape('connector', { id: 'arrow', x: 10, y: 10, w: 10, h: 10, z: 'a6' }),
    ]),
  );
}

describe('containingFrame', () => {
  it('picks the smallest larger frame around the centre', () => {
    expect(containingFrame(scene(), { x: 120, y: 120, w: 10, h: 10 }, null)?.id).toBe('nested');
    expect(containingFrame(scene(), { x: 400, y: 400, w: 10, h: 10 }, null)?.id).toBe('left');
    expect(containingFrame(scene(), { x: 700, y: 50, w: 10, h: 10 }, null)).toBeNull();
    // A frame larger than the shape only.
    expect(containingFrame(scene(), { x: 0, y: 0, w: 300, h: 300 }, null)?.id).toBe('left');
  });

  it('never puts a frame into itself or its own content, and skips excluded frames', () => {
    expect(containingFrame(scene(), { x: 60, y: 60, w: 100, h: 100 }, 'left')).toBeNull();
    expect(containingFrame(scene(), { x: 120, y: 120, w: 10, h: 10 }, null, new Set(['nested']))?.id).toBe('left');
  });

  it('settles equal frames by id, so every peer agrees', () => {
    const twins = new Scene(
      new MemoryBoard([makeShape('frame', { id: 'b', w: 100, h: 100 }), makeShape('frame', { id: 'a', w: 100, h: 100 })]),
    );
    expect(containingFrame(twins, { x: 40, y: 40, w: 10, h: 10 }, null)?.id).toBe('a');
  });
});

describe('frame content', () => {
  it('takes into a new frame the smaller unlocked shapes centred inside whose frame is larger', () => {
    const ids = adoptedByNewFrame(scene(), { x: -10, y: -10, w: 300, h: 300 }).map((s) => s.id).sort();
    expect(ids).toEqual(['nested']);
    expect(adoptedByNewFrame(scene(), { x: 550, y: 50, w: 300, h: 300 }).map((s) => s.id)).toEqual(['loose']);
  });

  it('reparents shapes dropped into or out of frames, not content moving with its frame', () => {
    expect(reparentAfterMove(scene(), ['loose'], 500, 0)).toEqual([{ id: 'loose', changes: { parent: 'right' } }]);
    expect(reparentAfterMove(scene(), ['inside'], 0, 1000)).toEqual([{ id: 'inside', changes: { parent: null } }]);
    expect(reparentAfterMove(scene(), ['inside'], 10, 10)).toEqual([]);
    expect(reparentAfterMove(scene(), ['nested', 'inside'], 2000, 0)).toEqual([{ id: 'nested', changes: { parent: null } }]);
    expect(reparentAfterMove(scene(), ['arrow'], 100, 100)).toEqual([]);
  });

  it('adds the content of frames to a set of ids, at any depth, once each', () => {
    expect(withFrameContents(scene(), ['loose', 'nested', 'inside'])).toEqual(['loose', 'nested', 'inside']);
    expect(withFrameContents(scene(), ['left']).sort()).toEqual(['inside', 'left', 'locked', 'nested']);
  });

  it('moves the unlocked part of a selection with all the content of its frames', () => {
    expect(movableIds(scene(), ['locked', 'loose'])).toEqual(['loose']);
    expect(movableIds(scene(), ['left']).sort()).toEqual(['inside', 'left', 'locked', 'nested']);
  });
});
