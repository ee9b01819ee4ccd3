import { describe, expect, it } from 'vitest';
import { planMove } from './move-plan.ts';
import { byId, connector, frame, free, glued, idSequence, sticky } from './testing.ts';

const next = idSequence();
const [FRAME, NESTED, NOTE, DEEP, LOOSE, BETWEEN, HALF, INSIDE_FREE, OTHER] = Array.from({ length: 9 }, next) as [
  string, string, string, string, string, string, string, string, string,
];

describe('planMove', () => {
  const section = frame(FRAME, { x: 0, y: 0, w: 1000, h: 1000 });
  const nested = frame(NESTED, { x: 500, y: 500, w: 400, h: 400, parent: FRAME });
  const note = sticky(NOTE, { x: 100, y: 100, w: 100, h: 100, parent: FRAME });
  const deep = sticky(DEEP, { x: 600, y: 600, w: 100, h: 100, parent: NESTED });
  const loose = sticky(LOOSE, { x: 2000, y: 0, w: 100, h: 100 });
  // Between two shapes inside the frame, but not itself in the frame.
  const between = connector(BETWEEN, glued(NOTE, 1, 0.5), glued(DEEP, 0, 0.5), { x: 200, y: 150, w: 400, h: 500 });
  const half = connector(HALF, glued(NOTE, 0.5, 0), glued(LOOSE, 0, 0.5), { x: 150, y: 50, w: 1850, h: 50 });
  const insideFree = connector(INSIDE_FREE, free(300, 300), free(400, 300), { x: 300, y: 300, w: 100, h: 0 });
  const shapes = [section, nested, note, deep, loose, between, half, insideFree];

  it('moves a frame with everything inside it, at any depth', () => {
    const moved = byId(planMove(shapes, [FRAME], 10, 20));
    for (const shape of [section, nested, note, deep]) {
      expect(moved.get(shape.id)).toMatchObject({ x: shape.x + 10, y: shape.y + 20, parent: shape.parent });
    }
    expect(moved.has(LOOSE)).toBe(false);
  });

  it('carries the connectors between moved shapes and free connectors inside a moved frame', () => {
    const moved = byId(planMove(shapes, [FRAME], 10, 20));
    expect(moved.get(BETWEEN)).toMatchObject({ x: 210, y: 170, w: 400, h: 500 });
    expect(moved.get(INSIDE_FREE)).toMatchObject({ start: free(310, 320), end: free(410, 320), x: 310, y: 320 });
  });

  it('re-derives a connector glued at one end only', () => {
    const moved = byId(planMove(shapes, [FRAME], 10, 20));
    // Its start follows the note (top middle 160, 120), its end stays on the loose note (2000, 50).
    expect(moved.get(HALF)).toMatchObject({ x: 160, y: 50, w: 1840, h: 70, start: half.start, end: half.end });
  });

  it('leaves the parent alone: frame membership is decided by the caller', () => {
    expect(byId(planMove(shapes, [NOTE], 3000, 0)).get(NOTE)).toMatchObject({ x: 3100, parent: FRAME });
  });

  it('moves a frame and its content once each, even when both are given', () => {
    const moved = planMove(shapes, [FRAME, NOTE, DEEP], 5, 0);
    expect(byId(moved).get(NOTE)).toMatchObject({ x: 105 });
    expect(moved.filter((shape) => shape.id === NOTE)).toHaveLength(1);
  });

  it('changes nothing for a zero move or unknown ids', () => {
    expect(planMove(shapes, [FRAME], 0, 0)).toEqual([]);
    expect(planMove(shapes, [OTHER], 10, 10)).toEqual([]);
  });
});
