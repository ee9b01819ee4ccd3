import { describe, expect, it } from 'vitest';
import { containingFrame, descendants } from './frames.ts';
import { frame, idSequence, sticky } from './testing.ts';

const next = idSequence();
const [OUTER, INNER, OTHER, NOTE, LOOSE] = [next(), next(), next(), next(), next()] as [string, string, string, string, string];

describe('containingFrame', () => {
  const outer = frame(OUTER, { x: 0, y: 0, w: 1000, h: 1000 });
  const inner = frame(INNER, { x: 100, y: 100, w: 300, h: 300, parent: OUTER });
  const frames = [outer, inner];

  it('picks the smallest frame around the centre', () => {
    expect(containingFrame(sticky(NOTE, { x: 150, y: 150 }), frames)?.id).toBe(INNER);
    expect(containingFrame(sticky(NOTE, { x: 600, y: 600 }), frames)?.id).toBe(OUTER);
    // The centre (1040, 50) is outside, even though the box overlaps the outer frame.
    expect(containingFrame(sticky(NOTE, { x: 990, y: 0 }), frames)).toBeNull();
  });

  it('never puts a frame in itself or in a frame it contains', () => {
    expect(containingFrame(inner, frames)?.id).toBe(OUTER);
    const shrunkOuter = { ...outer, w: 200, h: 200 };
    expect(containingFrame(shrunkOuter, frames)).toBeNull();
  });

  it('only takes frames larger than the shape', () => {
    const big = sticky(NOTE, { x: 150, y: 150, w: 400, h: 400 });
    expect(containingFrame(big, frames)?.id).toBe(OUTER);
  });

  it('settles equal frames by id', () => {
    const twin = frame(OTHER, { ...inner, id: OTHER });
    const note = sticky(NOTE, { x: 150, y: 150 });
    const expected = [INNER, OTHER].sort()[0];
    expect(containingFrame(note, [outer, inner, twin])?.id).toBe(expected);
    expect(containingFrame(note, [twin, inner, outer])?.id).toBe(expected);
  });
});

describe('descendants', () => {
  it('finds content at any depth, parents first', () => {
    const shapes = [
      sticky(NOTE, { parent: INNER }),
      frame(INNER, { parent: OUTER }),
      frame(OUTER),
      sticky(LOOSE),
    ];
    expect(descendants(OUTER, shapes).map((shape) => shape.id)).toEqual([INNER, NOTE]);
    expect(descendants(INNER, shapes).map((shape) => shape.id)).toEqual([NOTE]);
    expect(descendants(LOOSE, shapes)).toEqual([]);
  });

  it('stops on parent cycles from a remote document', () => {
    const shapes = [frame(OUTER, { parent: INNER }), frame(INNER, { parent: OUTER })];
    expect(descendants(OUTER, shapes).map((shape) => shape.id)).toEqual([INNER]);
  });
});
