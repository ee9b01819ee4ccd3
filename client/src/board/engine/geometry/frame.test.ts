import { describe, expect, it } from 'vitest';
import { makeShape } from '../testing/shapes.ts';
import { FRAME_TITLE_HEIGHT, frameGeometry, frameInterior, hitFrame } from './frame.ts';

describe('frame geometry', () => {
  const box = { x: 0, y: 0, w: 400, h: 300 };
  const frame = makeShape('frame', { id: 'f', ...box });
  const lookup = () => undefined;

  it('has an empty inside below its title bar', () => {
    expect(frameInterior(box)).toEqual({ x: 0, y: FRAME_TITLE_HEIGHT, w: 400, h: 300 - FRAME_TITLE_HEIGHT });
  });

  it('is hit on its title bar and border, not in its empty inside', () => {
    expect(hitFrame(box, { x: 200, y: 10 }, 4)).toBe(true);
    expect(hitFrame(box, { x: 2, y: 150 }, 4)).toBe(true);
    expect(hitFrame(box, { x: 403, y: 150 }, 4)).toBe(true);
    expect(hitFrame(box, { x: 200, y: 298 }, 4)).toBe(true);
    expect(hitFrame(box, { x: 200, y: 150 }, 4)).toBe(false);
    expect(hitFrame(box, { x: 410, y: 150 }, 4)).toBe(false);
    expect(frameGeometry.hitTest(frame, { x: 200, y: 150 }, 4, lookup)).toBe(false);
  });

  it('is touched by a marquee over its border or title, not by one inside it', () => {
    expect(frameGeometry.intersectsRect(frame, { x: 100, y: 100, w: 50, h: 50 }, lookup)).toBe(false);
    expect(frameGeometry.intersectsRect(frame, { x: 100, y: 10, w: 50, h: 50 }, lookup)).toBe(true);
    expect(frameGeometry.intersectsRect(frame, { x: 380, y: 100, w: 50, h: 50 }, lookup)).toBe(true);
    expect(frameGeometry.bounds(frame)).toEqual(box);
  });
});
