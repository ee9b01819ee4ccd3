import { describe, expect, it } from 'vitest';
import { canJoinFrame, frameAt, movableIds, reparentAfterMove, shapesCenteredIn, withFrameChildren } from './frame-membership.ts';
import { Scene } from './scene.ts';
import { MemoryBoard } from './testing/memory-board.ts';
import { makeShape } from './testing/shapes.ts';

function scene(): Scene {
  return new Scene(
    new MemoryBoard([
      makeShape('frame', { id: 'left', x: 0, y: 0, w: 500, h: 500, z: 'a0' }),
      makeShape('frame', { id: 'right', x: 1000, y: 0, w: 500, h: 500, z: 'a1' }),
      makeShape('sticky', { id: 'inside', x: 100, y: 100, w: 100, h: 100, parent: 'left', z: 'a2' }),
      makeShape('sticky', { id: 'loose', x: 600, y: 100, w: 100, h: 100, z: 'a3' }),
      makeShape('sticky', { id: 'straddling', x: 450, y: 100, w: 200, h: 100, z: 'a4' }),
      makeShape('sticky', { id: 'locked', x: 300, y: 300, w: 10, h: 10, z: 'a5', locked: true }),
    ]),
  );
}

describe('frame membership', () => {
  it('lets every shape but frames and connectors join a frame', () => {
    expect(canJoinFrame(makeShape('sticky', { id: 's' }))).toBe(true);
    expect(canJoinFrame(makeShape('frame', { id: 'f' }))).toBe(false);
    expect(canJoinFrame(makeShape('connector', { id: 'c' }))).toBe(false);
  });

  it('finds the frame under a point, skipping excluded ones', () => {
    expect(frameAt(scene(), { x: 1200, y: 50 })?.id).toBe('right');
    expect(frameAt(scene(), { x: 700, y: 50 })).toBeNull();
    expect(frameAt(scene(), { x: 1200, y: 50 }, new Set(['right']))).toBeNull();
  });

  it('takes in the unlocked shapes whose centre falls inside a new frame', () => {
    const ids = shapesCenteredIn(scene(), { x: 0, y: 0, w: 560, h: 500 }).map((s) => s.id).sort();
    expect(ids).toEqual(['inside', 'straddling']);
  });

  it('reparents shapes dropped into or out of frames, not children moving with theirs', () => {
    expect(reparentAfterMove(scene(), ['loose'], 500, 0)).toEqual([{ id: 'loose', changes: { parent: 'right' } }]);
    expect(reparentAfterMove(scene(), ['inside'], 0, 1000)).toEqual([{ id: 'inside', changes: { parent: null } }]);
    expect(reparentAfterMove(scene(), ['inside'], 10, 10)).toEqual([]);
    expect(reparentAfterMove(scene(), ['left', 'inside'], 2000, 0)).toEqual([]);
  });

  it('adds the children of frames to a set of ids, once each', () => {
    expect(withFrameChildren(scene(), ['loose', 'left', 'inside'])).toEqual(['loose', 'left', 'inside']);
    expect(withFrameChildren(scene(), ['left'])).toEqual(['left', 'inside']);
  });

  it('moves the unlocked part of a selection, with the unlocked children of its frames', () => {
    const board = scene();
    expect(movableIds(board, ['left', 'locked', 'loose'])).toEqual(['left', 'inside', 'loose']);
  });
});
