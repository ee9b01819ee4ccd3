import { describe, expect, it } from 'vitest';
import { planUpdate } from './update-plan.ts';
import { byId, connector, free, glued, idSequence, rect, sticky } from './testing.ts';

const next = idSequence();
const [A, B, C, MISSING] = [next(), next(), next(), next()] as [string, string, string, string];

describe('planUpdate', () => {
  const note = sticky(A, { x: 0, y: 0, w: 100, h: 100, color: 'jaune' });
  const box = rect(B, { x: 300, y: 0, w: 100, h: 100 });
  const arrow = connector(C, glued(A, 1, 0.5), glued(B, 0, 0.5), { x: 100, y: 50, w: 200, h: 0 });

  it('returns only the patched shapes, patched', () => {
    const changed = planUpdate([note, box, arrow], [{ id: A, changes: { color: 'bleu' } }]);
    expect(changed).toEqual([{ ...note, color: 'bleu' }]);
  });

  it('applies several patches of one shape in order and never changes id or type', () => {
    const changed = planUpdate(
      [note],
      [
        { id: A, changes: { text: 'un' } },
        { id: A, changes: { text: 'deux', ...({ id: MISSING, type: 'rect' } as object) } },
      ],
    );
    expect(changed).toEqual([{ ...note, text: 'deux' }]);
  });

  it('drops patches of shapes that are not there', () => {
    expect(planUpdate([note], [{ id: MISSING, changes: { color: 'bleu' } }])).toEqual([]);
  });

  it('derives the box of connectors glued to a resized shape', () => {
    const changed = byId(planUpdate([note, box, arrow], [{ id: B, changes: { x: 500, h: 200 } }]));
    expect(changed.get(B)).toMatchObject({ x: 500, h: 200 });
    expect(changed.get(C)).toMatchObject({ x: 100, y: 50, w: 400, h: 50 });
  });

  it('derives the box of a connector from its new ends, whatever the patch says', () => {
    const changed = planUpdate([note, box, arrow], [{ id: C, changes: { end: free(100, 300), x: 9999 } }]);
    expect(changed).toEqual([{ ...arrow, end: free(100, 300), x: 100, y: 50, w: 0, h: 250 }]);
  });
});
