import { describe, expect, it } from 'vitest';
import { planDelete } from './delete-plan.ts';
import { connector, frame, free, glued, idSequence, sticky } from './testing.ts';

const next = idSequence();
const [FRAME, INSIDE, OUTSIDE, ARROW, MISSING] = [next(), next(), next(), next(), next()] as [string, string, string, string, string];

describe('planDelete', () => {
  const section = frame(FRAME, { x: 0, y: 0, w: 500, h: 500 });
  const inside = sticky(INSIDE, { x: 100, y: 100, w: 100, h: 100, parent: FRAME });
  const outside = sticky(OUTSIDE, { x: 800, y: 100, w: 100, h: 100 });
  const arrow = connector(ARROW, glued(OUTSIDE, 0, 0.5), glued(INSIDE, 1, 0.5), { x: 200, y: 150, w: 600, h: 0 });
  const shapes = [section, inside, outside, arrow];

  it('deletes a frame with its content and frees the connectors glued to it', () => {
    const plan = planDelete(shapes, [FRAME]);
    expect([...plan.deleted].sort()).toEqual([FRAME, INSIDE].sort());
    expect(plan.changed).toEqual([{ ...arrow, end: free(200, 150) }]);
  });

  it('deletes a connector without touching the shapes it joins', () => {
    const plan = planDelete(shapes, [ARROW]);
    expect([...plan.deleted]).toEqual([ARROW]);
    expect(plan.changed).toEqual([]);
  });

  it('keeps ids it does not know, so that malformed shapes can be deleted too', () => {
    expect([...planDelete(shapes, [MISSING]).deleted]).toEqual([MISSING]);
  });
});
